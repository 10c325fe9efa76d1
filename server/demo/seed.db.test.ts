import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { LEDGER_EPOCH_MS } from "@/lib/ledger";
import { db, queryRows } from "@/db";
import { customers } from "@/db/schema";
import { createCustomer } from "@/testing/factories";
import { ledgerDrift } from "@/testing/ledger-check";
import { classifyCustomers } from "@/server/revenue/engine";
import { seedDemo, seedDemoIfEmpty } from "./seed";

const now = new Date("2026-11-23T00:00:00Z");
const CUSTOMERS = 300;
const one = async <Row>(query: ReturnType<typeof sql>) => (await queryRows<Row>(db, query))[0];

describe("demo seed", () => {
  beforeAll(async () => {
    const summary = await seedDemoIfEmpty({ customers: CUSTOMERS, seed: 42, now });
    expect(summary?.customers).toBe(CUSTOMERS);
  });

  it("four members, one per role, each owning customers", async () => {
    const rows = await queryRows<{ role: string; owned: number }>(
      db,
      sql`select m.role, count(c.id)::int as owned from members m left join customers c on c.owner_id = m.id group by m.role order by m.role`,
    );
    expect(rows.map((r) => r.role)).toEqual(["admin", "manager", "csm", "viewer"]);
    expect(rows.filter((r) => r.role !== "viewer").every((r) => r.owned > 0)).toBe(true);
  });

  it("each customer's milestone is the last one in its milestone history", async () => {
    const row = await one<{ mismatches: number }>(sql`
      select count(*)::int as mismatches from customers c
      where c.milestone <> (select mc.to_milestone from milestone_changes mc where mc.customer_id = c.id order by mc.at desc, mc.id desc limit 1)`);
    expect(row.mismatches).toBe(0);
  });

  it("stored ledger accumulators equal a recomputation from raw interactions (Σ w·2^((t−E)/h))", async () => {
    const { creditHalfLifeDays, debtHalfLifeDays } = DEFAULT_SETTINGS.ledger;
    const epoch = new Date(LEDGER_EPOCH_MS).toISOString();
    const row = await one<{ checked: number; worst: number }>(sql`
      with recomputed as (
        select i.customer_id,
          coalesce(sum(t.default_weight * power(2, extract(epoch from i.occurred_at - ${epoch}::timestamptz) / 86400 / ${creditHalfLifeDays}))
            filter (where t.default_weight > 0), 0) as credit,
          coalesce(sum(t.default_weight * power(2, extract(epoch from i.occurred_at - ${epoch}::timestamptz) / 86400 / ${debtHalfLifeDays}))
            filter (where t.default_weight < 0), 0) as debt
        from interactions i join interaction_types t on t.id = i.type_id group by i.customer_id)
      select count(*)::int as checked,
        max(greatest(abs(c.credit_acc - r.credit) / greatest(abs(r.credit), 1), abs(c.debt_acc - r.debt) / greatest(abs(r.debt), 1))) as worst
      from customers c join recomputed r on r.customer_id = c.id`);
    expect(row.checked).toBe(CUSTOMERS);
    expect(row.worst).toBeLessThan(1e-9);
  });

  it("the daily ledger (one row per customer and day) equals a recomputation from raw interactions, and sums to the accumulators", async () => {
    const drift = await ledgerDrift();
    expect(drift.days).toBeLessThan(1e-9);
    expect(drift.accumulators).toBeLessThan(1e-9);
  });

  it("last inbound activity is the newest inbound interaction", async () => {
    const row = await one<{ mismatches: number }>(sql`
      select count(*)::int as mismatches from customers c
      where c.last_inbound_at is distinct from (select max(occurred_at) from interactions i where i.customer_id = c.id and i.direction = 'inbound')`);
    expect(row.mismatches).toBe(0);
  });

  it("churned customers have a churn date and nothing logged after it", async () => {
    const row = await one<{ churned: number; bad: number }>(sql`
      select count(*)::int as churned,
        count(*) filter (where churned_at is null or exists (select 1 from interactions i where i.customer_id = c.id and i.occurred_at > c.churned_at))::int as bad
      from customers c where status = 'churned'`);
    expect(row.churned).toBeGreaterThan(0);
    expect(row.bad).toBe(0);
  });

  it("delight moments answer an earlier debit of the same customer, and some recent debits are unanswered", async () => {
    const row = await one<{ moments: number; bad: number; unanswered: number }>(sql`
      select (select count(*)::int from delight_moments) as moments,
        (select count(*)::int from delight_moments d join interactions p on p.id = d.prompt_interaction_id
          where p.customer_id <> d.customer_id or p.occurred_at > d.occurred_at) as bad,
        (select count(*)::int from interactions i join interaction_types t on t.id = i.type_id
          where t.default_weight < 0 and i.occurred_at > ${now.toISOString()}::timestamptz - interval '14 days'
          and not exists (select 1 from delight_moments d where d.prompt_interaction_id = i.id)) as unanswered`);
    expect(row.moments).toBeGreaterThan(0);
    expect(row.bad).toBe(0);
    expect(row.unanswered).toBeGreaterThan(0);
  });

  it("every referred customer was referred by a customer who logged that referral", async () => {
    const row = await one<{ referred: number; unexplained: number }>(sql`
      select count(*)::int as referred,
        count(*) filter (where not exists (select 1 from community_activities a
          where a.customer_id = c.referred_by_id and a.referred_customer_id = c.id and a.kind = 'referred_customer'))::int as unexplained
      from customers c where referred_by_id is not null`);
    expect(row.referred).toBeGreaterThan(0);
    expect(row.unexplained).toBe(0);
  });

  it("revenue agrees with the story: paying customers have a subscription from conversion, churned ones' ends the day they churned, ascended ones expanded", async () => {
    const row = await one<{
      paying: number;
      withoutSubscription: number;
      churnedStillPaying: number;
      churnNotAtChurn: number;
      expansions: number;
      arrMismatch: number;
    }>(sql`
      select
        (select count(*)::int from customers where converted_at is not null) as paying,
        (select count(*)::int from customers c where c.converted_at is not null
           and not exists (select 1 from subscriptions s where s.customer_id = c.id and s.started_at = c.converted_at)) as "withoutSubscription",
        (select count(*)::int from customers where status = 'churned' and (arr_cents <> 0 or mrr_cents <> 0)) as "churnedStillPaying",
        (select count(*)::int from customers c where c.status = 'churned' and c.converted_at < c.churned_at
           and not exists (select 1 from revenue_movements m where m.customer_id = c.id and m.kind = 'churn' and m.occurred_at = c.churned_at)) as "churnNotAtChurn",
        (select count(*)::int from revenue_movements m join customers c on c.id = m.customer_id
           where m.kind = 'expansion' and c.peak_milestone >= 11) as expansions,
        (select count(*)::int from customers c
           where c.arr_cents <> (select coalesce(sum(arr_delta_cents), 0) from revenue_movements m where m.customer_id = c.id)) as "arrMismatch"`);
    expect(row.paying).toBeGreaterThan(0);
    expect(row).toMatchObject({ withoutSubscription: 0, churnedStillPaying: 0, churnNotAtChurn: 0, arrMismatch: 0 });
    expect(row.expansions).toBeGreaterThan(0);
  });

  it("the seeded movements' kinds are what the ledger derives from their order (re-deriving changes nothing)", async () => {
    const before = await queryRows(db, sql`select id, kind, arr_after_cents from revenue_movements order by id`);
    const ids = (await queryRows<{ id: number }>(db, sql`select id from customers`)).map((c) => c.id);
    await db.transaction((tx) => classifyCustomers(tx, ids));
    expect(await queryRows(db, sql`select id, kind, arr_after_cents from revenue_movements order by id`)).toEqual(
      before,
    );
  });

  it("a restart keeps saved work and does not seed again", async () => {
    await createCustomer({ name: "Saved After Seeding" });
    expect(await seedDemoIfEmpty({ customers: CUSTOMERS, seed: 42, now })).toBeNull();
    const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(customers);
    expect(count).toBe(CUSTOMERS + 1);
    await expect(seedDemo({ customers: 10, seed: 1, now })).rejects.toThrow(/only fills an empty database/);
  });
});
