import { CHANNELS } from "@/lib/channels";
import { PLANS } from "@/lib/plans";
import { BOOK_CURRENCY, SUBSCRIPTION_INTERVALS, SUBSCRIPTION_STATUSES } from "@/lib/revenue";

const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        errors: {
          type: "array",
          items: {
            type: "object",
            properties: { index: { type: "integer" }, field: { type: "string" }, message: { type: "string" } },
          },
        },
      },
    },
  },
};
const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const common = {
  "401": errorResponse("Missing or invalid token"),
  "403": errorResponse("The token lacks the needed scope"),
  "429": errorResponse("Rate limit reached: see Retry-After"),
  "503": errorResponse("Database unavailable: see Retry-After"),
};

/** How an item names its customer: one of these is required. */
const customerReference = {
  customerId: { type: "integer" },
  customerExternalId: { type: "string" },
  customerEmail: { type: "string", format: "email" },
};

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and rendered in Settings → API. */
export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Hourglass API",
    version: "1.0.0",
    description:
      "Send customers and product events to Hourglass and read balances and risk. Authenticate with `Authorization: Bearer <token>` (Settings → API). Batches are all or nothing.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearer: [] }],
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    schemas: {
      Error: error,
      Event: {
        type: "object",
        required: ["externalId", "type", "occurredAt"],
        additionalProperties: false,
        properties: {
          externalId: {
            type: "string",
            maxLength: 200,
            description:
              "Idempotency key: a replay returns the original result; the same key with another body is a 422.",
          },
          ...customerReference,
          type: {
            type: "string",
            description: "Interaction type key, e.g. login, feature_adopted, error_hit, bug_report, support_ticket.",
          },
          occurredAt: { type: "string", format: "date-time", description: "At most one day in the future." },
          direction: { type: "string", enum: ["inbound", "outbound"], default: "inbound" },
          channel: { type: "string", enum: [...CHANNELS], default: "in_app" },
          summary: { type: "string", maxLength: 500 },
          weight: {
            type: "number",
            minimum: -100,
            maximum: 100,
            description: "Overrides the type's weight on the ledger.",
          },
        },
        description: "One of customerId, customerExternalId or customerEmail is required.",
      },
      SubscriptionInput: {
        type: "object",
        required: ["externalId", "plan", "amountCents"],
        additionalProperties: false,
        properties: {
          externalId: {
            type: "string",
            maxLength: 200,
            description:
              "The subscription's key: a new key starts one, the same key with another body changes it, the same body again writes nothing.",
          },
          ...customerReference,
          plan: { type: "string", maxLength: 60 },
          amountCents: { type: "integer", minimum: 0, description: "The price per interval, in cents." },
          currency: { type: "string", enum: [BOOK_CURRENCY], default: BOOK_CURRENCY },
          interval: { type: "string", enum: [...SUBSCRIPTION_INTERVALS], default: "month" },
          status: { type: "string", enum: [...SUBSCRIPTION_STATUSES], default: "active" },
          renewsOn: { type: ["string", "null"], format: "date" },
          cancelAtPeriodEnd: { type: "boolean", default: false },
          effectiveAt: {
            type: "string",
            format: "date-time",
            description:
              "When this state took effect (default now): the start of a new subscription, or the day of a change. Not before the subscription's last change, not in the future.",
          },
        },
        description: "One of customerId, customerExternalId or customerEmail is required.",
      },
      SubscriptionBatchResult: {
        type: "object",
        required: ["created", "updated", "unchanged", "results"],
        properties: {
          created: { type: "integer" },
          updated: { type: "integer" },
          unchanged: { type: "integer" },
          results: {
            type: "array",
            items: {
              type: "object",
              required: ["index", "externalId", "id", "status"],
              properties: {
                index: { type: "integer" },
                externalId: { type: "string" },
                id: { type: "integer" },
                status: { type: "string", enum: ["created", "updated", "unchanged"] },
              },
            },
          },
        },
      },
      CustomerInput: {
        type: "object",
        required: ["name"],
        additionalProperties: false,
        properties: {
          externalId: { type: "string" },
          email: { type: "string", format: "email" },
          name: { type: "string", maxLength: 120 },
          company: { type: "string", maxLength: 120 },
          plan: { type: "string", enum: [...PLANS] },
          mrrCents: { type: "integer", minimum: 0 },
          ownerEmail: { type: "string", format: "email" },
          status: { type: "string", enum: ["active", "churned"] },
          milestone: { type: "integer", minimum: 1, maximum: 13, description: "Moves the customer forward only." },
          signedUpAt: { type: "string", format: "date-time" },
        },
        description: "Matched by externalId, else by email; one of them is required.",
      },
    },
  },
  paths: {
    "/events": {
      post: {
        summary: "Ingest up to 1,000 events",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["events"],
                properties: {
                  events: { type: "array", maxItems: 1000, items: { $ref: "#/components/schemas/Event" } },
                },
              },
            },
          },
        },
        responses: {
          "201": { description: "At least one event created" },
          "200": { description: "Every event was a replay: nothing new written" },
          "400": errorResponse("Invalid items, with index, field and message for each; nothing written"),
          "409": errorResponse("A concurrent request wrote the same key: retry"),
          "413": errorResponse("Body over 2 MB"),
          "422": errorResponse("An idempotency key reused with a different body"),
          ...common,
        },
      },
    },
    "/customers": {
      post: {
        summary: "Upsert up to 1,000 customers",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["customers"],
                properties: {
                  customers: { type: "array", maxItems: 1000, items: { $ref: "#/components/schemas/CustomerInput" } },
                },
              },
            },
          },
        },
        responses: {
          "201": { description: "At least one created" },
          "200": { description: "All updated" },
          "400": errorResponse("Invalid items; nothing written"),
          "413": errorResponse("Body over 2 MB"),
          ...common,
        },
      },
    },
    "/subscriptions": {
      post: {
        summary: "Start, change or end up to 1,000 subscriptions",
        description:
          "Every change of a subscription's annual value is booked as a revenue movement (new, expansion, contraction, churn, reactivation) and the customer's MRR follows.",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["subscriptions"],
                properties: {
                  subscriptions: {
                    type: "array",
                    maxItems: 1000,
                    items: { $ref: "#/components/schemas/SubscriptionInput" },
                  },
                },
              },
            },
          },
        },
        responses: {
          "201": {
            description: "At least one subscription started",
            content: { "application/json": { schema: { $ref: "#/components/schemas/SubscriptionBatchResult" } } },
          },
          "200": {
            description: "Changed or unchanged: a replay writes nothing",
            content: { "application/json": { schema: { $ref: "#/components/schemas/SubscriptionBatchResult" } } },
          },
          "400": errorResponse("Invalid items, with index, field and message for each; nothing written"),
          "413": errorResponse("Body over 2 MB"),
          ...common,
        },
      },
    },
    "/customers/{id}": {
      get: {
        summary: "A customer with balance, risk and stages",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": { description: "The customer" }, "404": errorResponse("No such customer"), ...common },
      },
    },
    "/risk": {
      get: {
        summary: "The debt-risk list, most at risk first",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
          { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
          { name: "ownerEmail", in: "query", schema: { type: "string", format: "email" } },
          {
            name: "view",
            in: "query",
            description:
              "`at-risk` (default): active customers whose risk score is at or above the at-risk threshold (Settings → Scoring); `watch`: those with a score below it.",
            schema: { type: "string", enum: ["at-risk", "watch"], default: "at-risk" },
          },
        ],
        responses: {
          "200": {
            description:
              "A page of customers at risk (or on the watch list), with the `threshold` in force. `total` is counted up to 1,000 past the page; `more: true` means there are more than `total`.",
          },
          "400": errorResponse("Invalid query"),
          ...common,
        },
      },
    },
    "/backtest": {
      get: {
        summary: "Every paying customer active at a cutoff, scored as of it, and whether they churned after",
        description:
          "The score uses only interactions that had both occurred and been recorded by the cutoff (00:00 UTC that day), with the scoring version's settings; outcome proxies (a cancellation request) are left out unless `includeProxies=true`. The horizon after the cutoff must have passed.",
        parameters: [
          { name: "cutoff", in: "query", required: true, schema: { type: "string", format: "date" } },
          { name: "horizon", in: "query", schema: { type: "integer", enum: [30, 60, 90], default: 90 } },
          {
            name: "version",
            in: "query",
            description: "A scoring version's number; the live one by default.",
            schema: { type: "integer", minimum: 1 },
          },
          {
            name: "includeProxies",
            in: "query",
            schema: { type: "string", enum: ["true", "false"], default: "false" },
          },
        ],
        responses: {
          "200": {
            description:
              "`{cutoff, horizon, version, includeProxies, auc, customers: [{customerId, score, atRisk, churnedWithinHorizon}]}`; `auc` is null when nobody or everybody churned.",
          },
          "400": errorResponse("Invalid query, or a cutoff whose horizon has not passed"),
          "404": errorResponse("No such scoring version"),
          ...common,
        },
      },
    },
  },
} as const;
