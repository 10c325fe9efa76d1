import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { arrayLiteral } from "@/db/array-literal";
import { accumulatorSql, daysBetweenSql, daysSinceLedgerEpochSql, decaySql } from "@/db/ledger-sql";
import type { FeatureRow } from "@/lib/backtest/score";
import { DAY_MS } from "@/lib/dates";

export type FeatureQuery = {
  /** The moments to score as of, oldest first (monthly cutoffs are days' starts in UTC). */
  cutoffs: readonly Date[];
  /** Type weights by key; types missing here (the outcome proxies, when left out) are not read at all. */
  typeWeights: Record<string, number>;
  /** Half-lives to sum each customer's credit and debt with (one pair per scoring, more to fit one). */
  halfLives: { credit: readonly number[]; debt: readonly number[] };
  fatigueWindowDays: number;
  /** Days after a cutoff in which a churn counts as the outcome. */
  horizonDays: number;
  /**
   * Whose rows: the paying customers active at each cutoff (a backtest), every customer not
   * churned by then (a shadow version's scores), or these customers whatever their state.
   */
  population: "paying" | "active" | { customerIds: readonly number[] };
  /**
   * Only the customers with ids in [fromId, toId): one of several statements run at once. A range,
   * not a remainder, because PostgreSQL estimates a range from its statistics: it took `id % 2 = 0`
   * for 0.5% of the rows, planned for 8,000 instead of 2.4 million and sorted them on disk.
   */
  shard?: { fromId: number; toId: number };
};

const RECENT_DAYS = 30;
const VOLUME_DAYS = 90;

/**
 * Each customer's inputs to a score at each cutoff, using only the interactions that had both
 * occurred and been recorded by then (no look-ahead): credit and debt decayed to the cutoff at each
 * half-life, what the last 30 days added (the trend), the last inbound activity, outbound contacts
 * since it within the fatigue window, inbound volume over 90 days — and whether the customer
 * churned within the horizon after it.
 *
 * One pass over the interactions. A row is available from the first cutoff at or after
 * max(occurred, recorded), and inside a trailing window of the cutoffs from the first one at or
 * after it occurred to the last one less than the window after it: so each row is summed under a
 * few small keys (customer and cutoff range) in one grouped scan, and the ranges are spread over
 * the cutoffs afterwards, instead of joining every row to every cutoff.
 */
