import { z } from "zod";
import { CHANNELS } from "@/lib/channels";
import { PLANS } from "@/lib/plans";
import { BOOK_CURRENCY, SUBSCRIPTION_INTERVALS, SUBSCRIPTION_STATUSES } from "@/lib/revenue";
import { TASK_PRIORITIES } from "@/lib/tasks";
import { type MessageKey, message } from "@/lib/error-messages";
import { ID_MAX, isBeforeEarliest, isCalendarDay, isTooFarAhead, storable, toDate } from "./fields";
import { fails, say } from "./messages";

/*
 * The API answers in English (server/api/handler.ts); the CSV import (Settings → Data) reads its
 * rows with these same schemas and says their messages in the member's language.
 */

const atMost = (max: number) => fails("field.atMost", { max });

const isoDate = z
  .string(fails("api.dateTimeRequired"))
  .transform((value, ctx) => toDate(value, message("api.dateTimeInvalid"), ctx))
  .refine((date) => !isTooFarAhead(date), fails("api.notInFuture"))
  .refine((date) => !isBeforeEarliest(date), fails("api.notBefore2000"))
  .meta({ format: "date-time" });
/** Missing and wrong-type values get different messages. */
const textError = (missing: MessageKey) => ({
  error: (issue: { input: unknown }) => say(message(issue.input === undefined ? missing : "api.mustBeText")),
});
const key = (missing: MessageKey) =>
  storable(z.string(textError(missing)).trim().min(1, fails(missing)).max(200, atMost(200)));
const email = z
  .string(fails("api.mustBeEmail"))
  .trim()
  .toLowerCase()
  .max(320, atMost(320))
  .email(fails("api.mustBeEmail"));

/** How an item names its customer: one of these. */
const customerReference = {
  customerId: z
    .number(fails("api.customerIdType"))
    .int(fails("api.wholeNumber"))
    .min(1, fails("api.atLeast", { min: 1 }))
    .max(ID_MAX.integer, fails("api.customerIdTooLarge"))
    .optional(),
  customerExternalId: key("api.notEmpty").optional(),
  customerEmail: email.optional(),
};
const namesCustomer = (item: { customerId?: number; customerExternalId?: string; customerEmail?: string }) =>
  item.customerId !== undefined || item.customerExternalId !== undefined || item.customerEmail !== undefined;
const NAME_THE_CUSTOMER = { ...fails("api.nameTheCustomer"), path: ["customer"] };

/** Items per API batch (events, customers). */
export const MAX_BATCH = 1000;

export const apiEventSchema = z
  .object({
    externalId: key("api.eventKeyRequired"),
    ...customerReference,
    type: storable(
      z.string(textError("api.typeRequired")).trim().min(1, fails("api.typeRequired")).max(64, atMost(64)),
    ),
    occurredAt: isoDate,
    direction: z.enum(["inbound", "outbound"]).default("inbound"),
    channel: z.enum(CHANNELS).default("in_app"),
    summary: storable(z.string(fails("api.mustBeText")).max(500, atMost(500))).default(""),
    weight: z
      .number(fails("api.weightType"))
      .min(-100, fails("api.atLeast", { min: -100 }))
      .max(100, fails("api.atMostValue", { max: 100 }))
      .optional(),
  })
  .strict()
  .refine(namesCustomer, NAME_THE_CUSTOMER);

const apiCustomerFields = z
  .object({
    externalId: key("api.notEmpty").optional(),
    email: email.optional(),
    name: storable(z.string(textError("api.required")).trim().min(1, fails("api.required")).max(120, atMost(120))),
    company: storable(z.string(fails("api.mustBeText")).trim().max(120, atMost(120))).optional(),
    plan: z.enum(PLANS, fails("api.oneOf", { values: PLANS.join(", ") })).optional(),
    mrrCents: z
      .number()
      .int(fails("api.wholeCents"))
      .min(0, fails("api.notNegative"))
      .max(1_000_000_000, fails("api.mrrTooLarge"))
      .optional(),
    ownerEmail: email.optional(),
    status: z.enum(["active", "churned"]).optional(),
    milestone: z.number().int().min(1).max(13).optional(),
    signedUpAt: isoDate.optional(),
  })
  .strict();

