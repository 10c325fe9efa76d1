import { z } from "zod";
import { BOOK_CURRENCY } from "@/lib/revenue";
import {
  apiCustomerPatchSchema,
  apiCustomerSchema,
  apiEventSchema,
  apiSubscriptionSchema,
  apiTaskSchema,
  MAX_BATCH,
} from "@/lib/validation/api";
import { backtestQuery, customerListQuery, eventListQuery, riskQuery, taskQuery } from "./queries";
import { responseSchemas } from "./schemas";

type JsonSchema = Record<string, unknown>;

const COMPONENTS = "#/components/schemas/";
const ref = (id: string) => ({ $ref: `${COMPONENTS}${id}` });

/**
 * zod's JSON Schema, read as a person would: formats say what a date or an email is (zod's
 * patterns for them are longer and its email pattern stricter than the trimmed, lower-cased
 * address the server accepts), and whole numbers carry no ±2^53 bounds.
 */
function tidy({ jsonSchema }: { jsonSchema: JsonSchema }) {
  if (typeof jsonSchema.format === "string") delete jsonSchema.pattern;
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

function componentsOf(registry: z.core.$ZodRegistry<{ id: string }>, io: "input" | "output") {
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: "draft-2020-12",
    uri: (id) => `${COMPONENTS}${id}`,
    override: tidy,
  });
  // Components of one document: no schema dialect or id of their own.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as JsonSchema]),
  );
}

const requestSchemas = z.registry<{ id: string; description?: string }>();
const NAMES_CUSTOMER = "One of customerId, customerExternalId or customerEmail is required.";
requestSchemas.add(apiEventSchema, { id: "Event", description: NAMES_CUSTOMER });
requestSchemas.add(apiCustomerSchema, {
  id: "CustomerInput",
  description: "Matched by externalId, else by email; one of them is required.",
});
requestSchemas.add(apiCustomerPatchSchema, {
  id: "CustomerPatch",
  description: "The fields to change; at least one. A milestone moves the customer forward only.",
});
requestSchemas.add(apiSubscriptionSchema, {
  id: "SubscriptionInput",
  description: `${NAMES_CUSTOMER} Amounts are in ${BOOK_CURRENCY} cents, the book's currency.`,
});
requestSchemas.add(apiTaskSchema, { id: "TaskInput", description: NAMES_CUSTOMER });

const FIELD_NOTES: Record<string, Record<string, string>> = {
  Event: {
    externalId: "Idempotency key: a replay returns the original result; the same key with another body is a 422.",
    type: "Interaction type key, e.g. login, feature_adopted, error_hit, bug_report, support_ticket.",
    occurredAt: "At most one day in the future.",
    weight: "Overrides the type's weight on the ledger.",
  },
  CustomerInput: { milestone: "Moves the customer forward only.", mrrCents: "Sets the customer's one subscription." },
  SubscriptionInput: {
    externalId:
      "The subscription's key: a new key starts one, the same key with another body changes it, the same body again writes nothing.",
    amountCents: "The price per interval, in cents.",
    effectiveAt:
      "When this state took effect (default now): the start of a new subscription, or the day of a change. Not before the subscription's last change, not in the future.",
  },
  TaskInput: { externalId: "Idempotency key: the same key and body again returns the task it made." },
};

/**
 * Request fields with their notes. A default is said in words: generators such as openapi-typescript
 * read `default` as "always present" and would make a client send every defaulted field.
 */
function describeRequestFields(schemas: Record<string, JsonSchema>) {
  for (const [id, schema] of Object.entries(schemas)) {
    for (const [field, property] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
      const notes = [
        FIELD_NOTES[id]?.[field],
        property.default === undefined ? undefined : `Default: ${JSON.stringify(property.default)}.`,
      ];
      delete property.default;
      const description = notes.filter(Boolean).join(" ");
      if (description) property.description = description;
    }
  }
  return schemas;
}

/** A zod object of query fields as OpenAPI parameters: required unless optional or defaulted. */
function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", override: tidy }) as JsonSchema;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(json.properties as Record<string, JsonSchema>).map(([name, { description, ...rest }]) => ({
    name,
    in: "query",
    required: required.has(name),
    ...(description ? { description } : {}),
    schema: rest,
  }));
}

const rateLimitHeaders = {
  "RateLimit-Limit": {
    description: "Requests this token may make at once (the bucket's size).",
    schema: { type: "integer" },
  },
  "RateLimit-Remaining": { description: "Requests left in the bucket now.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the bucket is full again.", schema: { type: "integer" } },
};

