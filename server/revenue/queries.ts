import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { revenueMovements, type Subscription, subscriptions } from "@/db/schema";
import { type Bridge, grossRetention, type MovementKind, netRetention, type Retention } from "@/lib/revenue";
import { getSettings } from "@/server/settings/queries";
import { revenueRollup } from "./rollups";

/** A period [from, to) and whose customers: everyone's, or one owner's book. */
export type RevenueScope = { from: Date; to: Date; ownerId: number | null };

const ownerFilter = (ownerId: number | null) =>
  ownerId === null ? sql`` : sql`and m.customer_id in (select id from customers where owner_id = ${ownerId})`;

/** The ARR bridge: start + new + expansion − contraction − churn + reactivation = end, to the cent. */
export async function getArrBridge(db: Queryable, scope: RevenueScope): Promise<Bridge> {
  const key = `bridge:${scope.from.toISOString()}:${scope.to.toISOString()}:${scope.ownerId ?? "all"}`;
  return revenueRollup(db, key, () => computeArrBridge(db, scope));
}

async function computeArrBridge(db: Queryable, scope: RevenueScope): Promise<Bridge> {
  const [row] = await queryRows<Record<keyof Bridge, string>>(
    db,
    sql`select
          coalesce(sum(m.arr_delta_cents) filter (where m.occurred_at < ${scope.from.toISOString()}::timestamptz), 0) as "startCents",
          coalesce(sum(m.arr_delta_cents), 0) as "endCents",
          ${sql.join(
            (["new", "expansion", "contraction", "churn", "reactivation"] as const).map(
              (kind) =>
                sql`coalesce(${sql.raw(kind === "contraction" || kind === "churn" ? "-" : "")}sum(m.arr_delta_cents)
                  filter (where m.occurred_at >= ${scope.from.toISOString()}::timestamptz and m.kind = ${kind}), 0) as ${sql.identifier(kind)}`,
            ),
            sql`, `,
          )}
        from revenue_movements m
        where m.occurred_at < ${scope.to.toISOString()}::timestamptz ${ownerFilter(scope.ownerId)}`,
  );
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as Bridge;
}

export type RetentionFigures = Retention & { customers: number; grr: number | null; nrr: number | null };

/**
 * Revenue retention over [from, to) for the customers paying at `from`: gross = (start −
 * contraction − churn) ÷ start, net adds expansion. Their reactivations and new revenue do not count.
 */
export async function getRetention(db: Queryable, scope: RevenueScope): Promise<RetentionFigures> {
  const key = `retention:${scope.from.toISOString()}:${scope.to.toISOString()}:${scope.ownerId ?? "all"}`;
  return revenueRollup(db, key, () => computeRetention(db, scope));
}

async function computeRetention(db: Queryable, scope: RevenueScope): Promise<RetentionFigures> {
  const [row] = await queryRows<{
    customers: number;
    start: string;
    expansion: string;
    contraction: string;
    churn: string;
  }>(
    db,
    sql`with paying as (
          select m.customer_id, sum(m.arr_delta_cents) as arr
          from revenue_movements m
          where m.occurred_at < ${scope.from.toISOString()}::timestamptz ${ownerFilter(scope.ownerId)}
          group by m.customer_id having sum(m.arr_delta_cents) > 0)
        select (select count(*) from paying)::int as customers,
          (select coalesce(sum(arr), 0) from paying) as start,
          coalesce(sum(m.arr_delta_cents) filter (where m.kind = 'expansion'), 0) as expansion,
          coalesce(-sum(m.arr_delta_cents) filter (where m.kind = 'contraction'), 0) as contraction,
          coalesce(-sum(m.arr_delta_cents) filter (where m.kind = 'churn'), 0) as churn
        from revenue_movements m join paying p on p.customer_id = m.customer_id
        where m.occurred_at >= ${scope.from.toISOString()}::timestamptz and m.occurred_at < ${scope.to.toISOString()}::timestamptz`,
  );
  const figures: Retention = {
    startCents: Number(row.start),
    expansionCents: Number(row.expansion),
    contractionCents: Number(row.contraction),
    churnCents: Number(row.churn),
  };
  return { ...figures, customers: row.customers, grr: grossRetention(figures), nrr: netRetention(figures) };
}

