import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/execute";
import { db } from "./index";
import { logInteraction } from "@/server/ledger/commands";
import { getRiskPage } from "@/server/risk/page";
import { customers } from "./schema";
import { asSessionMember, createCustomer, createMember } from "@/testing/factories";
import { runOnOwnPostgresServer } from "@/testing/own-server";
import { snapshotCached } from "./snapshot-cache";

// The cache watches the whole server's snapshot, and the other test files write to the shared
// server all the time: this file runs on a PostgreSQL server of its own.
runOnOwnPostgresServer();

function countingCustomers(options?: Parameters<typeof snapshotCached>[1]) {
  const calls = { n: 0 };
  const read = snapshotCached(async (runner, _args: { label: string }) => {
    calls.n++;
    const [row] = await runner.select({ n: count() }).from(customers);
    return row.n;
  }, options);
  return { read, calls };
}

describe("snapshot cache", () => {
  it("reads once while nothing is written, and again after any commit (1 customer, then 2)", async () => {
    await createCustomer({ name: "First" });
    const { read, calls } = countingCustomers();
    expect(await read(db, { label: "all" })).toBe(1);
    expect(await read(db, { label: "all" })).toBe(1);
    expect(calls.n).toBe(1);
    await createCustomer({ name: "Second" });
    expect(await read(db, { label: "all" })).toBe(2);
    expect(calls.n).toBe(2);
  });

  it("keeps one entry per argument", async () => {
    const { read, calls } = countingCustomers();
    await read(db, { label: "a" });
    await read(db, { label: "b" });
    await read(db, { label: "a" });
    expect(calls.n).toBe(2);
  });

  it("does not keep a result read while another transaction committed", async () => {
    let calls = 0;
    const read = snapshotCached(async (runner) => {
      calls++;
      const [row] = await runner.select({ n: count() }).from(customers);
      if (calls === 1) await createCustomer({ name: "Committed while reading" });
      return row.n;
    });
    const first = await read(db, {});
    const second = await read(db, {});
    expect(calls).toBe(2);
    expect(second).toBe(first + 1);
  });

  it("reads again once an entry is older than maxAgeMs (30 s here), even with nothing written", async () => {
    let now = 0;
    const { read, calls } = countingCustomers({ maxAgeMs: 30_000, clock: () => now });
    await read(db, { label: "x" });
    now = 29_999;
    await read(db, { label: "x" });
    expect(calls.n).toBe(1);
    now = 30_000;
    await read(db, { label: "x" });
    expect(calls.n).toBe(2);
  });

  it("twenty simultaneous identical requests share one read", async () => {
    const { read, calls } = countingCustomers();
    const results = await Promise.all(Array.from({ length: 20 }, () => read(db, { label: "burst" })));
    expect(new Set(results).size).toBe(1);
    expect(calls.n).toBe(1);
  });

  it("forgets a read that failed", async () => {
    let calls = 0;
    const read = snapshotCached(async () => {
      calls++;
      if (calls === 1) throw new Error("boom");
      return "ok";
    });
    await expect(read(db, {})).rejects.toThrow("boom");
    expect(await read(db, {})).toBe("ok");
  });

  it("the risk list shows an interaction the moment it is logged", async () => {
    const admin = asSessionMember(await createMember({ role: "admin" }));
    const customer = await createCustomer({ name: "Soon unhappy" });
    const query = { sort: "risk", direction: "desc", page: 1, pageSize: 25 } as const;
    const before = await getRiskPage(db, query);
    expect(before.rows.some((row) => row.id === customer.id)).toBe(false);
    const logged = await executeAction(logInteraction, admin, {
      customerId: String(customer.id),
      typeKey: "complaint",
      occurredAt: new Date().toISOString(),
      channel: "email",
      direction: "inbound",
      summary: "Down for a day",
      weight: "",
    });
    expect(logged.ok).toBe(true);
    const after = await getRiskPage(db, query);
    const [stored] = await db
      .select({ risk: customers.riskScore })
      .from(customers)
      .where(eq(customers.id, customer.id));
    expect(stored.risk).toBeGreaterThan(0);
    expect(after.rows.find((row) => row.id === customer.id)?.riskScore).toBe(stored.risk);
  });
});
