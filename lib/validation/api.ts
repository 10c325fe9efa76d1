import { z } from "zod";
import { CHANNELS } from "@/lib/channels";
import { PLANS } from "@/lib/plans";

const DAY_MS = 86_400_000;
const isoDate = z
  .string({ message: "Required: an ISO 8601 date-time, like 2026-11-23T09:30:00Z." })
  .refine((value) => !Number.isNaN(Date.parse(value)), "Must be an ISO 8601 date-time, like 2026-11-23T09:30:00Z.")
  .transform((value) => new Date(value));

export const apiEventSchema = z
  .object({
    externalId: z.string({ message: "Required: the event's idempotency key." }).trim().min(1, "Required: the event's idempotency key.").max(200),
    customerId: z.number().int().positive().optional(),
    customerExternalId: z.string().trim().min(1).max(200).optional(),
    customerEmail: z.string().trim().toLowerCase().email("Must be an email address.").optional(),
    type: z.string({ message: "Required: an interaction type key." }).trim().min(1, "Required: an interaction type key.").max(64),
    occurredAt: isoDate.refine((date) => date.getTime() <= Date.now() + DAY_MS, "Must not be more than a day in the future."),
    direction: z.enum(["inbound", "outbound"]).default("inbound"),
    channel: z.enum(CHANNELS).default("in_app"),
    summary: z.string().max(500, "At most 500 characters.").default(""),
    weight: z.number().min(-100).max(100).optional(),
  })
  .strict()
  .refine((event) => event.customerId !== undefined || event.customerExternalId !== undefined || event.customerEmail !== undefined, {
    message: "Name the customer: customerId, customerExternalId or customerEmail.",
    path: ["customer"],
  });

export const apiCustomerSchema = z
  .object({
    externalId: z.string().trim().min(1).max(200).optional(),
    email: z.string().trim().toLowerCase().email("Must be an email address.").optional(),
    name: z.string({ message: "Required." }).trim().min(1, "Required.").max(120, "At most 120 characters."),
    company: z.string().trim().max(120, "At most 120 characters.").optional(),
    plan: z.enum(PLANS, { message: `Must be one of: ${PLANS.join(", ")}.` }).optional(),
    mrrCents: z.number().int("Must be whole cents.").min(0, "Must not be negative.").max(1_000_000_000).optional(),
    ownerEmail: z.string().trim().toLowerCase().email("Must be an email address.").optional(),
    status: z.enum(["active", "churned"]).optional(),
    milestone: z.number().int().min(1).max(13).optional(),
    signedUpAt: isoDate.optional(),
  })
  .strict()
  .refine((customer) => customer.externalId !== undefined || customer.email !== undefined, {
    message: "Give an externalId or an email to match the customer by.",
    path: ["externalId"],
  });

export type ApiEvent = z.infer<typeof apiEventSchema>;
export type ApiCustomer = z.infer<typeof apiCustomerSchema>;