export type RenewalWindow = {
  days: 30 | 60 | 90;
  customers: number;
  arrCents: number;
  atRisk: number;
  atRiskArrCents: number;
};
export type Renewal = {
  id: number;
  name: string;
  company: string | null;
  ownerName: string | null;
  renewsOn: string;
  arrCents: number;
  riskScore: number;
  atRisk: boolean;
};

const RENEWAL_WINDOWS = [30, 60, 90] as const;
export const RENEWALS_LISTED = 25;

/**
 * Active customers renewing in the next 30, 60 and 90 days (counted in SQL), with how many of them
 * are at risk; and the most urgent of the 90 days, at risk first, then the soonest.
 */
export async function getRenewals(
  db: Queryable,
  { ownerId, today }: { ownerId: number | null; today: string },
): Promise<{ windows: RenewalWindow[]; upcoming: Renewal[]; total: number; threshold: number }> {
  const { risk } = await getSettings(db, ["risk"]);
  const owned = ownerId === null ? sql`` : sql`and c.owner_id = ${ownerId}`;
  const within = sql`c.status = 'active' and c.next_renewal_on between ${today}::date and ${today}::date + 90 ${owned}`;
  const atRisk = sql`c.risk_score >= ${risk.atRiskScore}`;
  // Counted per window and risk in one pass, then summed into the nested windows (30 within 60
  // within 90): a dozen filtered aggregates per row took twice as long.
  const [groups, upcoming] = await Promise.all([
    queryRows<{ days: number; atRisk: boolean; customers: number; arrCents: string }>(
      db,
      sql`select (case ${sql.join(
        RENEWAL_WINDOWS.slice(0, -1).map(
          (days) => sql`when c.next_renewal_on <= ${today}::date + ${days}::int then ${days}`,
        ),
        sql` `,
      )} else ${RENEWAL_WINDOWS[RENEWAL_WINDOWS.length - 1]} end)::int as days,
          ${atRisk} as "atRisk", count(*)::int as customers, sum(c.arr_cents) as "arrCents"
        from customers c where ${within} group by 1, 2`,
    ),
    // The first renewals are picked off the renewal index alone, at risk and not apart: each walks
    // the index in renewal order and stops at the page (sorting all 184,000 renewals of the next 90
    // days at 1,000,000 customers took 80 ms); only they are joined to their names.
    queryRows<Renewal>(
      db,
      sql`with upcoming as (
            (select c.id, true as at_risk, c.next_renewal_on, c.arr_cents from customers c where ${within} and ${atRisk}
              order by c.next_renewal_on, c.arr_cents desc, c.id limit ${RENEWALS_LISTED})
            union all
            (select c.id, false, c.next_renewal_on, c.arr_cents from customers c where ${within} and not (${atRisk})
              order by c.next_renewal_on, c.arr_cents desc, c.id limit ${RENEWALS_LISTED})
            order by at_risk desc, next_renewal_on, arr_cents desc, id limit ${RENEWALS_LISTED})
          select c.id, c.name, c.company, mb.name as "ownerName", c.next_renewal_on::text as "renewsOn",
            c.arr_cents::float8 as "arrCents", c.risk_score as "riskScore", u.at_risk as "atRisk"
          from upcoming u join customers c on c.id = u.id left join members mb on mb.id = c.owner_id
          order by u.at_risk desc, c.next_renewal_on, c.arr_cents desc, c.id`,
    ),
  ]);
  const windows = RENEWAL_WINDOWS.map((days) => {
    const inWindow = groups.filter((group) => group.days <= days);
    const sum = (rows: typeof groups, pick: (row: (typeof groups)[number]) => number) =>
      rows.reduce((total, row) => total + pick(row), 0);
    const risky = inWindow.filter((group) => group.atRisk);
    return {
      days,
      customers: sum(inWindow, (row) => row.customers),
      arrCents: sum(inWindow, (row) => Number(row.arrCents)),
      atRisk: sum(risky, (row) => row.customers),
      atRiskArrCents: sum(risky, (row) => Number(row.arrCents)),
    };
  });
  return { windows, upcoming, total: windows[2].customers, threshold: risk.atRiskScore };
}

