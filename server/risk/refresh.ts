import { type SQL, sql } from "drizzle-orm";
import { CONVERTED_MILESTONE } from "@/lib/journey/models";
import { db, type Queryable, queryRows } from "@/db";
import { getSettings } from "@/server/settings/queries";
import { decayNowSql } from "@/db/ledger-sql";
import { rebuildLedger } from "@/server/ledger/ledger-days";

function onlyCustomers(column: SQL, customerIds?: readonly number[]): SQL {
  return customerIds ? sql`${column} = any(${`{${customerIds.join(",")}}`}::int[])` : sql`true`;
}

/**
 * Recomputes risk score, 30-day trend and fatigue (lib/risk.ts, in SQL) for some customers, or
 * all. Runs in the transaction of every write that can change them, and periodically for all,
 * because balances decay and silence grows with time alone. Rows whose score, trend and fatigue
 * moved by no more than `minChange` are left alone: the periodic refresh then rewrites only
 * customers whose standing really changed, not the whole table every time.
 */
export async function refreshRisk(
  tx: Queryable,
  customerIds?: readonly number[],
  { minChange = 0 } = {},
): Promise<void> {
  if (customerIds && customerIds.length === 0) return;
  const { ledger, risk } = await getSettings(["ledger", "risk"], tx);
  const hc = ledger.creditHalfLifeDays;
  const hd = ledger.debtHalfLifeDays;
  const ageDays = sql`(extract(epoch from (now() - i.occurred_at)) / 86400.0)`;
  await tx.execute(sql`
    with recent as (
      select i.customer_id,
        coalesce(sum(w.weight * power(2::float8, -${ageDays} / ${hc}::float8)) filter (where w.weight > 0), 0) as credit_now,
        coalesce(sum(w.weight * power(2::float8, -${ageDays} / ${hd}::float8)) filter (where w.weight < 0), 0) as debt_now
      from interactions i
      join interaction_types t on t.id = i.type_id
      cross join lateral (select coalesce(i.weight_override, t.default_weight) as weight) w
      where i.occurred_at > now() - interval '30 days' and w.weight <> 0 and ${onlyCustomers(sql`i.customer_id`, customerIds)}
      group by i.customer_id
    ),
    unanswered as (
      select i.customer_id, count(*) as contacts
      from interactions i
      join customers c on c.id = i.customer_id
      where i.direction = 'outbound'
        and i.occurred_at > now() - make_interval(days => ${risk.fatigueWindowDays})
        and (c.last_inbound_at is null or i.occurred_at > c.last_inbound_at)
        and ${onlyCustomers(sql`i.customer_id`, customerIds)}
      group by i.customer_id
    ),
    state as (
      select c.id, c.status = 'active' as active,
        c.status = 'active' and c.milestone >= ${CONVERTED_MILESTONE} as paying,
        c.credit_acc * ${decayNowSql(hc)} as credit_now,
        c.debt_acc * ${decayNowSql(hd)} as debt_now,
        coalesce(r.credit_now, 0) as recent_credit, coalesce(r.debt_now, 0) as recent_debt,
        coalesce(u.contacts, 0) >= ${risk.fatigueContacts} as fatigued,
        floor(extract(epoch from (now() - c.last_inbound_at)) / 86400.0) as silent_days
      from customers c
      left join recent r on r.customer_id = c.id
      left join unanswered u on u.customer_id = c.id
      where ${onlyCustomers(sql`c.id`, customerIds)}
    ),
    trended as (
      select s.*, s.credit_now + s.debt_now as balance,
        -- balance 30 days ago: what was already there then, before it decayed for 30 more days
        (s.credit_now + s.debt_now)
          - ((s.credit_now - s.recent_credit) * power(2::float8, 30 / ${hc}::float8) + (s.debt_now - s.recent_debt) * power(2::float8, 30 / ${hd}::float8)) as trend
      from state s
    ),
    scored as (
      select t.id, t.trend, t.fatigued and t.active as fatigued,
        case when not t.active then 0 else
            ${risk.debtWeight}::float8 * greatest(0, -t.balance)
          + ${risk.trendWeight}::float8 * greatest(0, -t.trend)
          + ${risk.silenceWeight}::float8 * case when t.paying and t.silent_days is not null
              then least(3, greatest(0, t.silent_days - ${risk.silenceDays}) / ${risk.silenceDays}::float8) else 0 end
          + ${risk.fatigueWeight}::float8 * case when t.fatigued then 1 else 0 end
          end as score
      from trended t
    )
    update customers c set risk_trend = sc.trend, fatigued = sc.fatigued, risk_score = sc.score, risk_computed_at = now()
    from scored sc
    where sc.id = c.id
      and (c.fatigued <> sc.fatigued or abs(c.risk_score - sc.score) > ${minChange} or abs(c.risk_trend - sc.trend) > ${minChange} or c.risk_computed_at is null)`);
}

/** Rebuilds every customer's ledger (days and accumulators) from raw interactions, after a weight or half-life change. */
export async function recomputeLedger(tx: Queryable): Promise<void> {
  const { ledger } = await getSettings(["ledger"], tx);
  await rebuildLedger(tx, ledger, { andCustomers: true });
}

// Well below what the risk list shows (one decimal): skipping smaller moves changes no ranking anyone sees.
const PERIODIC_MIN_CHANGE = 0.01;

// Any constant: the same for every Hourglass process on one database.
const RISK_REFRESH_LOCK_ID = 4_820_114;

/** Refreshes every customer's risk unless another process is doing it right now. */
export async function refreshAllRisk(): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${RISK_REFRESH_LOCK_ID}) as locked`,
    );
    if (!lock.locked) return false;
    await refreshRisk(tx, undefined, { minChange: PERIODIC_MIN_CHANGE });
    return true;
  });
}
