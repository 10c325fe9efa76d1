import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";

/**
 * An independent backtest at one cutoff, written from the definitions (docs/ledger.md) in plain SQL
 * over raw rows and plain JavaScript — none of the app's ledger, risk or backtest code: each paying
 * customer active at the cutoff, the hand-set score from the rows that had occurred and been
 * recorded by then (outcome proxies left out), and whether they churned within the horizon.
 */
export async function independentBacktest(
  cutoff: Date,
  horizonDays: number,
  settings: {
    creditHalfLifeDays: number;
    debtHalfLifeDays: number;
    silenceDays: number;
    fatigueContacts: number;
    fatigueWindowDays: number;
    debtWeight: number;
    trendWeight: number;
    silenceWeight: number;
    fatigueWeight: number;
  },
  proxyTypes: readonly string[],
): Promise<{ scores: number[]; churned: boolean[] }> {
  const t = cutoff.toISOString();
  const rows = await queryRows<{
    id: number;
    churned: boolean;
    balance: number;
    balance30: number;
    silent: number | null;
    unanswered: number;
  }>(
    db,
    sql`with known as (
        select i.customer_id, i.occurred_at, i.direction, coalesce(i.weight_override, t.default_weight) as w,
          extract(epoch from (${t}::timestamptz - i.occurred_at)) / 86400 as age
        from interactions i join interaction_types t on t.id = i.type_id
        where i.occurred_at <= ${t}::timestamptz and i.recorded_at <= ${t}::timestamptz
          and t.key <> all(${`{${proxyTypes.join(",")}}`}::text[])),
      per as (
        select customer_id,
          sum(case when w > 0 then w * power(0.5, age / ${settings.creditHalfLifeDays})
                   when w < 0 then w * power(0.5, age / ${settings.debtHalfLifeDays}) else 0 end) as balance,
          sum(case when age < 30 then 0
                   when w > 0 then w * power(0.5, (age - 30) / ${settings.creditHalfLifeDays})
                   when w < 0 then w * power(0.5, (age - 30) / ${settings.debtHalfLifeDays}) else 0 end) as balance30,
          max(occurred_at) filter (where direction = 'inbound') as last_in
        from known group by customer_id)
      select c.id,
        coalesce(c.churned_at > ${t}::timestamptz and c.churned_at <= ${t}::timestamptz + ${`${horizonDays} days`}::interval, false)
          as churned,
        coalesce(p.balance, 0)::float8 as balance, coalesce(p.balance30, 0)::float8 as balance30,
        floor(extract(epoch from (${t}::timestamptz - p.last_in)) / 86400)::int as silent,
        (select count(*)::int from known k where k.customer_id = c.id and k.direction = 'outbound'
          and k.age < ${settings.fatigueWindowDays} and (p.last_in is null or k.occurred_at > p.last_in)) as unanswered
      from customers c left join per p on p.customer_id = c.id
      where c.converted_at <= ${t}::timestamptz and (c.churned_at is null or c.churned_at > ${t}::timestamptz)
      order by c.id`,
  );
  const scores = rows.map((r) => {
    const silence =
      r.silent === null ? 0 : Math.min(3, Math.max(0, r.silent - settings.silenceDays) / settings.silenceDays);
    return (
      settings.debtWeight * Math.max(0, -r.balance) +
      settings.trendWeight * Math.max(0, -(r.balance - r.balance30)) +
      settings.silenceWeight * silence +
      settings.fatigueWeight * (r.unanswered >= settings.fatigueContacts ? 1 : 0)
    );
  });
  return { scores, churned: rows.map((r) => r.churned) };
}

/** P(a churner outscores a stayer), ties half: every pair counted, no ranks. */
export function pairwiseAuc(scores: readonly number[], churned: readonly boolean[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((a, i) => {
    if (!churned[i]) return;
    scores.forEach((b, j) => {
      if (churned[j]) return;
      pairs++;
      wins += a > b ? 1 : a === b ? 0.5 : 0;
    });
  });
  return wins / pairs;
}
