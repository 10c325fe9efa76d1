import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { apiTokens, customers, interactions, revenueMovements } from "@/db/schema";
import { createCustomer, writeFingerprint } from "@/testing/factories";
import { ledgerDrift } from "@/testing/ledger-check";
import { apiToken } from "@/testing/api-token";
import { errorResponse } from "@/server/api/handler";
import { hashApiToken } from "@/lib/api/tokens";
import { balanceAt } from "@/lib/ledger";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { GET as getCustomer, PATCH as patchCustomer } from "./customers/[id]/route";
import { GET as listCustomers, POST as postCustomers } from "./customers/route";
import { GET as listEvents, POST as postEvents } from "./events/route";
import { GET as getOpenApi } from "./openapi.json/route";
import { GET as getRisk } from "./risk/route";

let writeToken: string;
let readToken: string;
const noParams = { params: Promise.resolve({}) };

const post = (path: string, body: unknown, bearer = writeToken) =>
  new Request(`http://localhost/api/v1${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const get = (path: string, bearer = readToken) =>
  new Request(`http://localhost/api/v1${path}`, { headers: { authorization: `Bearer ${bearer}` } });

beforeAll(async () => {
  writeToken = await apiToken(["read", "write"]);
  readToken = await apiToken(["read"]);
});

describe("POST /api/v1/events", () => {
  it("creates events with the ledger updated (complaint −3 + praise +2 = −1); a replay returns the same ids and writes nothing", async () => {
    const customer = await createCustomer({ externalId: "crm-100", milestone: 9 });
    const at = new Date().toISOString();
    const body = {
      events: [
        {
          externalId: "evt-a",
          customerExternalId: "crm-100",
          type: "complaint",
          occurredAt: at,
          summary: "Export broken",
        },
        { externalId: "evt-b", customerId: customer.id, type: "praise", occurredAt: at },
      ],
    };
    const first = await postEvents(post("/events", body), noParams);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({ created: 2, duplicates: 0 });
    const [row] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(balanceAt(row, new Date(), DEFAULT_SETTINGS.ledger)).toBeCloseTo(-1, 4);

    const before = await writeFingerprint();
    const replay = await postEvents(post("/events", body), noParams);
    expect(replay.status).toBe(200);
    const again = await replay.json();
    expect(again).toMatchObject({ created: 0, duplicates: 2 });
    expect(again.results.map((r: { id: number }) => r.id)).toEqual(created.results.map((r: { id: number }) => r.id));
    expect(await writeFingerprint()).toEqual(before);
  });

  it("the same key with a different body is a 422 and nothing is written", async () => {
    await createCustomer({ externalId: "crm-200" });
    const at = new Date().toISOString();
    expect(
      (
        await postEvents(
          post("/events", {
            events: [{ externalId: "evt-c", customerExternalId: "crm-200", type: "login", occurredAt: at }],
          }),
          noParams,
        )
      ).status,
    ).toBe(201);
    const before = await writeFingerprint();
    const response = await postEvents(
      post("/events", {
        events: [
          { externalId: "evt-d", customerExternalId: "crm-200", type: "login", occurredAt: at },
          { externalId: "evt-c", customerExternalId: "crm-200", type: "bug_report", occurredAt: at },
        ],
      }),
      noParams,
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error.errors).toEqual([
      { index: 1, field: "externalId", message: "This key was already used for an event with a different body." },
    ]);
    expect(await writeFingerprint()).toEqual(before);
  });

  it("a batch with bad items is a 400 listing index, field and message for each, and writes nothing", async () => {
    const before = await writeFingerprint();
    const response = await postEvents(
      post("/events", {
        events: [
          { externalId: "ok-1", customerExternalId: "crm-100", type: "login", occurredAt: new Date().toISOString() },
          {
            externalId: "bad-1",
            customerExternalId: "crm-100",
            type: "telepathy",
            occurredAt: new Date().toISOString(),
          },
          { externalId: "bad-2", customerExternalId: "nobody", type: "login", occurredAt: "yesterday" },
        ],
      }),
      noParams,
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.errors).toEqual([
      { index: 2, field: "occurredAt", message: "Must be an ISO 8601 date-time, like 2026-11-23T09:30:00Z." },
    ]);
    const second = await postEvents(
      post("/events", {
        events: [
          {
            externalId: "bad-1",
            customerExternalId: "crm-100",
            type: "telepathy",
            occurredAt: new Date().toISOString(),
          },
          { externalId: "bad-2", customerExternalId: "nobody", type: "login", occurredAt: new Date().toISOString() },
        ],
      }),
      noParams,
    );
    expect((await second.json()).error.errors).toEqual([
      { index: 0, field: "type", message: "Unknown interaction type 'telepathy'." },
      { index: 1, field: "customer", message: "No customer matches this reference." },
    ]);
    expect(await writeFingerprint()).toEqual(before);
  });

  it("401 without a token or with a wrong one, 403 for a read-only token, 413 for a body over 2 MB, 400 for 1,001 events or bad JSON", async () => {
    const missing = await postEvents(
      new Request("http://localhost/api/v1/events", { method: "POST", body: "{}" }),
      noParams,
    );
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    expect((await postEvents(post("/events", {}, "hg_wrong"), noParams)).status).toBe(401);
    expect((await postEvents(post("/events", { events: [] }, readToken), noParams)).status).toBe(403);
    expect((await postEvents(post("/events", "x".repeat(2 * 1024 * 1024 + 1)), noParams)).status).toBe(413);
    const many = Array.from({ length: 1001 }, (_, i) => ({
      externalId: `m-${i}`,
      customerId: 1,
      type: "login",
      occurredAt: new Date().toISOString(),
    }));
    expect((await postEvents(post("/events", { events: many }), noParams)).status).toBe(400);
    const badJson = await postEvents(post("/events", "{not json"), noParams);
    expect(await badJson.json()).toEqual({ error: { code: "invalid_json", message: "The body is not valid JSON." } });
  });
});

describe("POST /api/v1/customers", () => {
  it("creates by externalId, then updates the same record; matches by email too", async () => {
    const first = await postCustomers(
      post("/customers", {
        customers: [{ externalId: "crm-900", name: "Api Customer", plan: "growth", mrrCents: 12_000, milestone: 7 }],
      }),
      noParams,
    );
    expect(first.status).toBe(201);
    const [{ id }] = (await first.json()).results;
    const second = await postCustomers(
      post("/customers", {
        customers: [
          { externalId: "crm-900", name: "Api Customer GmbH", mrrCents: 15_000, email: "api@customer.example" },
        ],
      }),
      noParams,
    );
    expect(second.status).toBe(200);
    expect((await second.json()).results).toEqual([{ index: 0, id, status: "updated" }]);
    const byEmail = await postCustomers(
      post("/customers", {
        customers: [{ email: "API@customer.example", name: "Api Customer GmbH", status: "churned" }],
      }),
      noParams,
    );
    expect((await byEmail.json()).results[0]).toEqual({ index: 0, id, status: "updated" });
    const [row] = await db.select().from(customers).where(eq(customers.id, id));
    // Churned: the subscription the MRR figure started has ended, so nothing is paid any more.
    expect(row).toMatchObject({
      name: "Api Customer GmbH",
      mrrCents: 0,
      arrCents: 0,
      milestone: 7,
      status: "churned",
      convertedAt: expect.any(Date),
    });
    const movements = await db
      .select({ kind: revenueMovements.kind, delta: revenueMovements.arrDeltaCents })
      .from(revenueMovements)
      .where(eq(revenueMovements.customerId, id))
      .orderBy(revenueMovements.occurredAt, revenueMovements.id);
    expect(movements).toEqual([
      { kind: "new", delta: 144_000 },
      { kind: "expansion", delta: 36_000 },
      { kind: "churn", delta: -180_000 },
    ]);
  });

  it("invalid customers are listed per item and nothing is written", async () => {
    const before = await writeFingerprint();
    const response = await postCustomers(
      post("/customers", {
        customers: [{ name: "No Key" }, { externalId: "x", name: "Bad", mrrCents: -1, plan: "gold" }],
      }),
      noParams,
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.errors).toEqual([
      { index: 0, field: "externalId", message: "Give an externalId or an email to match the customer by." },
      { index: 1, field: "plan", message: "Must be one of: starter, growth, enterprise." },
      { index: 1, field: "mrrCents", message: "Must not be negative." },
    ]);
    expect(await writeFingerprint()).toEqual(before);
  });
});

describe("GET endpoints", () => {
  it("GET /customers/{id} has balance, risk and the stage in each model; 404 for an unknown id", async () => {
    const customer = await createCustomer({ milestone: 7 });
    const response = await getCustomer(get(`/customers/${customer.id}`), {
      params: Promise.resolve({ id: String(customer.id) }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: customer.id,
      stages: { hourglass: "Purchase", cvj: "Conversion", scale: "Act" },
      balance: 0,
      milestone: { number: 7, label: "Converted" },
    });
    expect((await getCustomer(get("/customers/999999"), { params: Promise.resolve({ id: "999999" }) })).status).toBe(
      404,
    );
  });

  it("GET /risk lists customers at risk, highest first", async () => {
    const response = await getRisk(get("/risk?limit=5"), noParams);
    expect(response.status).toBe(200);
    const body = await response.json();
    const scores = body.customers.map((c: { riskScore: number }) => c.riskScore);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect((await getRisk(get("/risk?limit=500"), noParams)).status).toBe(400);
  });

  it("past the per-token burst, requests get 429 with Retry-After", async () => {
    const limited = await apiToken(["read"]);
    let response: Response | undefined;
    for (let i = 0; i < 1000; i++) {
      response = await getRisk(get("/risk?limit=1", limited), noParams);
      if (response.status === 429) break;
    }
    expect(response?.status).toBe(429);
    expect(Number(response?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("every route × every kind of token: no or unknown token 401, missing scope 403, the scope it needs succeeds", () => {
  type Caller = "none" | "unknown" | "revoked" | "read" | "write" | "read+write";
  const callers: Caller[] = ["none", "unknown", "revoked", "read", "write", "read+write"];
  const bearers = {} as Record<Caller, string | null>;
  let customerId: number;

  beforeAll(async () => {
    const revoked = await apiToken(["read", "write"]);
    await db
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(eq(apiTokens.tokenHash, hashApiToken(revoked)));
    Object.assign(bearers, {
      none: null,
      unknown: "hg_not-a-token",
      revoked,
      read: await apiToken(["read"]),
      write: await apiToken(["write"]),
      "read+write": await apiToken(["read", "write"]),
    });
    customerId = (await createCustomer({ milestone: 5 })).id;
  });

  const request = (method: "GET" | "POST" | "PATCH", path: string, caller: Caller, body?: unknown) => {
    const bearer = bearers[caller];
    return new Request(`http://localhost/api/v1${path}`, {
      method,
      headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };
  let sequence = 0;
  const routes = [
    {
      name: "GET /risk",
      scope: "read",
      success: 200,
      call: (caller: Caller) => getRisk(request("GET", "/risk?limit=1", caller), noParams),
    },
    {
      name: "GET /customers/{id}",
      scope: "read",
      success: 200,
      call: (caller: Caller) =>
        getCustomer(request("GET", `/customers/${customerId}`, caller), {
          params: Promise.resolve({ id: String(customerId) }),
        }),
    },
    {
      name: "GET /customers",
      scope: "read",
      success: 200,
      call: (caller: Caller) => listCustomers(request("GET", "/customers?limit=1", caller), noParams),
    },
    {
      name: "GET /events",
      scope: "read",
      success: 200,
      call: (caller: Caller) => listEvents(request("GET", "/events?limit=1", caller), noParams),
    },
    {
      name: "PATCH /customers/{id}",
      scope: "write",
      success: 200,
      call: (caller: Caller) =>
        patchCustomer(request("PATCH", `/customers/${customerId}`, caller, { company: `Scoped ${sequence++}` }), {
          params: Promise.resolve({ id: String(customerId) }),
        }),
    },
    {
      name: "POST /customers",
      scope: "write",
      success: 201,
      call: (caller: Caller) =>
        postCustomers(
          request("POST", "/customers", caller, {
            customers: [{ externalId: `scope-${caller}-${sequence++}`, name: "Scoped" }],
          }),
          noParams,
        ),
    },
    {
      name: "POST /events",
      scope: "write",
      success: 201,
      call: (caller: Caller) =>
        postEvents(
          request("POST", "/events", caller, {
            events: [
              {
                externalId: `scope-${caller}-${sequence++}`,
                customerId,
                type: "login",
                occurredAt: new Date().toISOString(),
              },
            ],
          }),
          noParams,
        ),
    },
  ] as const;

  for (const route of routes) {
    for (const caller of callers) {
      const scopes = caller.split("+");
      const expected = ["none", "unknown", "revoked"].includes(caller)
        ? 401
        : scopes.includes(route.scope)
          ? route.success
          : 403;
      it(`${route.name} with ${caller === "none" ? "no token" : `a ${caller} token`}: ${expected}${expected >= 400 ? ", nothing written" : ""}`, async () => {
        const before = await writeFingerprint();
        const response = await route.call(caller);
        expect(response.status).toBe(expected);
        if (expected >= 400) {
          expect((await response.json()).error.code).toBe(expected === 401 ? "unauthorized" : "forbidden");
          expect(await writeFingerprint()).toEqual(before);
        }
      });
    }
  }

  it("GET /openapi.json is public: the description needs no token", async () => {
    const response = getOpenApi();
    expect(response.status).toBe(200);
    expect((await response.json()).openapi).toBe("3.1.0");
  });
});

describe("errors the API maps itself", () => {
  it("a database that does not answer is a 503 with Retry-After, never a stack trace", async () => {
    const response = errorResponse(
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(JSON.stringify(await response.json())).not.toContain("127.0.0.1");
  });

  it("a concurrent write of the same key is a 409 asking to retry", async () => {
    expect(errorResponse({ code: "23505" }).status).toBe(409);
    const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(interactions);
    expect(count).toBeGreaterThan(0);
  });
});

describe("20 concurrent clients that retry", () => {
  it("lose and duplicate nothing: 200 events sent in overlapping batches are stored exactly once, as every client was told, and the daily ledger adds up", async () => {
    const customer = await createCustomer({ externalId: "crm-concurrent", milestone: 9 });
    const at = new Date().toISOString();
    const all = Array.from({ length: 200 }, (_, i) => ({
      externalId: `conc-${i}`,
      customerId: customer.id,
      type: i % 2 ? "login" : "support_ticket",
      occurredAt: at,
    }));
    const acknowledged = new Map<string, number>();
    const client = async (seed: number) => {
      const batch = all.filter((_, i) => (i * 7 + seed) % 5 < 2); // ~80 events, overlapping other clients'
      for (let attempt = 0; attempt < 20; attempt++) {
        const response = await postEvents(post("/events", { events: batch }), noParams);
        if (response.status === 409 || response.status === 503) continue;
        expect([200, 201]).toContain(response.status);
        for (const result of (await response.json()).results as { externalId: string; id: number }[]) {
          const previous = acknowledged.get(result.externalId);
          if (previous !== undefined) expect(result.id).toBe(previous);
          acknowledged.set(result.externalId, result.id);
        }
        return;
      }
      throw new Error("a client gave up after 20 attempts");
    };
    await Promise.all(Array.from({ length: 20 }, (_, seed) => client(seed)));
    const stored = await db
      .select({ externalId: interactions.externalId, id: interactions.id })
      .from(interactions)
      .where(sql`${interactions.source} = 'api' and ${interactions.externalId} like 'conc-%'`);
    expect(stored).toHaveLength(acknowledged.size);
    expect(new Map(stored.map((r) => [r.externalId, r.id]))).toEqual(acknowledged);
    // 100 support tickets (−1 each, just now) and 100 neutral logins: the balance is −100, counted once.
    const [row] = await db.select().from(customers).where(eq(customers.id, customer.id));
    const expectedTickets = [...acknowledged.keys()].filter((key) => Number(key.split("-")[1]) % 2 === 0).length;
    expect(balanceAt(row, new Date(), DEFAULT_SETTINGS.ledger)).toBeCloseTo(-expectedTickets, 3);
    const drift = await ledgerDrift([customer.id]);
    expect(Math.max(drift.days, drift.accumulators)).toBeLessThan(1e-9);
  });
});
