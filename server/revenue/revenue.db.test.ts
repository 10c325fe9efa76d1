import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { customers, revenueMovements } from "@/db/schema";
import { createRandom } from "@/lib/demo/random";
import { DAY_MS as DAY } from "@/lib/dates";
import { createCustomer, createMember } from "@/testing/factories";
import type { Actor } from "@/server/audit/record";
import { bookSubscriptionChanges, setCustomerMrr, type SubscriptionChange } from "./engine";
import {
  getArrAtRisk,
  getArrBridge,
  getCohorts,
  getCustomerRevenue,
  getRenewals,
  getRetention,
  listBridgeRows,
  RENEWALS_LISTED,
} from "./queries";

const actor: Actor = { id: null, label: "test" };
const now = Date.now();
const daysAgo = (days: number) => new Date(now - days * DAY);

const monthly = (customerId: number, amountCents: number, effectiveAt: Date, extra: Partial<SubscriptionChange> = {}) =>
  ({
    customerId,
    plan: "Growth",
    amountCents,
    currency: "USD",
    interval: "month",
    renewsOn: null,
    status: "active",
    cancelAtPeriodEnd: false,
    effectiveAt,
    ...extra,
  }) satisfies SubscriptionChange;

const book = (...changes: SubscriptionChange[]) => db.transaction((tx) => bookSubscriptionChanges(tx, actor, changes));

async function movementsOf(customerId: number) {
  return db
    .select({
      kind: revenueMovements.kind,
      delta: revenueMovements.arrDeltaCents,
      after: revenueMovements.arrAfterCents,
    })
    .from(revenueMovements)
    .where(eq(revenueMovements.customerId, customerId))
    .orderBy(revenueMovements.occurredAt, revenueMovements.id);
}

async function revenueOf(customerId: number) {
  const [row] = await db
    .select({ arr: customers.arrCents, mrr: customers.mrrCents, renews: customers.nextRenewalOn })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row;
}

describe("booking revenue", () => {
  it("$100/mo, up to $150, a $1,200/yr add-on, down to $50, both ended, the add-on back: new, expansion ×2, contraction ×2, churn, reactivation", async () => {
    const { id } = await createCustomer();
    const [first] = await book(monthly(id, 10_000, daysAgo(60), { renewsOn: "2031-01-05" }));
    await book(monthly(id, 15_000, daysAgo(50), { subscriptionId: first.subscription.id }));
    const [addOn] = await book(monthly(id, 120_000, daysAgo(40), { interval: "year", plan: "Add-on" }));
    await book(monthly(id, 5_000, daysAgo(30), { subscriptionId: first.subscription.id }));
    await book(
      monthly(id, 5_000, daysAgo(20), { subscriptionId: first.subscription.id, status: "canceled" }),
      monthly(id, 120_000, daysAgo(20), {
        subscriptionId: addOn.subscription.id,
        interval: "year",
        status: "canceled",
      }),
    );
    await book(
      monthly(id, 120_000, daysAgo(10), {
        subscriptionId: addOn.subscription.id,
        interval: "year",
        renewsOn: "2031-02-01",
      }),
    );

    expect(await movementsOf(id)).toEqual([
      { kind: "new", delta: 120_000, after: 120_000 },
      { kind: "expansion", delta: 60_000, after: 180_000 },
      { kind: "expansion", delta: 120_000, after: 300_000 },
      { kind: "contraction", delta: -120_000, after: 180_000 },
      { kind: "contraction", delta: -60_000, after: 120_000 },
      { kind: "churn", delta: -120_000, after: 0 },
      { kind: "reactivation", delta: 120_000, after: 120_000 },
    ]);
    expect(await revenueOf(id)).toEqual({ arr: 120_000, mrr: 10_000, renews: "2031-02-01" });
  });

  it("a subscription added with an earlier start re-derives the later movements: the first becomes new, the other an expansion", async () => {
    const { id } = await createCustomer();
    await book(monthly(id, 20_000, daysAgo(5)));
    await book(monthly(id, 10_000, daysAgo(30)));
    expect((await movementsOf(id)).map((m) => [m.kind, m.after])).toEqual([
      ["new", 120_000],
      ["expansion", 360_000],
    ]);
  });

  it("a change dated before the subscription's last change is refused and writes nothing", async () => {
    const { id } = await createCustomer();
    const [booked] = await book(monthly(id, 10_000, daysAgo(10)));
    const before = await movementsOf(id);
    await expect(book(monthly(id, 30_000, daysAgo(20), { subscriptionId: booked.subscription.id }))).rejects.toThrow(
      "before the subscription's last change",
    );
    expect(await movementsOf(id)).toEqual(before);
    expect((await revenueOf(id)).arr).toBe(120_000);
  });

  it("a change in the future is refused", async () => {
    const { id } = await createCustomer();
    await expect(book(monthly(id, 10_000, new Date(now + 2 * DAY)))).rejects.toThrow("cannot be in the future");
    expect(await movementsOf(id)).toEqual([]);
  });

  it("revenue to date: $100/mo for the last year and $1,200/yr added half a year ago is $1,200 + $600 = $1,800", async () => {
    const { id } = await createCustomer();
    const at = new Date("2026-06-01T00:00:00Z");
    const year = 365.25 * DAY;
    await book(monthly(id, 10_000, new Date(at.getTime() - year)));
    await book(monthly(id, 120_000, new Date(at.getTime() - year / 2), { interval: "year" }));
    const revenue = await getCustomerRevenue(db, id, at);
    expect(revenue.revenueToDateCents).toBe(180_000);
    expect(revenue.costToServeCents).toBe(0);
  });

  it("a customer's MRR figure starts, changes and ends their one subscription; with two it is refused", async () => {
    const customer = await createCustomer();
    const set = (mrr: number) => db.transaction((tx) => setCustomerMrr(tx, actor, customer, mrr, new Date()));
    await set(9_950);
    await set(12_000);
    await set(12_000);
    expect((await movementsOf(customer.id)).map((m) => [m.kind, m.delta])).toEqual([
      ["new", 119_400],
      ["expansion", 24_600],
    ]);
    await book(monthly(customer.id, 1_000, new Date()));
    await expect(set(5_000)).rejects.toThrow("several subscriptions");
    expect((await revenueOf(customer.id)).mrr).toBe(13_000);
  });
});

