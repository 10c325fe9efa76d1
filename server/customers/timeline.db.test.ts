import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/execute";
import { balanceFromInteractions } from "@/lib/ledger";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { db } from "@/db";
import { churnCustomer } from "./commands";
import { logInteraction } from "@/server/ledger/commands";
import { customers, interactions, interactionTypes } from "@/db/schema";
import { asSessionMember, createCustomer, createMember } from "@/testing/factories";
import { getBalanceHistory } from "@/server/ledger/balance-history";
import { getTimeline } from "./timeline";
import { DAY_MS as DAY } from "@/lib/dates";

let customerId: number;
const logged: { weight: number; at: Date }[] = [];

beforeAll(async () => {
  const csm = asSessionMember(await createMember({ role: "csm" }));
  const customer = await createCustomer({ milestone: 6 });
  customerId = customer.id;
  const plan: [string, number][] = [];
  for (let i = 0; i < 120; i++) plan.push([i % 3 === 0 ? "complaint" : i % 3 === 1 ? "praise" : "login", i * 0.75]);
  plan.push(["purchase", 30.2]);
  const weights = Object.fromEntries((await db.select().from(interactionTypes)).map((t) => [t.key, t.defaultWeight]));
  for (const [typeKey, daysAgo] of plan) {
    const at = new Date(Date.now() - daysAgo * DAY - 1000);
    const result = await executeAction(logInteraction, csm, {
      customerId: String(customerId),
      typeKey,
      occurredAt: at.toISOString(),
      channel: "email",
      direction: "inbound",
      summary: `${typeKey} ${daysAgo}`,
    });
    expect(result.ok).toBe(true);
    logged.push({ weight: weights[typeKey], at });
  }
  await executeAction(churnCustomer, csm, { customerId: String(customerId), reason: "Budget cut" });
});

describe("customer timeline", () => {
  it("pages of 50 walk all 121 interactions + 1 milestone change + 1 churn newest first, without gaps or repeats", async () => {
    const seen: string[] = [];
    const times: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await getTimeline(db, { customerId, kind: "all", cursor, limit: 50 });
      seen.push(...page.entries.map((e) => e.key));
      times.push(...page.entries.map((e) => e.at));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(123);
    expect(new Set(seen).size).toBe(123);
    expect([...times].sort().reverse()).toEqual(times);
    expect(seen[0]).toMatch(/^account-/);
  });

  it("the debits filter shows only the 40 complaints", async () => {
    const page = await getTimeline(db, { customerId, kind: "debits", limit: 100 });
    expect(page.entries).toHaveLength(40);
    expect(page.entries.every((e) => e.typeKey === "complaint" && (e.weight ?? 0) < 0)).toBe(true);
  });

  it("the milestones filter shows the purchase moving the customer from 6 to 7", async () => {
    const page = await getTimeline(db, { customerId, kind: "milestones" });
    expect(page.entries.map((e) => [e.fromMilestone, e.toMilestone])).toEqual([[6, 7]]);
  });

  it("the account filter shows the churn with its reason", async () => {
    const page = await getTimeline(db, { customerId, kind: "account" });
    expect(page.entries.map((e) => [e.event, e.detail])).toEqual([["customer.churned", "Budget cut"]]);
  });
});

describe("balance over time", () => {
  it("each day's point equals the ledger definition over the raw interactions up to that day's end", async () => {
    const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
    const now = new Date();
    const { points } = await getBalanceHistory(db, { customer, halfLives: DEFAULT_SETTINGS.ledger, now });
    expect(points).toHaveLength(90);
    for (const point of points) {
      const end = new Date(Math.min(Date.parse(point.day) + DAY, now.getTime()));
      const expected = balanceFromInteractions(
        logged.filter((e) => e.at < end),
        end,
        DEFAULT_SETTINGS.ledger,
      );
      expect(point.balance).toBeCloseTo(expected, 6);
    }
    const [{ count }] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(interactions)
      .where(eq(interactions.customerId, customerId));
    expect(count).toBe(121);
  });
});
