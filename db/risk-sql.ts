import { type SQL, sql } from "drizzle-orm";
import type { Settings } from "@/lib/settings";
import { daysBetweenSql, decayedWeightSql, decayNowSql, decaySql } from "./ledger-sql";

/** How far back the risk score reads interactions: the 30-day trend and the fatigue window. */
export function riskLookbackDays(risk: Settings["risk"]): number {
  return Math.max(30, risk.fatigueWindowDays);
}

/**
 * How far a stored score may drift with time alone before the periodic refresh computes it again:
 * half of the one decimal the risk list shows, or 1 % of the score when that is more (a ranking
 * does not move when every score decays by the same share).
 */
export const RISK_DRIFT = { absolute: 0.05, relative: 0.01 } as const;

/**
 * The risk score of lib/risk.ts, as common table expressions ending in
 * `risk_scored(id, trend, fatigued, score, due_at)`. The caller defines the two relations it reads:
 *   risk_customers(id, status, converted_at, credit_acc, debt_acc, last_inbound_at)
 *   risk_interactions(customer_id, occurred_at, weight, direction)  — at least riskLookbackDays back
 * so the same score serves the periodic refresh (the tables as they are) and the booking engine
 * (the customers and interactions as its statement leaves them).
 *
 * `due_at` is when the score can next have changed with no write at all — whichever comes first:
 * decay moving the balance and trend terms by more than RISK_DRIFT, the next day of silence that
 * counts, a weighted interaction leaving the 30-day window, an unanswered contact leaving the
 * fatigue window. Null when time alone cannot change it (a churned customer, nothing on the ledger).
 * The periodic refresh rescores only customers whose due time has come.
 */
export function riskScoringCtes({ ledger, risk }: Pick<Settings, "ledger" | "risk">): SQL {
  const age = daysBetweenSql(sql`i.occurred_at`);
  const thirtyDaysAgo = (halfLife: number) => decaySql(sql`30`, halfLife);
  return sql`
    risk_recent as (
      select i.customer_id,
        coalesce(sum(${decayedWeightSql(sql`i.weight`, age, ledger)}) filter (where i.weight > 0), 0) as credit_now,
        coalesce(sum(${decayedWeightSql(sql`i.weight`, age, ledger)}) filter (where i.weight < 0), 0) as debt_now,
        min(i.occurred_at) as oldest
      from risk_interactions i
      where i.occurred_at > now() - interval '30 days' and i.weight <> 0
      group by i.customer_id),
    risk_unanswered as (
      select i.customer_id, count(*) as contacts, min(i.occurred_at) as oldest
      from risk_interactions i
      join risk_customers c on c.id = i.customer_id
      where i.direction = 'outbound'
        and i.occurred_at > now() - make_interval(days => ${risk.fatigueWindowDays})
        and (c.last_inbound_at is null or i.occurred_at > c.last_inbound_at)
      group by i.customer_id),
    risk_state as (
      select c.id, c.status = 'active' as active,
        c.status = 'active' and c.converted_at is not null as paying,
        c.credit_acc * ${decayNowSql(ledger.creditHalfLifeDays)} as credit_now,
        c.debt_acc * ${decayNowSql(ledger.debtHalfLifeDays)} as debt_now,
        coalesce(r.credit_now, 0) as recent_credit, coalesce(r.debt_now, 0) as recent_debt,
        coalesce(u.contacts, 0) >= ${risk.fatigueContacts} as fatigued,
        floor(${daysBetweenSql(sql`c.last_inbound_at`)}) as silent_days, c.last_inbound_at,
        r.oldest as oldest_recent, u.oldest as oldest_unanswered
      from risk_customers c
      left join risk_recent r on r.customer_id = c.id
      left join risk_unanswered u on u.customer_id = c.id),
    risk_trended as (
      -- The balance 30 days ago is what was there before the last 30 days, 30 days less decayed.
      select s.*, s.credit_now + s.debt_now as balance,
        (s.credit_now + s.debt_now)
          - ((s.credit_now - s.recent_credit) / ${thirtyDaysAgo(ledger.creditHalfLifeDays)}
            + (s.debt_now - s.recent_debt) / ${thirtyDaysAgo(ledger.debtHalfLifeDays)}) as trend
      from risk_state s),
    risk_pre_scored as (
      select t.*,
        case when not t.active then 0 else
            ${risk.debtWeight}::float8 * greatest(0, -t.balance)
          + ${risk.trendWeight}::float8 * greatest(0, -t.trend)
          + ${risk.silenceWeight}::float8 * case when t.paying and t.silent_days is not null
              then least(3, greatest(0, t.silent_days - ${risk.silenceDays}) / ${risk.silenceDays}::float8) else 0 end
          + ${risk.fatigueWeight}::float8 * case when t.fatigued then 1 else 0 end
          end as score,
        -- How fast the decaying terms can move: each is a sum of exponentials, so it moves by at most
        -- (its parts' sizes) · ln 2 / the shorter half-life per day.
        ${risk.debtWeight}::float8 * (abs(t.credit_now) + abs(t.debt_now))
          + ${risk.trendWeight}::float8 * (abs(t.credit_now) + abs(t.debt_now)
            + abs(t.credit_now - t.recent_credit) / ${thirtyDaysAgo(ledger.creditHalfLifeDays)}
            + abs(t.debt_now - t.recent_debt) / ${thirtyDaysAgo(ledger.debtHalfLifeDays)}) as decaying
      from risk_trended t),
    risk_scored as (
      select t.id, t.trend, t.fatigued and t.active as fatigued, t.score,
        case when t.active then least(
          -- At most a year out: a ledger that has all but decayed away would otherwise be due past the calendar's end.
          case when t.decaying > 0 then now() + make_interval(secs => least(${365 * 86400}::float8,
            greatest(${RISK_DRIFT.absolute}::float8, ${RISK_DRIFT.relative}::float8 * t.score)
              * ${Math.min(ledger.creditHalfLifeDays, ledger.debtHalfLifeDays)}::float8 * 86400 / (t.decaying * ln(2)))) end,
          case when t.paying and t.silent_days is not null and t.silent_days < ${4 * risk.silenceDays}
            then t.last_inbound_at + make_interval(days => greatest(t.silent_days + 1, ${risk.silenceDays + 1})::int) end,
          t.oldest_recent + interval '30 days',
          t.oldest_unanswered + make_interval(days => ${risk.fatigueWindowDays})) end as due_at
      from risk_pre_scored t)`;
}