describe("the ARR bridge and retention against plain SQL over the raw movements", () => {
  let ownerId: number;
  const from = daysAgo(180);
  const to = daysAgo(20);
  const [fromText, toText] = [from.toISOString(), to.toISOString()];

  beforeAll(async () => {
    await db.delete(customers);
    ownerId = (await createMember({ role: "csm" })).id;
    const random = createRandom(19);
    // 40 customers, each with one or two subscriptions changed at random over 400 days.
    for (let c = 0; c < 40; c++) {
      const customer = await createCustomer({ ownerId: c % 3 === 0 ? ownerId : null });
      for (let s = random.int(1, 2); s > 0; s--) {
        let at = random.int(5, 400);
        const [created] = await book(monthly(customer.id, random.int(1, 50) * 1_000, daysAgo(at)));
        for (let step = random.int(0, 4); step > 0 && at > 10; step--) {
          at = random.int(1, at - 1);
          const status = random.chance(0.3) ? "canceled" : "active";
          await book(
            monthly(customer.id, random.int(1, 80) * 1_000, daysAgo(at), {
              subscriptionId: created.subscription.id,
              status,
            }),
          );
        }
      }
    }
  });

  /** Kinds recomputed from the raw deltas by a correlated sum, not by the app's window query. */
  async function independent(owner: number | null) {
    const owned = owner === null ? sql`` : sql`and c.owner_id = ${owner}`;
    const [row] = await queryRows<Record<string, string>>(
      db,
      sql`with raw as (
            select m.customer_id, m.occurred_at, m.arr_delta_cents as delta,
              (select coalesce(sum(e.arr_delta_cents), 0) from revenue_movements e
                where e.customer_id = m.customer_id and (e.occurred_at, e.id) < (m.occurred_at, m.id)) as before,
              exists (select 1 from revenue_movements e where e.customer_id = m.customer_id
                and (e.occurred_at, e.id) < (m.occurred_at, m.id)
                and (select sum(x.arr_delta_cents) from revenue_movements x
                     where x.customer_id = e.customer_id and (x.occurred_at, x.id) <= (e.occurred_at, e.id)) > 0) as paid
            from revenue_movements m join customers c on c.id = m.customer_id where true ${owned}),
          kinds as (
            select *, case when before = 0 and paid then 'reactivation' when before = 0 then 'new'
              when before + delta = 0 then 'churn' when delta > 0 then 'expansion' else 'contraction' end as kind
            from raw),
          cohort as (select customer_id, sum(delta) as arr from kinds where occurred_at < ${fromText}::timestamptz group by 1 having sum(delta) > 0)
          select
            (select coalesce(sum(delta), 0) from kinds where occurred_at < ${fromText}::timestamptz) as start,
            (select coalesce(sum(delta), 0) from kinds where occurred_at < ${toText}::timestamptz) as "end",
            (select coalesce(sum(delta), 0) from kinds where kind = 'new' and occurred_at >= ${fromText}::timestamptz and occurred_at < ${toText}::timestamptz) as new,
            (select coalesce(sum(delta), 0) from kinds where kind = 'expansion' and occurred_at >= ${fromText}::timestamptz and occurred_at < ${toText}::timestamptz) as expansion,
            (select coalesce(-sum(delta), 0) from kinds where kind = 'contraction' and occurred_at >= ${fromText}::timestamptz and occurred_at < ${toText}::timestamptz) as contraction,
            (select coalesce(-sum(delta), 0) from kinds where kind = 'churn' and occurred_at >= ${fromText}::timestamptz and occurred_at < ${toText}::timestamptz) as churn,
            (select coalesce(sum(delta), 0) from kinds where kind = 'reactivation' and occurred_at >= ${fromText}::timestamptz and occurred_at < ${toText}::timestamptz) as reactivation,
            (select coalesce(sum(arr), 0) from cohort) as cohort_start,
            (select coalesce(sum(delta), 0) from kinds k join cohort using (customer_id) where k.kind = 'expansion' and k.occurred_at >= ${fromText}::timestamptz and k.occurred_at < ${toText}::timestamptz) as cohort_expansion,
            (select coalesce(-sum(delta), 0) from kinds k join cohort using (customer_id) where k.kind in ('contraction', 'churn') and k.occurred_at >= ${fromText}::timestamptz and k.occurred_at < ${toText}::timestamptz) as cohort_lost`,
    );
    const n = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
    return {
      bridge: {
        startCents: n.start,
        endCents: n.end,
        new: n.new,
        expansion: n.expansion,
        contraction: n.contraction,
        churn: n.churn,
        reactivation: n.reactivation,
      },
      grr: (n.cohort_start - n.cohort_lost) / n.cohort_start,
      nrr: (n.cohort_start + n.cohort_expansion - n.cohort_lost) / n.cohort_start,
    };
  }

  for (const scope of ["the whole book", "one owner"] as const) {
    it(`${scope}: every bridge line matches to the cent, GRR and NRR within 0.1 percentage point`, async () => {
      const owner = scope === "one owner" ? ownerId : null;
      const expected = await independent(owner);
      expect(expected.bridge.startCents).toBeGreaterThan(0);
      expect(await getArrBridge(db, { from, to, ownerId: owner })).toEqual(expected.bridge);
      const retention = await getRetention(db, { from, to, ownerId: owner });
      expect(Math.abs((retention.grr ?? 0) - expected.grr)).toBeLessThan(0.001);
      expect(Math.abs((retention.nrr ?? 0) - expected.nrr)).toBeLessThan(0.001);
    });
  }

  it("retention is kept per scope while the ledger stands: a planted figure is served until the next subscription is booked, then the figures are plain SQL's again", async () => {
    const scope = { from, to, ownerId: null };
    await getRetention(db, scope);
    await db.execute(
      sql`update revenue_rollups set figures = jsonb_set(figures, '{churnCents}', '-1') where key like 'retention:%'`,
    );
    expect((await getRetention(db, scope)).churnCents).toBe(-1);
    await book(monthly((await createCustomer()).id, 7_000, daysAgo(100)));
    const fresh = await getRetention(db, scope);
    const expected = await independent(null);
    expect(fresh.churnCents).toBeGreaterThan(0);
    expect(fresh.startCents).toBe(expected.bridge.startCents);
    expect(Math.abs((fresh.grr ?? 0) - expected.grr)).toBeLessThan(0.001);
    expect(Math.abs((fresh.nrr ?? 0) - expected.nrr)).toBeLessThan(0.001);
  });

  it("each bridge line's list (/revenue/movements) holds the movements behind it: its count and sum match plain SQL", async () => {
    const expected = await independent(null);
    for (const kind of ["new", "expansion", "contraction", "churn", "reactivation"] as const) {
      const [raw] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from revenue_movements
            where kind = ${kind} and occurred_at >= ${fromText}::timestamptz and occurred_at < ${toText}::timestamptz`,
      );
      const listed = await listBridgeRows(db, { kind, from, to, ownerId: null, page: 1 });
      expect([kind, listed.total, listed.sumCents]).toEqual([kind, raw.n, expected.bridge[kind]]);
    }
    const paying = await listBridgeRows(db, { kind: "start", from, to, ownerId: null, page: 1 });
    const [payingRaw] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select customer_id from revenue_movements where occurred_at < ${fromText}::timestamptz
          group by 1 having sum(arr_delta_cents) > 0) p`,
    );
    expect([paying.total, paying.sumCents]).toEqual([payingRaw.n, expected.bridge.startCents]);
  });

  it("each customer's ARR is the sum of its movements and of its active subscriptions", async () => {
    const mismatched = await queryRows(
      db,
      sql`select c.id from customers c
          where c.arr_cents <> (select coalesce(sum(arr_delta_cents), 0) from revenue_movements m where m.customer_id = c.id)
             or c.arr_cents <> (select coalesce(sum(case when s.interval = 'month' then 12 * s.amount_cents else s.amount_cents end), 0)
                                from subscriptions s where s.customer_id = c.id and s.status = 'active')`,
    );
    expect(mismatched).toEqual([]);
  });
});

