import { z } from "zod";
import { CHANNELS } from "@/lib/channels";
import { TASK_PRIORITIES, TASK_SOURCES, TASK_STATUSES } from "@/lib/tasks";

/**
 * What /api/v1 answers, as zod schemas: the handlers' bodies are typed by them and the OpenAPI
 * document (lib/api/openapi.ts) is generated from them, so the two cannot drift apart.
 */
export const responseSchemas = z.registry<{ id: string; description?: string; examples?: unknown[] }>();

const component = <S extends z.ZodType>(id: string, schema: S, description?: string, examples?: z.output<S>[]): S => {
  responseSchemas.add(schema, { id, ...(description ? { description } : {}), ...(examples ? { examples } : {}) });
  return schema;
};

const id = z.int().min(1);
const dateTime = z.iso.datetime({ offset: true });
const day = z.iso.date();

export const ApiErrorBody = component(
  "Error",
  z.object({
    error: z.object({
      code: z.string().meta({ examples: ["invalid_items"] }),
      message: z.string().meta({ examples: ["Some events are invalid; nothing was saved."] }),
      errors: z
        .array(z.object({ index: z.int(), field: z.string(), message: z.string() }))
        .optional()
        .meta({
          description: "Each invalid item: its index in the batch (0 for a query), the field and what is wrong.",
        }),
    }),
  }),
  "Every failure: a code to branch on and a message to show.",
);

export const CustomerBatchResult = component(
  "CustomerBatchResult",
  z.object({
    results: z.array(z.object({ index: z.int(), id, status: z.enum(["created", "updated"]) })),
  }),
  "One result per item, in the order sent, with the customer's id.",
  [{ results: [{ index: 0, id: 4211, status: "created" }] }],
);

export const EventBatchResult = component(
  "EventBatchResult",
  z.object({
    created: z.int(),
    duplicates: z.int(),
    results: z.array(
      z.object({ index: z.int(), externalId: z.string(), id, status: z.enum(["created", "duplicate"]) }),
    ),
  }),
  "A replayed key answers `duplicate` with the id it was stored under.",
  [
    {
      created: 1,
      duplicates: 1,
      results: [
        { index: 0, externalId: "evt-1", id: 90211, status: "created" },
        { index: 1, externalId: "evt-0", id: 90187, status: "duplicate" },
      ],
    },
  ],
);

export const SubscriptionBatchResult = component(
  "SubscriptionBatchResult",
  z.object({
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    results: z.array(
      z.object({ index: z.int(), externalId: z.string(), id, status: z.enum(["created", "updated", "unchanged"]) }),
    ),
  }),
);

export const TaskBatchResult = component(
  "TaskBatchResult",
  z.object({
    created: z.int(),
    duplicates: z.int(),
    results: z.array(
      z.object({ index: z.int(), externalId: z.string(), id, status: z.enum(["created", "duplicate"]) }),
    ),
  }),
);

const risk = z.object({
  score: z.number().meta({ description: "0–100: how likely the customer is sliding into debt." }),
  trend30Days: z.number().meta({ description: "The score's change over the last 30 days." }),
  fatigued: z.boolean(),
  daysSilent: z.int().nullable().meta({ description: "Days since the last inbound interaction." }),
  computedAt: dateTime.nullable(),
});

export const ApiCustomerView = component(
  "Customer",
  z.object({
    id,
    externalId: z.string().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    company: z.string().nullable(),
    plan: z.string().meta({ description: "The plan: starter, growth or enterprise." }),
    mrrCents: z.int(),
    status: z.enum(["active", "churned"]),
    owner: z.object({ id, name: z.string().nullable() }).nullable(),
    milestone: z.object({ number: z.int().min(1).max(13), label: z.string(), reachedAt: dateTime }),
    stages: z
      .record(z.string(), z.string().nullable())
      .meta({ description: "The customer's stage in each journey model, by the model's key." }),
    balance: z.number().meta({ description: "Credit + debt on the experience ledger, decayed to now." }),
    risk,
    signedUpAt: dateTime,
    updatedAt: dateTime,
    churnedAt: dateTime.nullable(),
    referredById: id.nullable(),
  }),
  "A customer with balance, risk and the stage in every journey model.",
);

/** A page's continuation: the `cursor` of the next page, null on the last one. */
const next = z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." });

export const CustomerPage = component("CustomerPage", z.object({ customers: z.array(ApiCustomerView), next }));

export const ApiEventView = component(
  "StoredEvent",
  z.object({
    id,
    externalId: z
      .string()
      .nullable()
      .meta({ description: "The key it was sent with; null for rows logged in the app." }),
    customerId: id,
    type: z.string(),
    direction: z.enum(["inbound", "outbound"]),
    channel: z.enum(CHANNELS),
    occurredAt: dateTime,
    recordedAt: dateTime,
    summary: z.string(),
    weight: z.number().meta({ description: "The weight it counts with on the ledger." }),
    source: z
      .enum(["ui", "api", "import", "system"])
      .meta({ description: "Where it came from: the app (ui), the API, a CSV import, or Hourglass itself." }),
  }),
  "An interaction as stored: sent through the API or logged in the app.",
);

export const EventPage = component("EventPage", z.object({ events: z.array(ApiEventView), next }));

export const RiskPage = component(
  "RiskPage",
  z.object({
    view: z.enum(["at-risk", "watch"]),
    threshold: z.number().meta({ description: "The at-risk score in force (Settings → Scoring)." }),
    total: z.int().meta({ description: "Counted up to 1,000 past the page." }),
    more: z.boolean().meta({ description: "true when there are more than `total`." }),
    page: z.int(),
    customers: z.array(
      z.object({
        id,
        name: z.string(),
        owner: z.string().nullable(),
        mrrCents: z.int(),
        milestone: z.int(),
        balance: z.number(),
        riskScore: z.number(),
        trend30Days: z.number(),
        fatigued: z.boolean(),
        daysSilent: z.int().nullable(),
      }),
    ),
  }),
  "A page of the debt-risk list, most at risk first.",
);

export const TaskPage = component(
  "TaskPage",
  z.object({
    page: z.int(),
    more: z.boolean(),
    tasks: z.array(
      z.object({
        id,
        externalId: z.string().nullable(),
        customerId: id,
        customerName: z.string(),
        title: z.string(),
        priority: z.enum(TASK_PRIORITIES),
        status: z.enum(TASK_STATUSES),
        dueOn: day,
        source: z.enum(TASK_SOURCES),
        assigneeEmail: z.string().nullable(),
        checklist: z.array(z.object({ text: z.string(), done: z.boolean() })),
        note: z.string(),
        outcome: z.string().nullable(),
        dismissReason: z.string().nullable(),
        createdAt: dateTime,
        closedAt: dateTime.nullable(),
      }),
    ),
  }),
);

export const BacktestResult = component(
  "BacktestResult",
  z.object({
    cutoff: day,
    horizon: z.int(),
    version: z.int(),
    includeProxies: z.boolean(),
    auc: z.number().nullable().meta({ description: "null when nobody or everybody churned." }),
    customers: z.array(
      z.object({ customerId: id, score: z.number(), atRisk: z.boolean(), churnedWithinHorizon: z.boolean() }),
    ),
  }),
  "Every paying customer active at the cutoff, scored as of it, and whether they churned within the horizon.",
);
