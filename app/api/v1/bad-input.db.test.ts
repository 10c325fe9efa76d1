import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { createApiToken } from "@/server/team/api-tokens";
import { customers } from "@/db/schema";
import { asSessionMember, createCustomer, createMember, writeFingerprint } from "@/testing/factories";
import { FUZZ_SEED, HUGE_TEXT, LONE_SURROGATE, NUL, nastyInput, ODD_IDS, STORABLE_SHAPES } from "@/testing/nasty-input";
import { executeAction } from "@/server/actions/execute";
import { apiCustomerSchema, apiEventSchema } from "@/lib/validation/api";
import { GET as getCustomer } from "./customers/[id]/route";
import { POST as postCustomers } from "./customers/route";
import { POST as postEvents } from "./events/route";
import { GET as getRisk } from "./risk/route";

type Answer = {
  status: number;
  body: {
    error?: { code: string; message: string; errors?: { index: number; field: string; message: string }[] };
  } & Record<string, unknown>;
};

// A pool of tokens, used in turn, so the per-token rate limit never answers in place of the validation.
const tokens: string[] = [];
let turn = 0;
let customerId: number;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

function request(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  const token = tokens[turn++ % tokens.length];
  return new Request(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    body: init.body,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
  });
}

/** The promise of the API: every answer is JSON; a refusal is a 4xx with a message (never our 500) and writes nothing. */
async function call<P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  req: Request,
  params = {} as P,
): Promise<Answer> {
  const before = await writeFingerprint();
  const response = await handler(req, { params: Promise.resolve(params) });
  const body = await response.json();
  expect(response.status, JSON.stringify(body).slice(0, 300)).toBeLessThan(500);
  expect(response.status).not.toBe(429);
  if (response.status >= 400) {
    expect(body.error.code).not.toBe("internal");
    expect(typeof body.error.message).toBe("string");
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(await writeFingerprint()).toEqual(before);
  }
  return { status: response.status, body };
}

const post = (path: string, body: unknown) =>
  request(path, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });
const validEvent = () => ({
  externalId: `evt-${unique()}`,
  customerId,
  type: "login",
  occurredAt: new Date().toISOString(),
  summary: "Signed in",
});
const validCustomer = () => ({
  externalId: `crm-${unique()}`,
  name: "Api Fuzz",
  email: `fuzz-${unique()}@example.test`,
  plan: "growth",
  mrrCents: 1000,
});

async function storedSummary(externalId: string) {
  const [row] = await queryRows<{ summary: string }>(
    db,
    sql`select summary from interactions where source = 'api' and external_id = ${externalId}`,
  );
  return row?.summary;
}

beforeAll(async () => {
  const admin = asSessionMember(await createMember({ role: "admin" }));
  for (let i = 0; i < 6; i++) {
    const result = await executeAction(createApiToken, admin, {
      name: `bad input ${i}`,
      "scope.read": "on",
      "scope.write": "on",
    });
    if (!result.ok) throw new Error(result.message);
    tokens.push((result.data as { token: string }).token);
  }
  customerId = (await createCustomer({ externalId: "bad-input-customer" })).id;
});

