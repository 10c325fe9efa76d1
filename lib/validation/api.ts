import { z } from "zod";
import { CHANNELS } from "@/lib/channels";
import { PLANS } from "@/lib/plans";
import { BOOK_CURRENCY, SUBSCRIPTION_INTERVALS, SUBSCRIPTION_STATUSES } from "@/lib/revenue";
import { TASK_PRIORITIES } from "@/lib/tasks";
import { ID_MAX, isBeforeEarliest, isCalendarDay, isTooFarAhead, storable, toDate } from "./fields";

const isoDate = z
  .string({ message: "Required: an ISO 8601 date-time, like 2026-11-23T09:30:00Z." })
  .transform((value, ctx) => toDate(value, "Must be an ISO 8601 date-time, like 2026-11-23T09:30:00Z.", ctx))
  .refine((date) => !isTooFarAhead(date), "Must not be more than a day in the future.")
  .refine((date) => !isBeforeEarliest(date), "Must not be before the year 2000.")
  .meta({ format: "date-time" });
/** Missing and wrong-type values get different messages. */
const textError = (missing: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? missing : "Must be text."),
});
const key = (missing: string) =>
  storable(z.string(textError(missing)).trim().min(1, missing).max(200, "At most 200 characters."));
const email = z
  .string({ message: "Must be an email address." })
  .trim()
  .toLowerCase()
  .max(320, "At most 320 characters.")
  .email("Must be an email address.");

/** How an item names its customer: one of these. */
const customerReference = {
  customerId: z
    .number({ message: "Must be a customer id (a whole number)." })
    .int("Must be a whole number.")
    .min(1, "Must be at least 1.")
    .max(ID_MAX.integer, "No customer has an id this large.")
    .optional(),
  customerExternalId: key("Must not be empty.").optional(),
  customerEmail: email.optional(),
};
const namesCustomer = (item: { customerId?: number; customerExternalId?: string; customerEmail?: string }) =>
  item.customerId !== undefined || item.customerExternalId !== undefined || item.customerEmail !== undefined;
const NAME_THE_CUSTOMER = {
  message: "Name the customer: customerId, customerExternalId or customerEmail.",
  path: ["customer"],
};

/** Items per API batch (events, customers). */
export const MAX_BATCH = 1000;

export const apiEventSchema = z
  .object({
    externalId: key("Required: the event's idempotency key."),
    ...customerReference,
    type: storable(
      z
        .string(textError("Required: an interaction type key."))
        .trim()
        .min(1, "Required: an interaction type key.")
        .max(64, "At most 64 characters."),
    ),
    occurredAt: isoDate,
    direction: z.enum(["inbound", "outbound"]).default("inbound"),
    channel: z.enum(CHANNELS).default("in_app"),
    summary: storable(z.string({ message: "Must be text." }).max(500, "At most 500 characters.")).default(""),
    weight: z
      .number({ message: "Must be a number from -100 to 100." })
      .min(-100, "Must be at least -100.")
      .max(100, "Must be at most 100.")
      .optional(),
  })
  .strict()
  .refine(namesCustomer, NAME_THE_CUSTOMER);

const apiCustomerFields = z
  .object({
    externalId: key("Must not be empty.").optional(),
    email: email.optional(),
    name: storable(z.string(textError("Required.")).trim().min(1, "Required.").max(120, "At most 120 characters.")),
    company: storable(z.string({ message: "Must be text." }).trim().max(120, "At most 120 characters.")).optional(),
    plan: z.enum(PLANS, { message: `Must be one of: ${PLANS.join(", ")}.` }).optional(),
    mrrCents: z
      .number()
      .int("Must be whole cents.")
      .min(0, "Must not be negative.")
      .max(1_000_000_000, "Must be at most 1000000000 cents ($10,000,000 a month).")
      .optional(),
    ownerEmail: email.optional(),
    status: z.enum(["active", "churned"]).optional(),
    milestone: z.number().int().min(1).max(13).optional(),
    signedUpAt: isoDate.optional(),
  })
  .strict();

