import { z } from "zod";
import { HORIZONS } from "@/lib/backtest/horizons";
import { CHANNELS } from "@/lib/channels";
import { RISK_VIEWS } from "@/lib/risk";
import { TASK_STATUSES } from "@/lib/tasks";
import { ID_MAX } from "@/lib/validation/fields";

/**
 * The query strings /api/v1 reads, as zod schemas: the handlers parse with them and the OpenAPI
 * document lists their fields as parameters.
 */
const limit = z.coerce
  .number({ message: "Must be a whole number from 1 to 200." })
  .int("Must be a whole number from 1 to 200.")
  .min(1, "Must be at least 1.")
  .max(200, "Must be at most 200.")
  .default(50)
  .meta({ description: "Items per page." });
const page = z.coerce
  .number({ message: "Must be a whole number, 1 or more." })
  .int("Must be a whole number, 1 or more.")
  .min(1, "Must be at least 1.")
  .max(100_000, "Must be at most 100000.")
  .default(1);
const email = z.string().trim().toLowerCase().email("Must be an email address.");
const idParam = (description: string) =>
  z.coerce
    .number({ message: "Must be an id (a whole number)." })
    .int("Must be an id (a whole number).")
    .min(1, "Must be at least 1.")
    .max(ID_MAX.integer, "No id is this large.")
    .optional()
    .meta({ description });
const instant = (description: string) =>
  z.iso
    .datetime({ offset: true, message: "Must be an ISO 8601 date-time, like 2026-11-23T09:30:00Z." })
    .optional()
    .meta({ description });
const cursor = z
  .string()
  .max(200, "Not a cursor this API gave out.")
  .optional()
  .meta({ description: "The `next` of the previous page; leave out for the first page." });

export const riskQuery = z.object({
  limit,
  page,
  ownerEmail: email.optional(),
  view: z.enum(RISK_VIEWS, { message: "Use at-risk or watch." }).default("at-risk").meta({
    description:
      "`at-risk`: active customers whose risk score is at or above the at-risk threshold (Settings → Scoring); `watch`: those below it.",
  }),
});

export const taskQuery = z.object({
  status: z.enum(TASK_STATUSES, { message: `Use one of: ${TASK_STATUSES.join(", ")}.` }).default("open"),
  assigneeEmail: email.optional(),
  customerId: idParam("Only this customer's tasks."),
  limit,
  page,
});

export const backtestQuery = z.object({
  cutoff: z.iso.date({ message: "Send the cutoff as a date, YYYY-MM-DD." }),
  horizon: z.coerce
    .number()
    .int()
    .refine((n) => (HORIZONS as readonly number[]).includes(n), "Use a horizon of 30, 60 or 90 days.")
    .default(90)
    .meta({ enum: [...HORIZONS], description: "Days after the cutoff in which a churn counts." }),
  version: idParam("A scoring version's number; the live one by default."),
  includeProxies: z.enum(["true", "false"], { message: "Use true or false." }).default("false"),
});

export const customerListQuery = z.object({
  updatedSince: instant("Only customers changed at or after this moment (a sync's last start)."),
  ownerId: idParam("Only this team member's customers."),
  status: z.enum(["active", "churned"], { message: "Use active or churned." }).optional(),
  limit,
  cursor,
});

export const eventListQuery = z.object({
  customerId: idParam("Only this customer's events."),
  type: z.string().trim().min(1).max(64, "At most 64 characters.").optional().meta({
    description: "An interaction type key, e.g. login or support_ticket.",
  }),
  direction: z.enum(["inbound", "outbound"], { message: "Use inbound or outbound." }).optional(),
  channel: z.enum(CHANNELS, { message: `Use one of: ${CHANNELS.join(", ")}.` }).optional(),
  from: instant("Only events that occurred at or after this moment."),
  to: instant("Only events that occurred before this moment."),
  recordedSince: instant("Only events recorded at or after this moment (a sync's last start)."),
  limit,
  cursor,
});

export type CustomerListQuery = z.infer<typeof customerListQuery>;
export type EventListQuery = z.infer<typeof eventListQuery>;