describe("POST /api/v1/events with bad input", () => {
  it("bodies that are not a batch of events: 400 or 413 with a message, nothing written", async () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    const bodies: [string, number, string][] = [
      ["{not json", 400, "invalid_json"],
      ["", 400, "invalid_json"],
      ['\ufeff{"events": []}', 400, "invalid_batch"], // the byte-order mark is dropped when the body is decoded
      ["null", 400, "invalid_body"],
      ['"events"', 400, "invalid_body"],
      ["5", 400, "invalid_body"],
      ['{"events": {}}', 400, "invalid_body"],
      ['{"events": null}', 400, "invalid_body"],
      ['{"events": []}', 400, "invalid_batch"],
      ['[null, 1, "a", []]', 400, "invalid_items"],
      [deep, 400, "invalid_items"],
      [JSON.stringify({ events: Array.from({ length: 1001 }, validEvent) }), 400, "invalid_batch"],
      [
        JSON.stringify({ events: [{ ...validEvent(), summary: "x".repeat(2 * 1024 * 1024) }] }),
        413,
        "payload_too_large",
      ],
    ];
    for (const [body, status, code] of bodies) {
      const answer = await call(postEvents, post("/events", body));
      expect([answer.status, answer.body.error?.code], body.slice(0, 40)).toEqual([status, code]);
    }
  });

  it("fuzzed events: a clear answer, a refused batch writes nothing, a stored summary is what was sent", async () => {
    const fields = Object.keys(apiEventSchema.def.shape);
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(nastyInput(fields), fc.boolean(), async ({ keepValid, fields: nasty }, withGoodNeighbour) => {
        const event = keepValid ? { ...validEvent(), ...nasty } : nasty;
        const events = withGoodNeighbour ? [validEvent(), event] : [event];
        const answer = await call(postEvents, post("/events", { events }));
        statuses.add(answer.status);
        if (answer.status === 201) {
          for (const sent of events)
            if (typeof sent.summary === "string" && typeof sent.externalId === "string")
              expect(await storedSummary(sent.externalId.trim())).toBe(sent.summary);
        }
      }),
      { numRuns: 60, seed: FUZZ_SEED },
    );
    // Both kinds of answer happened: the property was checked on stored events, not only on refusals.
    expect([...statuses].sort()).toEqual(expect.arrayContaining([201, 400]));
  });

  it("odd customer ids, NUL, broken and oversized text are named per item and field; injection-shaped text is stored exactly", async () => {
    for (const odd of [...ODD_IDS, 2_147_483_648, -1, 1.5]) {
      const answer = await call(
        postEvents,
        post("/events", { events: [validEvent(), { ...validEvent(), customerId: odd }] }),
      );
      expect(answer.status, JSON.stringify(odd)).toBe(400);
      expect(answer.body.error?.errors?.[0]).toMatchObject({ index: 1, field: "customerId" });
    }
    for (const [field, value, message] of [
      ["summary", `a${NUL}b`, "Remove the invisible NUL character: it cannot be stored."],
      ["externalId", `key${NUL}`, "Remove the invisible NUL character: it cannot be stored."],
      ["type", `login${NUL}`, "Remove the invisible NUL character: it cannot be stored."],
      [
        "customerExternalId",
        `ref${LONE_SURROGATE}`,
        "This contains a broken character (half of an emoji?): please retype it.",
      ],
      ["summary", HUGE_TEXT, "At most 500 characters."],
      ["occurredAt", "-271821-04-20T00:00:00Z", "Must not be before the year 2000."],
      ["occurredAt", "+275760-09-13T00:00:00Z", "Must not be more than a day in the future."],
      ["occurredAt", "2026-04-31T09:30:00Z", "April 2026 has no day 31."],
      ["weight", 1e309, "Must be a number from -100 to 100."],
    ] as const) {
      const answer = await call(postEvents, post("/events", { events: [{ ...validEvent(), [field]: value }] }));
      expect(answer.body.error?.errors, field).toContainEqual({ index: 0, field, message });
    }
    const shaped = STORABLE_SHAPES.map((summary) => ({ ...validEvent(), summary }));
    expect((await call(postEvents, post("/events", { events: shaped }))).status).toBe(201);
    for (const event of shaped) expect(await storedSummary(event.externalId)).toBe(event.summary);
  });
});

