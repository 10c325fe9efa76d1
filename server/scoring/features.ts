import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { accumulatorSql, daysSinceLedgerEpochSql, decaySql } from "@/db/ledger-sql";
import type { FeatureRow } from "@/lib/backtest/score";
import { DAY_MS } from "@/lib/dates";
import { CONVERTED_MILESTONE } from "@/lib/journey/models";

export type FeatureQuery = {
  /** The days to score as of, oldest first (each a moment, usually a day's start in UTC). */
  cutoffs: readonly Date[];
  /** Type weights by key; types missing here (the outcome proxies, when left out) are not read at all. */
  typeWeights: Record<string, number>;
  /** Half-lives to sum each customer's credit and debt with (one pair per scoring, more to fit one). */
  halfLives: { credit: readonly number[]; debt: readonly number[] };
  fatigueWindowDays: number;
  /** Days after a cutoff in which a churn counts as the outcome. */
  horizonDays: number;
  /**
   * Whose rows: the paying customers active at each cutoff (a backtest), or these customers
   * whatever their state (a score as of a day).
   */
  population: "paying" | { customerIds: readonly number[] };
};

/**
 * Each customer's inputs to a score at each cutoff, using only the interactions that had both
 * occurred and been recorded by then (no look-ahead): credit and debt decayed to the cutoff at
 * each half-life, what the last 30 days added (the trend), the last inbound activity, outbound
 * contacts since it within the fatigue window, inbound volume over 90 days — and whether the
 * customer churned within the horizon after it.
 *
 * One pass over the interactions: each row becomes available at the first cutoff at or after
 * max(occurred, recorded); summed per customer and cutoff interval and accumulated over the
 * intervals (as the ledger's accumulators are, relative to its epoch), and the rows of the last
 * 90 days before each cutoff counted once more for the windows.
 */