const json = (description: string, schema: JsonSchema) => ({
  description,
  headers: rateLimitHeaders,
  content: { "application/json": { schema } },
});
const failure = (description: string) => json(description, ref("Error"));
const common = {
  "401": { description: "Missing or invalid token", content: { "application/json": { schema: ref("Error") } } },
  "403": failure("The token lacks the needed scope"),
  "429": failure("Rate limit reached: see Retry-After"),
  "503": failure("Database unavailable: see Retry-After"),
};
const batchFailures = {
  "400": failure("Invalid items, with index, field and message for each; nothing written"),
  "413": failure(`Body over 2 MB`),
};
const batchBody = (key: string, item: string) => ({
  required: true,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: [key],
        properties: { [key]: { type: "array", minItems: 1, maxItems: MAX_BATCH, items: ref(item) } },
      },
    },
  },
});
const customerId = {
  name: "id",
  in: "path",
  required: true,
  description: "The customer's id in Hourglass.",
  schema: { type: "integer", minimum: 1 },
};

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and rendered in Settings → API. */
export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Hourglass API",
    version: "1.1.0",
    description:
      "Send customers and product events to Hourglass and read balances and risk. Authenticate with `Authorization: Bearer <token>` (Settings → API). Batches are all or nothing. Every answer to a known token carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearer: [] }],
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    schemas: {
      ...describeRequestFields(componentsOf(requestSchemas, "input")),
      ...componentsOf(responseSchemas, "output"),
    },
  },
  paths: {
    "/events": {
      post: {
        operationId: "ingestEvents",
        summary: `Ingest up to ${MAX_BATCH.toLocaleString("en")} events`,
        requestBody: batchBody("events", "Event"),
        responses: {
          "201": json("At least one event created", ref("EventBatchResult")),
          "200": json("Every event was a replay: nothing new written", ref("EventBatchResult")),
          ...batchFailures,
          "409": failure("A concurrent request wrote the same key: retry"),
          "422": failure("An idempotency key reused with a different body"),
          ...common,
        },
      },
      get: {
        operationId: "listEvents",
        summary: "Stored events (interactions), oldest first, a page at a time",
        description:
          "Cursor paging by id: every event stored before the first page is returned exactly once, whatever is written meanwhile.",
        parameters: queryParameters(eventListQuery),
        responses: { "200": json("A page of events", ref("EventPage")), "400": failure("Invalid query"), ...common },
      },
    },
    "/customers": {
      post: {
        operationId: "upsertCustomers",
        summary: `Upsert up to ${MAX_BATCH.toLocaleString("en")} customers`,
        requestBody: batchBody("customers", "CustomerInput"),
        responses: {
          "201": json("At least one created", ref("CustomerBatchResult")),
          "200": json("All updated", ref("CustomerBatchResult")),
          ...batchFailures,
          ...common,
        },
      },
      get: {
        operationId: "listCustomers",
        summary: "Customers by id, a page at a time",
        description:
          "Cursor paging by id: every customer that existed before the first page is returned exactly once, whatever is inserted meanwhile. To sync, note when you start and pass it as `updatedSince` next time.",
        parameters: queryParameters(customerListQuery),
        responses: {
          "200": json("A page of customers", ref("CustomerPage")),
          "400": failure("Invalid query or cursor"),
          ...common,
        },
      },
    },
    "/customers/{id}": {
      get: {
        operationId: "getCustomer",
        summary: "A customer with balance, risk and stages",
        parameters: [customerId],
        responses: { "200": json("The customer", ref("Customer")), "404": failure("No such customer"), ...common },
      },
      patch: {
        operationId: "updateCustomer",
        summary: "Change some of a customer's fields",
        parameters: [customerId],
        requestBody: { required: true, content: { "application/json": { schema: ref("CustomerPatch") } } },
        responses: {
          "200": json("The customer as changed", ref("Customer")),
          "400": failure("Invalid fields, each named; nothing written"),
          "404": failure("No such customer"),
          "413": failure("Body over 2 MB"),
          ...common,
        },
      },
    },
    "/subscriptions": {
      post: {
        operationId: "upsertSubscriptions",
        summary: `Start, change or end up to ${MAX_BATCH.toLocaleString("en")} subscriptions`,
        description:
          "Every change of a subscription's annual value is booked as a revenue movement (new, expansion, contraction, churn, reactivation) and the customer's MRR follows.",
        requestBody: batchBody("subscriptions", "SubscriptionInput"),
        responses: {
          "201": json("At least one subscription started", ref("SubscriptionBatchResult")),
          "200": json("Changed or unchanged: a replay writes nothing", ref("SubscriptionBatchResult")),
          ...batchFailures,
          ...common,
        },
      },
    },
    "/tasks": {
      post: {
        operationId: "createTasks",
        summary: `Create up to ${MAX_BATCH.toLocaleString("en")} tasks`,
        requestBody: batchBody("tasks", "TaskInput"),
        responses: {
          "201": json("At least one task created", ref("TaskBatchResult")),
          "200": json("Every task was a replay: nothing new written", ref("TaskBatchResult")),
          ...batchFailures,
          "422": failure("An idempotency key reused with a different body"),
          ...common,
        },
      },
      get: {
        operationId: "listTasks",
        summary: "Tasks by status (open by default), soonest due first",
        parameters: queryParameters(taskQuery),
        responses: { "200": json("A page of tasks", ref("TaskPage")), "400": failure("Invalid query"), ...common },
      },
    },
    "/risk": {
      get: {
        operationId: "listRisk",
        summary: "The debt-risk list, most at risk first",
        parameters: queryParameters(riskQuery),
        responses: {
          "200": json("A page of customers at risk (or on the watch list)", ref("RiskPage")),
          "400": failure("Invalid query"),
          ...common,
        },
      },
    },
    "/backtest": {
      get: {
        operationId: "getBacktest",
        summary: "Every paying customer active at a cutoff, scored as of it, and whether they churned after",
        description:
          "The score uses only interactions that had both occurred and been recorded by the cutoff (00:00 UTC that day), with the scoring version's settings; outcome proxies (a cancellation request) are left out unless `includeProxies=true`. The horizon after the cutoff must have passed.",
        parameters: queryParameters(backtestQuery),
        responses: {
          "200": json("The scored customers and the AUC", ref("BacktestResult")),
          "400": failure("Invalid query, or a cutoff whose horizon has not passed"),
          "404": failure("No such scoring version"),
          ...common,
        },
      },
    },
  },
};