/** ARR of active customers at risk, by owner and by milestone (the page groups milestones into stages). */
export async function getArrAtRisk(db: Queryable, ownerId: number | null) {
  const { risk } = await getSettings(db, ["risk"]);
  const owned = ownerId === null ? sql`` : sql`and c.owner_id = ${ownerId}`;
  const atRisk = sql`c.status = 'active' and c.risk_score >= ${risk.atRiskScore} and c.arr_cents > 0 ${owned}`;
  const [byOwner, byMilestone] = await Promise.all([
    queryRows<{ ownerId: number | null; ownerName: string | null; customers: number; arrCents: number }>(
      db,
      sql`select c.owner_id as "ownerId", mb.name as "ownerName", count(*)::int as customers, sum(c.arr_cents)::float8 as "arrCents"
          from customers c left join members mb on mb.id = c.owner_id
          where ${atRisk} group by 1, 2 order by 4 desc, 2`,
    ),
    queryRows<{ milestone: number; customers: number; arrCents: number }>(
      db,
      sql`select c.milestone::int as milestone, count(*)::int as customers, sum(c.arr_cents)::float8 as "arrCents"
          from customers c where ${atRisk} group by 1 order by 1`,
    ),
  ]);
  return { byOwner, byMilestone, threshold: risk.atRiskScore };
}

export type CohortCell = { cohort: string; month: string; customers: number; retained: number; arrCents: number };

/**
 * Monthly cohorts by the month of a customer's first revenue, over the last `months` months: for
 * each later month end, how many still pay and the cohort's ARR then.
 *
 * Both are running sums of the cohort's monthly flows (ARR deltas; starts to pay minus stops
 * paying, which the movement kinds mark), so the work follows the cohorts' movements rather than
 * a grid of every customer and month.
 */
export async function getCohorts(
  db: Queryable,
  query: { ownerId: number | null; now: Date; months: number },
): Promise<CohortCell[]> {
  const key = `cohorts:${query.months}:${query.now.toISOString().slice(0, 7)}:${query.ownerId ?? "all"}`;
  return revenueRollup(db, key, () => computeCohorts(db, query));
}

async function computeCohorts(
  db: Queryable,
  { ownerId, now, months }: { ownerId: number | null; now: Date; months: number },
): Promise<CohortCell[]> {
  return queryRows<CohortCell>(
    db,
    sql`with bounds as (
          select date_trunc('month', ${now.toISOString()}::timestamptz at time zone 'UTC') - make_interval(months => ${months - 1}) as first),
        month_ends as (
          select b.first + make_interval(months => i) as month from bounds b, generate_series(0, ${months - 1}::int) as i),
        cohorts as (
          select m.customer_id, date_trunc('month', m.occurred_at at time zone 'UTC') as cohort
          from revenue_movements m, bounds b
          where m.kind = 'new' and m.occurred_at >= b.first at time zone 'UTC' ${ownerFilter(ownerId)}
            and not exists (select from revenue_movements e
              where e.customer_id = m.customer_id and e.kind = 'new' and e.occurred_at < m.occurred_at)),
        sizes as (select cohort, count(*)::int as customers from cohorts group by 1),
        flows as (
          select c.cohort, date_trunc('month', m.occurred_at at time zone 'UTC') as month,
            sum(m.arr_delta_cents) as delta,
            count(*) filter (where m.kind in ('new', 'reactivation')) - count(*) filter (where m.kind = 'churn') as joined
          from revenue_movements m join cohorts c on c.customer_id = m.customer_id group by 1, 2)
        select to_char(s.cohort, 'YYYY-MM') as cohort, to_char(e.month, 'YYYY-MM') as month, s.customers,
          (sum(coalesce(f.joined, 0)) over w)::int as retained, (sum(coalesce(f.delta, 0)) over w)::float8 as "arrCents"
        from sizes s join month_ends e on e.month >= s.cohort
          left join flows f on f.cohort = s.cohort and f.month = e.month
        window w as (partition by s.cohort order by e.month)
        order by s.cohort, e.month`,
  );
}

export const MOVEMENTS_PAGE_SIZE = 50;

export type MovementRow = {
  customerId: number;
  name: string;
  company: string | null;
  occurredAt: string | null;
  kind: MovementKind | null;
  deltaCents: number;
  arrAfterCents: number;
};

/**
 * The rows behind one line of the bridge: the movements of a kind in [from, to), or for "start"
 * and "end" the customers paying at that moment with their ARR then. Biggest first, a page at a time.
 */