export const apiCustomerSchema = apiCustomerFields.refine(
  (customer) => customer.externalId !== undefined || customer.email !== undefined,
  { ...fails("api.matchCustomerBy"), path: ["externalId"] },
);

/** PATCH /api/v1/customers/{id}: the fields to change, at least one. */
export const apiCustomerPatchSchema = apiCustomerFields
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { ...fails("api.patchEmpty"), path: [] });

export type ApiEvent = z.infer<typeof apiEventSchema>;
export type ApiCustomer = z.infer<typeof apiCustomerSchema>;
export type ApiCustomerPatch = z.infer<typeof apiCustomerPatchSchema>;

/** A task sent to POST /api/v1/tasks: its idempotency key, the customer, and the task. */
export const apiTaskSchema = z
  .object({
    externalId: key("api.taskKeyRequired"),
    ...customerReference,
    title: storable(z.string(textError("api.required")).trim().min(1, fails("api.required")).max(200, atMost(200))),
    dueOn: z
      .string(fails("api.dateRequired"))
      .regex(/^\d{4}-\d{2}-\d{2}$/, fails("api.mustBeDate"))
      .refine(isCalendarDay, fails("api.dateExists"))
      .refine((value) => value >= "2000-01-01" && value <= "2100-12-31", fails("api.dateRange"))
      .meta({ format: "date" }),
    priority: z.enum(TASK_PRIORITIES, fails("api.oneOf", { values: TASK_PRIORITIES.join(", ") })).default("normal"),
    assigneeEmail: email.optional(),
    checklist: z
      .array(
        storable(z.string(fails("api.mustBeText")).trim().min(1, fails("api.notEmpty")).max(200, atMost(200))),
        fails("api.listOfTexts"),
      )
      .max(20, fails("api.atMostItems", { max: 20 }))
      .default([]),
    note: storable(z.string(fails("api.mustBeText")).max(1000, atMost(1000))).default(""),
  })
  .strict()
  .refine(namesCustomer, NAME_THE_CUSTOMER);

export type ApiTask = z.infer<typeof apiTaskSchema>;

const calendarDay = z
  .string(fails("api.mustBeDate"))
  .regex(/^\d{4}-\d{2}-\d{2}$/, fails("api.mustBeDate"))
  .refine(isCalendarDay, fails("api.dateExists"))
  .refine((value) => value >= "2000-01-01" && value <= "2100-12-31", fails("api.dateRange"))
  .meta({ format: "date" });

/**
 * A subscription sent to POST /api/v1/subscriptions: its idempotency key, the customer, and the
 * state it is in from `effectiveAt` (default: now). Sending a key again with a new state changes it.
 */
export const apiSubscriptionSchema = z
  .object({
    externalId: key("api.subscriptionKeyRequired"),
    ...customerReference,
    plan: storable(z.string(textError("api.required")).trim().min(1, fails("api.required")).max(60, atMost(60))),
    amountCents: z
      .number(fails("api.priceRequired"))
      .int(fails("api.wholeCents"))
      .min(0, fails("api.notNegative"))
      .max(120_000_000_000, fails("api.priceTooLarge")),
    currency: z
      .string(fails("api.currencyType"))
      .regex(/^[A-Za-z]{3}$/, fails("api.currencyCode"))
      .transform((value) => value.toUpperCase())
      .default(BOOK_CURRENCY),
    interval: z.enum(SUBSCRIPTION_INTERVALS, fails("api.interval")).default("month"),
    status: z.enum(SUBSCRIPTION_STATUSES, fails("api.subscriptionStatus")).default("active"),
    renewsOn: calendarDay.nullable().optional(),
    cancelAtPeriodEnd: z.boolean(fails("api.trueOrFalse")).default(false),
    effectiveAt: isoDate.optional(),
  })
  .strict()
  .refine(namesCustomer, NAME_THE_CUSTOMER)
  .refine((s) => s.currency === BOOK_CURRENCY, {
    ...fails("api.bookCurrency", { currency: BOOK_CURRENCY }),
    path: ["currency"],
  });

export type ApiSubscription = z.infer<typeof apiSubscriptionSchema>;