export const apiCustomerSchema = apiCustomerFields.refine(
  (customer) => customer.externalId !== undefined || customer.email !== undefined,
  { message: "Give an externalId or an email to match the customer by.", path: ["externalId"] },
);

/** PATCH /api/v1/customers/{id}: the fields to change, at least one. */
export const apiCustomerPatchSchema = apiCustomerFields
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: "Send at least one field to change.", path: [] });

export type ApiEvent = z.infer<typeof apiEventSchema>;
export type ApiCustomer = z.infer<typeof apiCustomerSchema>;
export type ApiCustomerPatch = z.infer<typeof apiCustomerPatchSchema>;

/** A task sent to POST /api/v1/tasks: its idempotency key, the customer, and the task. */
export const apiTaskSchema = z
  .object({
    externalId: key("Required: the task's idempotency key."),
    ...customerReference,
    title: storable(z.string(textError("Required.")).trim().min(1, "Required.").max(200, "At most 200 characters.")),
    dueOn: z
      .string({ message: "Required: a date, like 2026-12-24." })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Must be a date, like 2026-12-24.")
      .refine(isCalendarDay, "Must be a date that exists.")
      .refine((value) => value >= "2000-01-01" && value <= "2100-12-31", "Must be between 2000 and 2100.")
      .meta({ format: "date" }),
    priority: z.enum(TASK_PRIORITIES, { message: `Must be one of: ${TASK_PRIORITIES.join(", ")}.` }).default("normal"),
    assigneeEmail: email.optional(),
    checklist: z
      .array(
        storable(
          z
            .string({ message: "Must be text." })
            .trim()
            .min(1, "Must not be empty.")
            .max(200, "At most 200 characters."),
        ),
        {
          message: "Must be a list of texts.",
        },
      )
      .max(20, "At most 20 items.")
      .default([]),
    note: storable(z.string({ message: "Must be text." }).max(1000, "At most 1000 characters.")).default(""),
  })
  .strict()
  .refine(namesCustomer, NAME_THE_CUSTOMER);

export type ApiTask = z.infer<typeof apiTaskSchema>;

const calendarDay = z
  .string({ message: "Must be a date, like 2026-12-24." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Must be a date, like 2026-12-24.")
  .refine(isCalendarDay, "Must be a date that exists.")
  .refine((value) => value >= "2000-01-01" && value <= "2100-12-31", "Must be between 2000 and 2100.")
  .meta({ format: "date" });

/**
 * A subscription sent to POST /api/v1/subscriptions: its idempotency key, the customer, and the
 * state it is in from `effectiveAt` (default: now). Sending a key again with a new state changes it.
 */
export const apiSubscriptionSchema = z
  .object({
    externalId: key("Required: the subscription's idempotency key."),
    ...customerReference,
    plan: storable(z.string(textError("Required.")).trim().min(1, "Required.").max(60, "At most 60 characters.")),
    amountCents: z
      .number({ message: "Required: the price in whole cents." })
      .int("Must be whole cents.")
      .min(0, "Must not be negative.")
      .max(120_000_000_000, "Must be at most 120000000000 cents."),
    currency: z
      .string({ message: "Must be a currency code, like USD." })
      .regex(/^[A-Za-z]{3}$/, "Must be a three-letter currency code, like USD.")
      .transform((value) => value.toUpperCase())
      .default(BOOK_CURRENCY),
    interval: z.enum(SUBSCRIPTION_INTERVALS, { message: "Must be month or year." }).default("month"),
    status: z.enum(SUBSCRIPTION_STATUSES, { message: "Must be active or canceled." }).default("active"),
    renewsOn: calendarDay.nullable().optional(),
    cancelAtPeriodEnd: z.boolean({ message: "Must be true or false." }).default(false),
    effectiveAt: isoDate.optional(),
  })
  .strict()
  .refine(namesCustomer, NAME_THE_CUSTOMER)
  .refine((s) => s.currency === BOOK_CURRENCY, {
    message: `Amounts are kept in ${BOOK_CURRENCY}, the book's currency.`,
    path: ["currency"],
  });

export type ApiSubscription = z.infer<typeof apiSubscriptionSchema>;
