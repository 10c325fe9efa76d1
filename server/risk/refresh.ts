import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { weightSql } from "@/db/ledger-sql";
import { riskLookbackDays, riskScoringCtes } from "@/db/risk-sql";
import type { Settings } from "@/lib/settings";
import { getSettings } from "@/server/settings/queries";

export type RefreshRiskParams = {
  /** Only these customers; all when left out. */
  customerIds?: readonly number[];
  /** Rows whose score, trend and fatigue moved by no more than this are left alone. */
  minChange?: number;
  /** The team's settings, when the caller has read them already. */
  settings?: Pick<Settings, "ledger" | "risk">;
};

function onlyCustomers(column: SQL, customerIds?: readonly number[]): SQL {
  return customerIds ? sql`${column} = any(${`{${customerIds.join(",")}}`}::int[])` : sql`true`;
}

/**
 * Recomputes risk score, 30-day trend and fatigue (db/risk-sql.ts) for some customers, or all, as
 * the tables stand. Writes that book interactions score in their own statement (server/ledger/
 * booking.ts); this serves the writes that change a customer's status or milestone, a change of
 * settings, and the periodic refresh, since balances decay and silence grows with time alone.
 */
export async function refreshRisk(
  db: Queryable,
  { customerIds, minChange = 0, settings }: RefreshRiskParams = {},
): Promise<void> {
  if (customerIds && customerIds.length === 0) return;
  const { ledger, risk } = settings ?? (await getSettings(db, ["ledger", "risk"]));
  await db.execute(sql`
    with risk_customers as (
      select id, status, converted_at, credit_acc, debt_acc, last_inbound_at
      from customers where ${onlyCustomers(sql`id`, customerIds)}),
    risk_interactions as (
      select i.customer_id, i.occurred_at, ${weightSql()} as weight, i.direction
      from interactions i join interaction_types t on t.id = i.type_id
      where i.occurred_at > now() - make_interval(days => ${riskLookbackDays(risk)})
        and ${onlyCustomers(sql`i.customer_id`, customerIds)}),
    ${riskScoringCtes({ ledger, risk })},
    changed as (
      select c.id from customers c join risk_scored s on s.id = c.id
      where c.fatigued <> s.fatigued or abs(c.risk_score - s.score) > ${minChange}
        or abs(c.risk_trend - s.trend) > ${minChange} or c.risk_computed_at is null
      -- Over the whole book, a row a write holds is skipped rather than waited for: a refresh that
      -- waits while holding rows a write needs is a deadlock, and the write rescores it anyway.
      ${customerIds ? sql`` : sql`order by c.id for update of c skip locked`})
    update customers c set risk_trend = s.trend, fatigued = s.fatigued, risk_score = s.score, risk_computed_at = now()
    from risk_scored s
    where s.id = c.id and c.id in (select id from changed)`);
}

// Well below what the risk list shows (one decimal): skipping smaller moves changes no ranking anyone sees.
const PERIODIC_MIN_CHANGE = 0.01;

// Any constant: the same for every Hourglass process on one database.
const RISK_REFRESH_LOCK_ID = 4_820_114;

/** Refreshes every customer's risk unless another process is doing it right now; false when it did not. */
export async function refreshAllRisk(db: Queryable): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${RISK_REFRESH_LOCK_ID}) as locked`,
    );
    if (!lock.locked) return false;
    await refreshRisk(tx, { minChange: PERIODIC_MIN_CHANGE });
    return true;
  });
}