describe("renewals, ARR at risk and cohorts against plain SQL", () => {
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    await db.delete(customers);
    const owner = (await createMember({ role: "csm" })).id;
    const random = createRandom(23);
    for (let c = 0; c < 30; c++) {
      const customer = await createCustomer({
        ownerId: c % 2 === 0 ? owner : null,
        milestone: random.int(7, 13),
        riskScore: random.int(0, 8),
      });
      const renewsOn = new Date(now + random.int(0, 120) * DAY).toISOString().slice(0, 10);
      const [booked] = await book(
        monthly(customer.id, random.int(1, 40) * 1_000, daysAgo(random.int(20, 330)), { renewsOn }),
      );
      if (random.chance(0.3))
        await book(
          monthly(customer.id, random.int(1, 40) * 1_000, daysAgo(random.int(1, 19)), {
            subscriptionId: booked.subscription.id,
            renewsOn,
            status: random.chance(0.5) ? "canceled" : "active",
          }),
        );
    }
  });

  it("30/60/90-day windows: customers, ARR and the at-risk share equal a count over active customers' next renewal days", async () => {
    const { windows, threshold } = await getRenewals(db, { ownerId: null, today });
    for (const window of windows) {
      const [raw] = await queryRows<{ customers: number; arr: string; risky: number; riskyArr: string }>(
        db,
        sql`select count(*)::int as customers, coalesce(sum(arr_cents), 0) as arr,
              (count(*) filter (where risk_score >= ${threshold}))::int as risky,
              coalesce(sum(arr_cents) filter (where risk_score >= ${threshold}), 0) as "riskyArr"
            from customers where status = 'active' and next_renewal_on between ${today}::date and ${today}::date + ${window.days}::int`,
      );
      expect(window).toEqual({
        days: window.days,
        customers: raw.customers,
        arrCents: Number(raw.arr),
        atRisk: raw.risky,
        atRiskArrCents: Number(raw.riskyArr),
      });
    }
  });

  it("the renewals listed: at risk first, then the soonest and the largest, as plain SQL orders every renewal of the 90 days", async () => {
    const { upcoming, threshold } = await getRenewals(db, { ownerId: null, today });
    const raw = await queryRows<{ id: number }>(
      db,
      sql`select id from customers where status = 'active' and next_renewal_on between ${today}::date and ${today}::date + 90
          order by risk_score >= ${threshold} desc, next_renewal_on, arr_cents desc, id limit ${RENEWALS_LISTED}`,
    );
    expect(upcoming.map((r) => r.id)).toEqual(raw.map((r) => r.id));
    // Both kinds are on the list, so the at-risk and the other renewals are merged, not one side alone.
    expect(new Set(upcoming.map((r) => r.atRisk))).toEqual(new Set([true, false]));
  });

  it("ARR at risk by owner sums the active at-risk customers' ARR per owner", async () => {
    const { byOwner, threshold } = await getArrAtRisk(db, null);
    const raw = await queryRows<{ ownerId: number | null; customers: number; arr: string }>(
      db,
      sql`select owner_id as "ownerId", count(*)::int as customers, sum(arr_cents) as arr from customers
          where status = 'active' and risk_score >= ${threshold} and arr_cents > 0 group by owner_id`,
    );
    expect(byOwner.map((r) => [r.ownerId, r.customers, r.arrCents]).sort()).toEqual(
      raw.map((r) => [r.ownerId, r.customers, Number(r.arr)]).sort(),
    );
  });

  it("each cohort's cells: its size, who still pays at each month's end and its ARR then, from the raw movements", async () => {
    const cells = await getCohorts(db, { ownerId: null, now: new Date(now), months: 12 });
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      const [raw] = await queryRows<{ customers: number; retained: number; arr: string }>(
        db,
        sql`with firsts as (
              select customer_id, min(occurred_at) as first from revenue_movements where kind = 'new' group by 1),
            cohort as (select customer_id from firsts where to_char(first at time zone 'UTC', 'YYYY-MM') = ${cell.cohort}),
            at_end as (
              select c.customer_id, coalesce((select sum(m.arr_delta_cents) from revenue_movements m
                where m.customer_id = c.customer_id
                  and m.occurred_at < (to_date(${cell.month}, 'YYYY-MM') + interval '1 month')::timestamp at time zone 'UTC'), 0) as arr
              from cohort c)
            select count(*)::int as customers, (count(*) filter (where arr > 0))::int as retained, coalesce(sum(arr), 0) as arr from at_end`,
      );
      expect([cell.cohort, cell.month, cell.customers, cell.retained, cell.arrCents]).toEqual([
        cell.cohort,
        cell.month,
        raw.customers,
        raw.retained,
        Number(raw.arr),
      ]);
    }
  });
});
