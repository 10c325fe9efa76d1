import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { seedDemo } from "@/server/demo/seed";
import { getDelightLog, getDelightMonthly } from "./queries";

beforeAll(async () => {
  await seedDemo({ customers: 300, seed: 41, now: new Date(new Date().toISOString().slice(0, 10)) });
});

/** The last 12 months (this one included) worked out here from the raw moments, newest first. */
async function expectedMonths() {
  const moments = await queryRows<{ at: string; cost: number }>(
    db,
    sql`select occurred_at::text as at, cost_cents as cost from delight_moments`,
  );
  const now = new Date();
  const first = `${new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 7)}`;
  const months = new Map<string, { month: string; moments: number; costCents: number }>();
  for (const m of moments) {
    const month = new Date(m.at).toISOString().slice(0, 7);
    if (month < first) continue;
    const row = months.get(month) ?? { month, moments: 0, costCents: 0 };
    row.moments += 1;
    row.costCents += m.cost;
    months.set(month, row);
  }
  return [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
}

const momentCount = async () =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from delight_moments`))[0].n;

describe("delight per month", () => {
  it("the last 12 months' moments and cost, and the log's total, equal the raw moments counted here; after moments are added, moved to another month, repriced and deleted, still", async () => {
    const before = await expectedMonths();
    expect(before.length).toBeGreaterThan(3);
    expect(await getDelightMonthly(db)).toEqual(before);
    expect((await getDelightLog(db, { page: 1 })).total).toBe(await momentCount());

    await db.execute(sql`insert into delight_moments (customer_id, interaction_id, prompt, gesture, cost_cents, occurred_at)
      select i.customer_id, i.id, 'prompt', 'gesture', 1500, now() - make_interval(days => (i.id % 200)::int)
      from interactions i where not exists (select 1 from delight_moments d where d.interaction_id = i.id)
      order by i.id limit 150`);
    await db.execute(sql`update delight_moments set occurred_at = occurred_at - interval '40 days', cost_cents = cost_cents + 99
      where id % 5 = 0`);
    await db.execute(sql`delete from delight_moments where id % 11 = 0`);
    const after = await expectedMonths();
    expect(after).not.toEqual(before);
    expect(await getDelightMonthly(db)).toEqual(after);
    expect((await getDelightLog(db, { page: 1 })).total).toBe(await momentCount());
  });
});