export async function listBridgeRows(
  db: Queryable,
  query: { kind: MovementKind | "start" | "end"; from: Date; to: Date; ownerId: number | null; page: number },
): Promise<{ rows: MovementRow[]; total: number; sumCents: number }> {
  const owned = query.ownerId === null ? sql`` : sql`and c.owner_id = ${query.ownerId}`;
  const offset = (query.page - 1) * MOVEMENTS_PAGE_SIZE;
  const source =
    query.kind === "start" || query.kind === "end"
      ? sql`select m.customer_id, null::timestamptz as occurred_at, null::text as kind,
              sum(m.arr_delta_cents) as delta, sum(m.arr_delta_cents) as after
            from revenue_movements m
            where m.occurred_at < ${(query.kind === "start" ? query.from : query.to).toISOString()}::timestamptz
            group by m.customer_id having sum(m.arr_delta_cents) > 0`
      : sql`select m.customer_id, m.occurred_at, m.kind::text as kind, m.arr_delta_cents as delta, m.arr_after_cents as after
            from revenue_movements m
            where m.kind = ${query.kind} and m.occurred_at >= ${query.from.toISOString()}::timestamptz
              and m.occurred_at < ${query.to.toISOString()}::timestamptz`;
  const rows = await queryRows<MovementRow & { total: number; sum: string }>(
    db,
    sql`select x.customer_id as "customerId", c.name, c.company, x.occurred_at as "occurredAt", x.kind,
          x.delta::float8 as "deltaCents", x.after::float8 as "arrAfterCents",
          count(*) over ()::int as total, sum(x.delta) over () as sum
        from (${source}) x join customers c on c.id = x.customer_id
        where true ${owned}
        order by abs(x.delta) desc, x.occurred_at desc nulls last, c.id
        limit ${MOVEMENTS_PAGE_SIZE} offset ${offset}`,
  );
  if (rows.length === 0 && query.page > 1) {
    const [count] = await queryRows<{ total: number; sum: string }>(
      db,
      sql`select count(*)::int as total, coalesce(sum(x.delta), 0) as sum from (${source}) x join customers c on c.id = x.customer_id where true ${owned}`,
    );
    return { rows: [], total: count.total, sumCents: Math.abs(Number(count.sum)) };
  }
  return {
    rows: rows.map(({ total: _total, sum: _sum, ...row }) => row),
    total: rows[0]?.total ?? 0,
    sumCents: Math.abs(Number(rows[0]?.sum ?? 0)),
  };
}

export type CustomerRevenue = {
  subscriptions: Subscription[];
  movements: { id: number; kind: MovementKind; occurredAt: Date; deltaCents: number; arrAfterCents: number }[];
  /** What the customer has paid so far, by the ledger: each movement's ARR for the time since it. */
  revenueToDateCents: number;
  /** The delight moments' logged costs. */
  costToServeCents: number;
  asOf: Date;
};

const YEAR_MS = 365.25 * 86_400_000;

export async function getCustomerRevenue(
  db: Queryable,
  customerId: number,
  now = new Date(),
): Promise<CustomerRevenue> {
  const [subscriptionRows, movementRows, [cost]] = await Promise.all([
    db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.customerId, customerId))
      .orderBy(sql`${subscriptions.status} = 'active' desc`, desc(subscriptions.startedAt)),
    db
      .select({
        id: revenueMovements.id,
        kind: revenueMovements.kind,
        occurredAt: revenueMovements.occurredAt,
        deltaCents: revenueMovements.arrDeltaCents,
        arrAfterCents: revenueMovements.arrAfterCents,
      })
      .from(revenueMovements)
      .where(eq(revenueMovements.customerId, customerId))
      .orderBy(revenueMovements.occurredAt, revenueMovements.id),
    queryRows<{ cents: string }>(
      db,
      sql`select coalesce(sum(cost_cents), 0) as cents from delight_moments where customer_id = ${customerId}`,
    ),
  ]);
  const revenueToDateCents = movementRows.reduce(
    (sum, m) => sum + (m.deltaCents * Math.max(0, now.getTime() - m.occurredAt.getTime())) / YEAR_MS,
    0,
  );
  return {
    subscriptions: subscriptionRows,
    movements: movementRows,
    revenueToDateCents: Math.round(revenueToDateCents),
    costToServeCents: Number(cost.cents),
    asOf: now,
  };
}