export async function getFeatureRows(db: Queryable, query: FeatureQuery): Promise<FeatureRow[]> {
  if (query.cutoffs.length === 0) return [];
  const cutoffs = arrayLiteral(query.cutoffs.map((t) => t.toISOString()));
  const last = query.cutoffs[query.cutoffs.length - 1].toISOString();
  const weights = JSON.stringify(query.typeWeights);
  const sums = [
    ...query.halfLives.credit.map((halfLife, j) => ({ halfLife, name: `c${j}`, credit: true })),
    ...query.halfLives.debt.map((halfLife, j) => ({ halfLife, name: `d${j}`, credit: false })),
  ];
  // The cutoffs moved `days` back and one microsecond on, worked out once per statement: the
  // number of cutoffs before `at + days` is then width_bucket(at, these), with no date arithmetic
  // per row (adding days to a timestamptz goes through the calendar, row by row).
  const cutoffsLess = (days: number) =>
    sql`(select array_agg(t - make_interval(days => ${days}) + interval '1 microsecond' order by k) from ct)`;
  // The index of the first cutoff at or after `at` (1-based; past the last one: n + 1).
  const firstCutoffFrom = (at: SQL) => sql`(width_bucket(${at}, ${cutoffsLess(0)}) + 1)`;
  // The index of the last cutoff less than `days` after the row occurred (0 when none).
  const window = (days: number) => sql`width_bucket(i.occurred_at, ${cutoffsLess(days)})`;
  const accumulator = (x: (typeof sums)[number]) => {
    const acc = accumulatorSql(weight, sql`i.occurred_at`, {
      creditHalfLifeDays: x.halfLife,
      debtHalfLifeDays: x.halfLife,
    });
    return x.credit ? acc.credit : acc.debt;
  };
  // The cutoffs from..to, as spread(k). Bounded by their number: PostgreSQL takes any generate_series
  // for 1,000 rows, planned the fatigue pass's grouping for a thousand times its groups and
  // spilled it to disk in 1,024 parts.
  const spread = (from: SQL, to: SQL) =>
    sql`(select generate_series(${from}, ${to}) as k limit ${query.cutoffs.length}) as spread`;
  const { population, shard } = query;
  const ids = typeof population === "string" ? null : arrayLiteral(population.customerIds);
  const inShard = (column: SQL) =>
    shard ? sql`and ${column} >= ${shard.fromId}::int and ${column} < ${shard.toId}::int` : sql``;
  // The customers in the population at any cutoff. Each gets a row at every cutoff, so that what
  // happened before it joined (a trial's complaint, its last inbound contact) is summed along the
  // cutoffs into the first one it counts at; the rows outside the population are dropped at the end.
  const first = query.cutoffs[0].toISOString();
  const everInPopulation = ids
    ? sql`c.id = any(${ids}::int[])`
    : sql`(c.churned_at is null or c.churned_at > ${first}::timestamptz)
        ${population === "active" ? sql`` : sql`and c.converted_at <= ${last}::timestamptz`}`;
  const inPopulation = ids ? sql`` : population === "active" ? sql`where cum.active` : sql`where cum.paying`;
  const weight = sql`coalesce(i.weight_override, tw.weight)`;
  // The grouping passes hold a few hundred thousand groups: with 64 MB instead of the default 4 MB
  // they stay in memory (10.4 → 8.8 s at 100,000 customers / 5,000,000 interactions).
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return queryRows<Record<string, unknown>>(
      tx,
      sql`with ct as (select t, k::int from unnest(${cutoffs}::timestamptz[]) with ordinality as x(t, k)),
      tw as (
        select t.id as type_id, w.value::float8 as weight
        from json_each_text(${weights}::json) as w(key, value) join interaction_types t on t.key = w.key),
      fine as (
        select i.customer_id,
          ${firstCutoffFrom(sql`greatest(i.occurred_at, i.recorded_at)`)} as a,
          ${window(RECENT_DAYS)} as r, ${window(VOLUME_DAYS)} as v,
          ${sql.join(
            sums.map(
              (x) => sql`coalesce(sum(${accumulator(x)}) filter (where ${weight} <> 0), 0) as ${sql.raw(x.name)}`,
            ),
            sql`, `,
          )},
          max(i.occurred_at) filter (where i.direction = 'inbound') as last_inbound,
          count(*) filter (where i.direction = 'inbound') as inbound
        from interactions i join tw on tw.type_id = i.type_id
        where i.occurred_at <= ${last}::timestamptz and i.recorded_at <= ${last}::timestamptz
          ${ids ? sql`and i.customer_id = any(${ids}::int[])` : sql``} ${inShard(sql`i.customer_id`)}
        group by 1, 2, 3, 4),
      -- Outbound contacts apart, read by their own index (interactions_outbound_idx): a few
      -- percent of the rows, where folding them into fine's scan would carry their timestamps
      -- through its grouping.
      outbound as (
        select i.customer_id, i.occurred_at,
          ${firstCutoffFrom(sql`greatest(i.occurred_at, i.recorded_at)`)} as a,
          ${window(query.fatigueWindowDays)} as f
        from interactions i join tw on tw.type_id = i.type_id
        where i.direction = 'outbound' and i.occurred_at <= ${last}::timestamptz and i.recorded_at <= ${last}::timestamptz
          ${ids ? sql`and i.customer_id = any(${ids}::int[])` : sql``} ${inShard(sql`i.customer_id`)}),
      ledger as (
        select customer_id, a as k, ${sql.join(
          sums.map((x) => sql`sum(${sql.raw(x.name)}) as ${sql.raw(x.name)}`),
          sql`, `,
        )}, max(last_inbound) as last_inbound
        from fine group by 1, 2),
      -- MRR as the revenue ledger had it at each cutoff (today's figure would give churn away): each
      -- movement under the first cutoff that sees it, summed along the cutoffs in cum.
      revenue as (
        select rm.customer_id, ${firstCutoffFrom(sql`rm.occurred_at`)} as k, sum(rm.arr_delta_cents) as arr
        from revenue_movements rm
        where rm.occurred_at <= ${last}::timestamptz
          ${ids ? sql`and rm.customer_id = any(${ids}::int[])` : sql``} ${inShard(sql`rm.customer_id`)}
        group by 1, 2),
      grid as (
        select c.id as customer_id, ct.k, ct.t, c.owner_id, c.signed_up_at, c.churned_at,
          c.converted_at <= ct.t and (c.churned_at is null or c.churned_at > ct.t) as paying,
          c.churned_at is null or c.churned_at > ct.t as active
        from customers c cross join ct where ${everInPopulation} ${inShard(sql`c.id`)}),
      cum as (
        select g.*,
          ${sql.join(
            sums.map((x) => sql`sum(coalesce(l.${sql.raw(x.name)}, 0)) over w as ${sql.raw(x.name)}`),
            sql`, `,
          )},
          max(l.last_inbound) over w as last_inbound,
          round(sum(coalesce(rv.arr, 0)) over w / 12.0)::int as mrr_cents
        from grid g left join ledger l on l.customer_id = g.customer_id and l.k = g.k
          left join revenue rv on rv.customer_id = g.customer_id and rv.k = g.k
        window w as (partition by g.customer_id order by g.k)),
      windows as (
        select g.customer_id, spread.k,
          ${sql.join(
            sums.map((x) => sql`sum(g.${sql.raw(x.name)}) filter (where spread.k <= g.r) as ${sql.raw(x.name)}`),
            sql`, `,
          )},
          (sum(g.inbound) filter (where spread.k <= g.v))::int as inbound
        from fine g cross join lateral ${spread(sql`g.a`, sql`greatest(g.r, g.v)`)}
        group by 1, 2),
      fatigue as (
        select o.customer_id, spread.k, array_agg(o.occurred_at) as outbound
        from outbound o cross join lateral ${spread(sql`o.a`, sql`o.f`)}
        group by 1, 2)
      select cum.k, cum.customer_id as "customerId", cum.owner_id as "ownerId", cum.mrr_cents as "mrrCents",
        cum.paying, cum.active, ${daysBetweenSql(sql`cum.signed_up_at`, sql`cum.t`)} as "tenureDays",
        ${sql.join(
          sums.map((x) => {
            const now = decaySql(daysSinceLedgerEpochSql(sql`cum.t`), x.halfLife);
            return sql`cum.${sql.raw(x.name)} * ${now} as ${sql.raw(x.name)},
              coalesce(windows.${sql.raw(x.name)}, 0) * ${now} as ${sql.raw(`r${x.name}`)}`;
          }),
          sql`, `,
        )},
        ${daysBetweenSql(sql`cum.last_inbound`, sql`cum.t`)} as "daysSinceInbound",
        (select count(*) from unnest(fatigue.outbound) o
          where cum.last_inbound is null or o > cum.last_inbound)::int as unanswered,
        coalesce(windows.inbound, 0) as inbound90,
        cum.churned_at > cum.t and cum.churned_at <= cum.t + make_interval(days => ${query.horizonDays}) as churned
      from cum
      left join windows on windows.customer_id = cum.customer_id and windows.k = cum.k
      left join fatigue on fatigue.customer_id = cum.customer_id and fatigue.k = cum.k
      ${inPopulation}
      order by cum.k, cum.customer_id`,
    );
  });
  return rows.map((row) => ({
    cutoff: query.cutoffs[Number(row.k) - 1],
    customerId: Number(row.customerId),
    ownerId: row.ownerId === null ? null : Number(row.ownerId),
    mrrCents: Number(row.mrrCents),
    paying: Boolean(row.paying),
    active: Boolean(row.active),
    tenureDays: Number(row.tenureDays),
    credit: query.halfLives.credit.map((_, j) => Number(row[`c${j}`])),
    debt: query.halfLives.debt.map((_, j) => Number(row[`d${j}`])),
    recentCredit: query.halfLives.credit.map((_, j) => Number(row[`rc${j}`])),
    recentDebt: query.halfLives.debt.map((_, j) => Number(row[`rd${j}`])),
    silentDays: row.daysSinceInbound === null ? null : Math.floor(Number(row.daysSinceInbound)),
    unanswered: Number(row.unanswered),
    inbound90: Number(row.inbound90),
    churned: Boolean(row.churned),
  }));
}

/** The months' first days (00:00 UTC) within the last `months` months whose horizon has passed by `now`, oldest first. */
export function monthlyCutoffs(now: Date, { months = 12, horizonDays }: { months?: number; horizonDays: number }) {
  const earliest = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate());
  const latest = now.getTime() - horizonDays * DAY_MS;
  const cutoffs: Date[] = [];
  for (let m = 0; m <= months; m++) {
    const cutoff = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + m, 1);
    if (cutoff > earliest && cutoff <= latest) cutoffs.push(new Date(cutoff));
  }
  return cutoffs;
}

/** The customer ids cut into two ranges of equal width (none for an empty book): the statements a backtest runs at once. */
export async function customerIdHalves(db: Queryable): Promise<{ fromId: number; toId: number }[]> {
  const [bounds] = await queryRows<{ low: number | null; high: number | null }>(
    db,
    sql`select min(id) as low, max(id) as high from customers`,
  );
  if (bounds?.low == null || bounds.high == null) return [];
  const fromId = Number(bounds.low);
  const toId = Number(bounds.high) + 1;
  const middle = Math.floor((fromId + toId) / 2);
  return [
    { fromId, toId: middle },
    { fromId: middle, toId },
  ];
}
