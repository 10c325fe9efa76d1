import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { customers, revenueMovements, subscriptions } from "@/db/schema";
import { apiToken } from "@/testing/api-token";
import { createCustomer, writeFingerprint } from "@/testing/factories";
import { POST } from "./subscriptions/route";

let writeToken: string;
const noParams = { params: Promise.resolve({}) };
const post = (body: unknown) =>
  POST(
    new Request("http://localhost/api/v1/subscriptions", {
      method: "POST",
      headers: { authorization: `Bearer ${writeToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    noParams,
  );
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

beforeAll(async () => {
  writeToken = await apiToken(["read", "write"]);
});

async function ledgerOf(customerId: number) {
  return db
    .select({ kind: revenueMovements.kind, delta: revenueMovements.arrDeltaCents })
    .from(revenueMovements)
    .where(eq(revenueMovements.customerId, customerId))
    .orderBy(revenueMovements.occurredAt, revenueMovements.id);
}

describe("POST /api/v1/subscriptions", () => {
  it("starts a $49/mo and a $1,200/yr subscription (201, ARR $1,788), a replay is 200 and writes nothing, a new body is a change", async () => {
    const customer = await createCustomer({ externalId: "crm-sub-1" });
    const body = {
      subscriptions: [
        {
          externalId: "sub-1",
          customerExternalId: "crm-sub-1",
          plan: "Growth",
          amountCents: 4_900,
          effectiveAt: daysAgo(40),
        },
        {
          externalId: "sub-2",
          customerId: customer.id,
          plan: "Support",
          amountCents: 120_000,
          interval: "year",
          renewsOn: "2031-03-01",
          effectiveAt: daysAgo(30),
        },
      ],
    };
    const first = await post(body);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const [row] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect([row.arrCents, row.mrrCents]).toEqual([178_800, 14_900]);
    // The monthly one, started 40 days ago, renews within the next month, before the yearly one.
    const [monthly] = await db.select().from(subscriptions).where(eq(subscriptions.externalId, "sub-1"));
    const inAMonth = new Date(Date.now() + 31 * 86_400_000).toISOString().slice(0, 10);
    const renews = monthly.renewsOn ?? "";
    expect(renews >= new Date().toISOString().slice(0, 10) && renews <= inAMonth).toBe(true);
    expect(row.nextRenewalOn).toBe(monthly.renewsOn);

    const before = await writeFingerprint();
    const replay = await post(body);
    expect(replay.status).toBe(200);
    const replayed = await replay.json();
    expect(replayed.results).toEqual(created.results.map((r: object) => ({ ...r, status: "unchanged" })));
    expect(await writeFingerprint()).toEqual(before);

    const cancel = await post({
      subscriptions: [{ ...body.subscriptions[0], status: "canceled", effectiveAt: daysAgo(5) }],
    });
    expect(cancel.status).toBe(200);
    expect((await cancel.json()).results[0]).toMatchObject({ externalId: "sub-1", status: "updated" });
    expect(await ledgerOf(customer.id)).toEqual([
      { kind: "new", delta: 58_800 },
      { kind: "expansion", delta: 120_000 },
      { kind: "contraction", delta: -58_800 },
    ]);
  });

  it("an unknown customer, another currency and a change dated before the last one are 400s naming the item; nothing is written", async () => {
    const customer = await createCustomer({ externalId: "crm-sub-2" });
    await post({
      subscriptions: [
        { externalId: "sub-3", customerId: customer.id, plan: "Growth", amountCents: 1_000, effectiveAt: daysAgo(10) },
      ],
    });
    const before = await writeFingerprint();
    const unknown = await post({
      subscriptions: [{ externalId: "sub-4", customerExternalId: "nobody", plan: "X", amountCents: 1 }],
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.errors).toEqual([
      { index: 0, field: "customer", message: "No customer matches this reference." },
    ]);
    const euro = await post({
      subscriptions: [{ externalId: "sub-5", customerId: customer.id, plan: "X", amountCents: 1, currency: "eur" }],
    });
    expect(euro.status).toBe(400);
    expect((await euro.json()).error.errors[0]).toMatchObject({ index: 0, field: "currency" });
    const backdated = await post({
      subscriptions: [
        { externalId: "sub-6", customerId: customer.id, plan: "Fine", amountCents: 500 },
        { externalId: "sub-3", customerId: customer.id, plan: "Growth", amountCents: 2_000, effectiveAt: daysAgo(20) },
      ],
    });
    expect(backdated.status).toBe(400);
    expect((await backdated.json()).error.errors[0]).toMatchObject({ index: 1, field: "effectiveAt" });
    expect(await writeFingerprint()).toEqual(before);
  });
});