describe("POST /api/v1/customers with bad input", () => {
  it("fuzzed customers: a clear answer, a refused batch writes nothing, stored names are what was sent (trimmed)", async () => {
    const fields = Object.keys(apiCustomerSchema.def.shape);
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(nastyInput(fields), fc.boolean(), async ({ keepValid, fields: nasty }, withGoodNeighbour) => {
        const customer = keepValid ? { ...validCustomer(), ...nasty } : nasty;
        const batch = withGoodNeighbour ? [validCustomer(), customer] : [customer];
        const answer = await call(postCustomers, post("/customers", { customers: batch }));
        statuses.add(answer.status);
        if (answer.status < 300) {
          for (const [index, sent] of batch.entries()) {
            const id =
              (answer.body.results as { index: number; id: number }[]).find((r) => r.index === index)?.id ?? -1;
            const [row] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, id));
            expect(row.name).toBe(String(sent.name).trim());
          }
        }
      }),
      { numRuns: 60, seed: FUZZ_SEED + 1 },
    );
    expect([...statuses]).toEqual(expect.arrayContaining([201, 400]));
  });

  it("injection-shaped and unicode-edge names are stored exactly; NUL and broken text are named per field", async () => {
    const batch = STORABLE_SHAPES.map((name) => ({ ...validCustomer(), name, company: name }));
    const answer = await call(postCustomers, post("/customers", { customers: batch }));
    expect(answer.status).toBe(201);
    const stored = await db
      .select({ name: customers.name, company: customers.company })
      .from(customers)
      .where(sql`${customers.externalId} in ${batch.map((c) => c.externalId)}`);
    expect(stored.map((r) => r.name).sort()).toEqual(STORABLE_SHAPES.map((s) => s.trim()).sort());
    expect(stored.map((r) => r.company).sort()).toEqual(STORABLE_SHAPES.map((s) => s.trim()).sort());
    const refused = await call(
      postCustomers,
      post("/customers", {
        customers: [
          {
            ...validCustomer(),
            name: `a${NUL}b`,
            company: `x${LONE_SURROGATE}`,
            signedUpAt: "-271821-04-20T00:00:00Z",
          },
        ],
      }),
    );
    expect(refused.body.error?.errors).toEqual([
      { index: 0, field: "name", message: "Remove the invisible NUL character: it cannot be stored." },
      {
        index: 0,
        field: "company",
        message: "This contains a broken character (half of an emoji?): please retype it.",
      },
      { index: 0, field: "signedUpAt", message: "Must not be before the year 2000." },
    ]);
  });

  it("two items with the same email, or an email another customer has, are named per item instead of failing the batch", async () => {
    const email = `shared-${unique()}@example.test`;
    const twice = await call(
      postCustomers,
      post("/customers", {
        customers: [
          { ...validCustomer(), email },
          { ...validCustomer(), email: email.toUpperCase() },
        ],
      }),
    );
    expect([twice.status, twice.body.error?.errors]).toEqual([
      400,
      [{ index: 1, field: "email", message: "Same email as item 0." }],
    ]);
    const owner = await createCustomer({ email: `taken-${unique()}@example.test` });
    const taken = await call(
      postCustomers,
      post("/customers", { customers: [{ ...validCustomer(), email: owner.email?.toUpperCase() }] }),
    );
    expect([taken.status, taken.body.error?.errors]).toEqual([
      400,
      [{ index: 0, field: "email", message: "Another customer already uses this email." }],
    ]);
  });
});

describe("GET endpoints with bad input", () => {
  it("GET /customers/{id}: odd ids are a 404 with a message; the real id answers", async () => {
    for (const odd of [
      "1e3",
      "-1",
      "0",
      "99999999999",
      "2147483648",
      "abc",
      "%00",
      "\u0000",
      " 7",
      "0x10",
      "1.0",
      "",
      "<script>",
    ]) {
      const answer = await call(getCustomer, request(`/customers/${encodeURIComponent(odd)}`), { id: odd });
      expect([answer.status, answer.body.error?.code], JSON.stringify(odd)).toEqual([404, "not_found"]);
    }
    expect((await call(getCustomer, request(`/customers/${customerId}`), { id: String(customerId) })).status).toBe(200);
  });

  it("GET /risk: odd query parameters are a 400 naming the parameter; unknown ones are ignored", async () => {
    for (const [query, field] of [
      ["limit=1e3", "limit"],
      ["limit=abc", "limit"],
      ["limit=-1", "limit"],
      ["limit=%00", "limit"],
      ["limit=99999999999", "limit"],
      ["page=99999999999", "page"],
      ["page=0x", "page"],
      ["ownerEmail=%3Cscript%3E", "ownerEmail"],
      ["ownerEmail=a%00%40b.c", "ownerEmail"],
    ]) {
      const answer = await call(getRisk, request(`/risk?${query}`));
      expect([answer.status, answer.body.error?.errors?.[0]?.field], query).toEqual([400, field]);
    }
    for (const query of [
      "limit=5&limit=7",
      "drop=table",
      "q=%27%3B%20drop%20table%20customers%3B%20--",
      "ownerEmail=nobody%40example.test",
    ]) {
      expect((await call(getRisk, request(`/risk?${query}`))).status, query).toBe(200);
    }
  });
});
