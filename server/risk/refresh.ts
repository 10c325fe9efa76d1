import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows, rowsAffected } from "@/db";
import { weightSql } from "@/db/ledger-sql";
import { riskLookbackDays, riskScoringCtes } from "@/db/risk-sql";
import type { Settings } from "@/lib/settings";
import { getSettings } from "@/server/settings/queries";

export type RefreshRiskParams = {
  /** Only these customers; all when left out. */
  customerIds?: readonly number[];
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
 * settings, and the periodic refresh (refreshDueRisk), since balances decay and silence grows
 * with time alone. Returns how many customers it rescored.
 */
export async function refreshRisk(db: Queryable, { customerIds, settings }: RefreshRiskParams = {}): Promise<number> {
  if (customerIds && customerIds.length === 0) return 0;
  const { ledger, risk } = settings ?? (await getSettings(db, ["ledger", "risk"]));
  const updated = await db.execute(sql`
    with risk_customers as (
      select id, status, converted_at, credit_acc, debt_acc, last_inbound_at
      from customers where ${onlyCustomers(sql`id`, customerIds)}),
    risk_interactions as (
      select i.customer_id, i.occurred_at, ${weightSql()} as weight, i.direction
      from interactions i join interaction_types t on t.id = i.type_id
      where i.occurred_at > now() - make_interval(days => ${riskLookbackDays(risk)})
        and ${onlyCustomers(sql`i.customer_id`, customerIds)}),
    ${riskScoringCtes({ ledger, risk })},
    ${
      customerIds
        ? sql`scored as (select * from risk_scored)`
        : // Over the whole book, a row a write holds is skipped rather than waited for (see refreshDueRisk).
          sql`scored as (select s.* from risk_scored s join customers c on c.id = s.id
            order by c.id for update of c skip locked)`
    }
    update customers c set risk_trend = s.trend, fatigued = s.fatigued, risk_score = s.score, risk_computed_at = now(),
      risk_due_at = s.due_at
    from scored s
    where s.id = c.id`);
  return rowsAffected(updated);
}

// Scored per statement: each reads its customers' last 30 days of interactions by index.
const DUE_CHUNK = 5_000;

// Any constant: the same for every Hourglass process on one database.
const RISK_REFRESH_LOCK_ID = 4_820_114;

/**
 * The periodic refresh: rescores the customers whose score time alone can have moved since it was
 * computed (their `risk_due_at` has come), unless another process is doing it right now. Returns
 * how many it rescored, or null when it left them to the other. A customer a write holds is
 * skipped rather than waited for: a refresh that waits while holding rows a write needs is a
 * deadlock, and the write rescores it anyway.
 */
export async function refreshDueRisk(db: Queryable): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${RISK_REFRESH_LOCK_ID}) as locked`,
    );
    if (!lock.locked) return null;
    const due = await queryRows<{ id: number }>(
      tx,
      sql`select id from customers where status = 'active' and risk_due_at <= now()
        order by id for update skip locked`,
    );
    if (due.length === 0) return 0;
    const settings = await getSettings(tx, ["ledger", "risk"]);
    let rescored = 0;
    for (let start = 0; start < due.length; start += DUE_CHUNK)
      rescored += await refreshRisk(tx, {
        customerIds: due.slice(start, start + DUE_CHUNK).map((row) => row.id),
        settings,
      });
    return rescored;
  });
}
