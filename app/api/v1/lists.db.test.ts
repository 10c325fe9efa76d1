import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { customers, subscriptions } from "@/db/schema";
import { apiToken } from "@/testing/api-token";
import { createCustomer, createMember, writeFingerprint } from "@/testing/factories";
import { PATCH as patchCustomer } from "./customers/[id]/route";
import { GET as listCustomers, POST as postCustomers } from "./customers/route";
import { GET as listEvents, POST as postEvents } from "./events/route";

let read: string;
let write: string;
const noParams = { params: Promise.resolve({}) };
const get = (path: string) =>
  new Request(`http://localhost/api/v1${path}`, { headers: { authorization: `Bearer ${read}` } });
const send = (method: "POST" | "PATCH", path: string, body: unknown) =>
  new Request(`http://localhost/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${write}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const patch = (id: number, body: unknown) =>
  patchCustomer(send("PATCH", `/customers/${id}`, body), { params: Promise.resolve({ id: String(id) }) });

beforeAll(async () => {
  read = await apiToken(["read"]);
  write = await apiToken(["read", "write"]);
});

describe("GET /api/v1/customers, cursor paging", () => {
  it("pages over 10,000+ customers while another client inserts: every customer there at the start comes exactly once", async () => {
    await db.execute(sql`insert into customers (name, email, company, plan)
      select 'Paged ' || g, 'paged-' || g || '-' || ${Date.now()} || '@example.test', 'Paging AG', 'starter'
      from generate_series(1, 10000) g`);
    const atStart = (await queryRows<{ id: number }>(db, sql`select id from customers`)).map((row) => row.id);
    expect(atStart.length).toBeGreaterThanOrEqual(10_000);

    let inserting = true;
    let inserted = 0;
    const inserter = (async () => {
      while (inserting) {
        const batch = Array.from({ length: 20 }, () => ({
          externalId: `late-${inserted++}-${Date.now()}`,
          name: "Late",
        }));
        const response = await postCustomers(send("POST", "/customers", { customers: batch }), noParams);
        expect(response.status).toBe(201);
      }
    })();
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await listCustomers(get(`/customers?limit=200${cursor ? `&cursor=${cursor}` : ""}`), noParams);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { customers: { id: number }[]; next: string | null };
      seen.push(...page.customers.map((customer) => customer.id));
      cursor = page.next;
      pages++;
    } while (cursor);
    inserting = false;
    await inserter;

    expect(inserted).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(seen.length);
    const seenSet = new Set(seen);
    expect(atStart.filter((id) => !seenSet.has(id))).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(atStart.length / 200));
  }, 120_000);

  it("filters by owner, status and updatedSince equal plain SQL over the customers", async () => {
    const owner = await createMember({ role: "csm" });
    const since = new Date(Date.now() - 1000);
    const mine = await Promise.all([
      createCustomer({ ownerId: owner.id }),
      createCustomer({ ownerId: owner.id, status: "churned", churnedAt: new Date() }),
      createCustomer({ ownerId: owner.id, updatedAt: new Date("2025-01-01T00:00:00Z") }),
    ]);
    const ids = async (query: string) => {
      const response = await listCustomers(get(`/customers?limit=200&${query}`), noParams);
      return ((await response.json()) as { customers: { id: number }[] }).customers.map((c) => c.id);
    };
    expect(await ids(`ownerId=${owner.id}`)).toEqual(mine.map((c) => c.id).sort((a, b) => a - b));
    expect(await ids(`ownerId=${owner.id}&status=churned`)).toEqual([mine[1].id]);
    const recent = await queryRows<{ id: number }>(
      db,
      sql`select id from customers where owner_id = ${owner.id} and updated_at >= ${since.toISOString()}::timestamptz order by id`,
    );
    expect(await ids(`ownerId=${owner.id}&updatedSince=${since.toISOString()}`)).toEqual(recent.map((r) => r.id));
    expect(recent).toHaveLength(2);
  });
});

describe("GET /api/v1/events", () => {
  it("a customer's events by type and time, paged by cursor, equal plain SQL; weight is the override or the type's", async () => {
    const customer = await createCustomer({ milestone: 9 });
    const events = Array.from({ length: 7 }, (_, i) => ({
      externalId: `list-${customer.id}-${i}`,
      customerId: customer.id,
      type: i % 2 === 0 ? "login" : "complaint",
      occurredAt: new Date(Date.UTC(2026, 9, 1 + i)).toISOString(),
      ...(i === 2 ? { weight: 5 } : {}),
    }));
    expect((await postEvents(send("POST", "/events", { events }), noParams)).status).toBe(201);
    const from = "2026-10-02T00:00:00.000Z";
    const to = "2026-10-07T00:00:00.000Z";
    const got: { id: number; type: string; occurredAt: string; weight: number; externalId: string }[] = [];
    let cursor: string | null = null;
    do {
      const query = `customerId=${customer.id}&type=login&from=${from}&to=${to}&limit=1${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await (await listEvents(get(`/events?${query}`), noParams)).json()) as {
        events: typeof got;
        next: string | null;
      };
      got.push(...page.events);
      cursor = page.next;
    } while (cursor);
    const expected = await queryRows<{ id: number; weight: number; externalId: string }>(
      db,
      sql`select i.id::int as id, coalesce(i.weight_override, t.default_weight) as weight, i.external_id as "externalId"
          from interactions i join interaction_types t on t.id = i.type_id
          where i.customer_id = ${customer.id} and t.key = 'login'
            and i.occurred_at >= ${from}::timestamptz and i.occurred_at < ${to}::timestamptz
          order by i.id`,
    );
    // Logins on Oct 3 and 5 (Oct 1 is before `from`, Oct 7 is `to` itself): 2 of the 4.
    expect(got.map((e) => e.externalId).sort()).toEqual([`list-${customer.id}-2`, `list-${customer.id}-4`]);
    expect(got.map(({ id, weight, externalId }) => ({ id, weight, externalId }))).toEqual(expected);
    expect(got.find((e) => e.externalId.endsWith("-2"))?.weight).toBe(5);
  });
});

describe("PATCH /api/v1/customers/{id}", () => {
  it("changes only the fields sent; the MRR starts the customer's subscription; the milestone moves forward only", async () => {
    const customer = await createCustomer({ milestone: 6, company: "Before AG", name: "Patched" });
    const response = await patch(customer.id, { company: "After AG", mrrCents: 4900, milestone: 9 });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: customer.id, name: "Patched", company: "After AG", mrrCents: 4900 });
    expect(body.milestone.number).toBe(9);
    const [row] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(row).toMatchObject({ name: "Patched", company: "After AG", mrrCents: 4900, milestone: 9 });
    const subs = await db.select().from(subscriptions).where(eq(subscriptions.customerId, customer.id));
    expect(subs.map((s) => [s.amountCents, s.interval, s.status])).toEqual([[4900, "month", "active"]]);
    expect((await (await patch(customer.id, { milestone: 3 })).json()).milestone.number).toBe(9);
  });

  it("an email another customer holds, an unknown owner, an empty body or an unknown field: 400 naming it, nothing written", async () => {
    const holder = await createCustomer();
    const customer = await createCustomer();
    const before = await writeFingerprint();
    for (const [body, field] of [
      [{ email: holder.email }, "email"],
      [{ ownerEmail: "nobody@example.test" }, "ownerEmail"],
      [{}, "(body)"],
      [{ shoeSize: 44 }, "(body)"],
    ] as const) {
      const response = await patch(customer.id, body);
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await writeFingerprint()).toEqual(before);
  });
});
