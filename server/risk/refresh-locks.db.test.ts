import { inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { customers } from "@/db/schema";
import { createCustomer } from "@/testing/factories";
import { separateConnections } from "@/testing/separate-connections";
import { refreshDueRisk } from "./refresh";

describe("the periodic risk refresh beside writers", () => {
  it("never waits for a customer a write holds (so the two cannot deadlock): it skips that one and scores the rest", async () => {
    const [writer, refresher] = separateConnections(2);
    const held = await createCustomer({ milestone: 9 });
    const free = await createCustomer({ milestone: 9 });
    // Both scores are stale and due, so the refresh has to write both rows.
    await db
      .update(customers)
      .set({ riskScore: 99, riskDueAt: new Date(Date.now() - 1000) })
      .where(inArray(customers.id, [held.id, free.id]));

    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // A write in progress: it holds `held`, as a batch of events holds its customers until it commits.
    const write = writer.transaction(async (tx) => {
      await tx.execute(sql`select id from customers where id = ${held.id} for update`);
      locked();
      await released;
    });
    await isLocked;
    let refreshed: number | null;
    try {
      refreshed = await refresher.transaction(async (tx) => {
        // Waiting for the held row would fail here instead of hanging the test.
        await tx.execute(sql`set local lock_timeout = '2s'`);
        return refreshDueRisk(tx);
      });
    } finally {
      release();
      await write;
    }

    // One row rewritten: the free customer; the held one was skipped.
    expect(refreshed).toBe(1);
    const rows = await db
      .select({ id: customers.id, riskScore: customers.riskScore })
      .from(customers)
      .where(inArray(customers.id, [held.id, free.id]));
    const score = (id: number) => rows.find((row) => row.id === id)?.riskScore;
    expect(score(free.id)).not.toBe(99);
    // The held customer is scored by its own write, or by the next pass.
    expect(score(held.id)).toBe(99);
  }, 30_000);
});