export async function getFeatureRows(db: Queryable, query: FeatureQuery): Promise<FeatureRow[]> {
  if (query.cutoffs.length === 0) return [];
  const cutoffs = `{${query.cutoffs.map((t) => t.toISOString()).join(",")}}`;
  const last = query.cutoffs[query.cutoffs.length - 1].toISOString();
  const weights = JSON.stringify(query.typeWeights);
  const credits = query.halfLives.credit.map((halfLife, j) => ({ halfLife, name: `c${j}` }));
  const debts = query.halfLives.debt.map((halfLife, j) => ({ halfLife, name: `d${j}` }));
  const sums = [...credits.map((c) => ({ ...c, sign: ">" })), ...debts.map((d) => ({ ...d, sign: "<" }))];
  const grown = (halfLife: number) =>
    accumulatorSql(sql`s.weight`, sql`s.occ`, { creditHalfLifeDays: halfLife, debtHalfLifeDays: halfLife });
  const inPopulation =
    query.population === "paying"
      ? sql`c.converted_at <= ct.t and (c.churned_at is null or c.churned_at > ct.t)`
      : sql`c.id = any(${`{${query.population.customerIds.join(",")}}`}::int[])`;
  const onlyPopulation =
    query.population === "paying"
      ? sql`true`
      : sql`i.customer_id = any(${`{${query.population.customerIds.join(",")}}`}::int[])`;

  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with ct as (select t, k::int from unnest(${cutoffs}::timestamptz[]) with ordinality as x(t, k)),
      tw as (
        select t.id as type_id, w.value::float8 as weight
        from json_each_text(${weights}::json) as w(key, value) join interaction_types t on t.key = w.key),
      s as (
        select i.customer_id, i.occurred_at as occ, i.direction::text as direction,
          coalesce(i.weight_override, tw.weight) as weight,
          width_bucket(greatest(i.occurred_at, i.recorded_at) - interval '1 microsecond', ${cutoffs}::timestamptz[]) + 1
            as bucket
        from interactions i join tw on tw.type_id = i.type_id
        where greatest(i.occurred_at, i.recorded_at) <= ${last}::timestamptz and ${onlyPopulation}),
      per_bucket as (
        select customer_id, bucket,
          ${sql.join(
            sums.map(
              (x) =>
                sql`coalesce(sum(${x.sign === ">" ? grown(x.halfLife).credit : grown(x.halfLife).debt}), 0) as ${sql.raw(x.name)}`,
            ),
            sql`, `,
          )},
          max(occ) filter (where direction = 'inbound') as last_inbound
        from s group by 1, 2),
      grid as (
        select c.id as customer_id, ct.k, ct.t, c.owner_id, c.mrr_cents, c.signed_up_at, c.churned_at,
          c.converted_at <= ct.t and (c.churned_at is null or c.churned_at > ct.t) as paying,
          c.churned_at is null or c.churned_at > ct.t as active
        from customers c cross join ct where ${inPopulation}),
      cum as (
        select g.*,
          ${sql.join(
            sums.map((x) => sql`sum(coalesce(p.${sql.raw(x.name)}, 0)) over w as ${sql.raw(x.name)}`),
            sql`, `,
          )},
          max(p.last_inbound) over w as last_inbound
        from grid g left join per_bucket p on p.customer_id = g.customer_id and p.bucket = g.k
        window w as (partition by g.customer_id order by g.k)),
      win as (
        select s.customer_id, ct.k,
          ${sql.join(
            sums.map(
              (x) =>
                sql`coalesce(sum(s.weight * ${decaySql(sql`extract(epoch from (ct.t - s.occ)) / 86400.0`, x.halfLife)})
                  filter (where s.weight ${sql.raw(x.sign)} 0 and s.occ > ct.t - interval '30 days'), 0) as ${sql.raw(`r${x.name}`)}`,
            ),
            sql`, `,
          )},
          count(*) filter (where s.direction = 'inbound') as inbound90,
          array_agg(s.occ) filter (where s.direction = 'outbound'
            and s.occ > ct.t - make_interval(days => ${query.fatigueWindowDays})) as outbound_recent
        from s join ct on s.occ > ct.t - interval '90 days' and s.occ <= ct.t and s.bucket <= ct.k
        group by 1, 2)
      select cum.k, cum.customer_id as "customerId", cum.owner_id as "ownerId", cum.mrr_cents as "mrrCents",
        cum.paying, cum.active,
        extract(epoch from (cum.t - cum.signed_up_at)) / 86400.0 as "tenureDays",
        ${sql.join(
          sums.map(
            (x) => sql`cum.${sql.raw(x.name)} * ${decaySql(daysSinceLedgerEpochSql(sql`cum.t`), x.halfLife)} as ${sql.raw(x.name)}`,
          ),
          sql`, `,
        )},
        ${sql.join(
          sums.map((x) => sql`coalesce(win.${sql.raw(`r${x.name}`)}, 0) as ${sql.raw(`r${x.name}`)}`),
          sql`, `,
        )},
        extract(epoch from (cum.t - cum.last_inbound)) / 86400.0 as "daysSinceInbound",
        (select count(*) from unnest(win.outbound_recent) o
          where cum.last_inbound is null or o > cum.last_inbound)::int as unanswered,
        coalesce(win.inbound90, 0)::int as inbound90,
        cum.churned_at > cum.t and cum.churned_at <= cum.t + make_interval(days => ${query.horizonDays}) as churned
      from cum left join win on win.customer_id = cum.customer_id and win.k = cum.k
      order by cum.k, cum.customer_id`,
  );
  return rows.map((row) => ({
    cutoff: query.cutoffs[Number(row.k) - 1],
    customerId: Number(row.customerId),
    ownerId: row.ownerId === null ? null : Number(row.ownerId),
    mrrCents: Number(row.mrrCents),
    paying: Boolean(row.paying),
    active: Boolean(row.active),
    tenureDays: Number(row.tenureDays),
    credit: credits.map((c) => Number(row[c.name])),
    debt: debts.map((d) => Number(row[d.name])),
    recentCredit: credits.map((c) => Number(row[`r${c.name}`])),
    recentDebt: debts.map((d) => Number(row[`r${d.name}`])),
    silentDays: row.daysSinceInbound === null ? null : Math.floor(Number(row.daysSinceInbound)),
    unanswered: Number(row.unanswered),
    inbound90: Number(row.inbound90),
    churned: Boolean(row.churned),
  }));
}

/** Monthly cutoffs (the 1st, 00:00 UTC) whose horizon has passed by `now`, at most `months` of them, oldest first. */
export function monthlyCutoffs(now: Date, { months = 12, horizonDays }: { months?: number; horizonDays: number }) {
  const latest = new Date(now.getTime() - horizonDays * DAY_MS);
  const cutoffs: Date[] = [];
  for (let i = 0; cutoffs.length < months && i < months + 6; i++) {
    const cutoff = new Date(Date.UTC(latest.getUTCFullYear(), latest.getUTCMonth() - i, 1));
    if (cutoff.getTime() < now.getTime() - 365 * DAY_MS - horizonDays * DAY_MS) break;
    cutoffs.unshift(cutoff);
  }
  return cutoffs;
}
