import "server-only";
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { DAY_MS } from "@/lib/dates";
import { decayAt, type HalfLives } from "@/lib/ledger";

export type BalancePoint = { day: string; balance: number };
export type BalanceMarker = { day: string; kind: "delight" | "milestone"; label: string };
type LedgerState = { id: number; creditAcc: number; debtAcc: number };

/**
 * Each customer's balance at the end of each of the last `days` days, in one query for all of
 * them: reads at most one ledger_days row per customer and day, however many interactions that
 * day had.
 */
export type DailyBalancesParams = {
  customers: readonly LedgerState[];
  halfLives: HalfLives;
  days?: number;
  now?: Date;
};

export async function getDailyBalances(
  db: Queryable,
  { customers, halfLives, days = 90, now = new Date() }: DailyBalancesParams,
): Promise<Map<number, BalancePoint[]>> {
  const result = new Map<number, BalancePoint[]>();
  if (customers.length === 0) return result;
  const firstDay = Math.floor(now.getTime() / DAY_MS) - (days - 1);
  const rows = await queryRows<{ customerId: number; day: number; credit: number; debt: number }>(
    db,
    sql`select customer_id as "customerId", day, credit_acc as credit, debt_acc as debt from ledger_days
      where customer_id = any(${`{${customers.map((c) => c.id).join(",")}}`}::int[]) and day >= ${firstDay}`,
  );
  const addedByCustomer = new Map<number, Map<number, { credit: number; debt: number }>>();
  for (const row of rows) {
    const added = addedByCustomer.get(row.customerId) ?? new Map<number, { credit: number; debt: number }>();
    added.set(row.day, { credit: Number(row.credit), debt: Number(row.debt) });
    addedByCustomer.set(row.customerId, added);
  }
  // The same days for every customer: their labels and decay factors are worked out once.
  const window = Array.from({ length: days }, (_, i) => {
    const day = firstDay + i;
    return {
      day,
      label: new Date(day * DAY_MS).toISOString().slice(0, 10),
      decay: decayAt(new Date(Math.min((day + 1) * DAY_MS, now.getTime())), halfLives),
    };
  });
  for (const customer of customers) {
    const added = addedByCustomer.get(customer.id) ?? new Map<number, { credit: number; debt: number }>();
    // Walk back from the stored accumulators, taking out what each day after the one shown added
    // (including days past the window: interactions dated in the future).
    let credit = customer.creditAcc;
    let debt = customer.debtAcc;
    for (const [day, delta] of added) {
      if (day >= firstDay + days) {
        credit -= delta.credit;
        debt -= delta.debt;
      }
    }
    const points: BalancePoint[] = new Array(days);
    for (let i = days - 1; i >= 0; i--) {
      const { day, label, decay } = window[i];
      points[i] = { day: label, balance: credit * decay.credit + debt * decay.debt };
      const delta = added.get(day);
      if (delta) {
        credit -= delta.credit;
        debt -= delta.debt;
      }
    }
    result.set(customer.id, points);
  }
  return result;
}

/** One customer's balance history with its delight moments and milestone changes marked. */
export async function getBalanceHistory(
  db: Queryable,
  {
    customer,
    halfLives,
    days = 90,
    now = new Date(),
  }: { customer: LedgerState } & Omit<DailyBalancesParams, "customers">,
) {
  const windowStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS).toISOString();
  const [balances, markers] = await Promise.all([
    getDailyBalances(db, { customers: [customer], halfLives, days, now }),
    queryRows<BalanceMarker>(
      db,
      sql`(select to_char(d.occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day, 'delight' as kind, d.gesture as label
          from delight_moments d where d.customer_id = ${customer.id} and d.occurred_at >= ${windowStart}::timestamptz)
        union all
        (select to_char(mc.at at time zone 'UTC', 'YYYY-MM-DD'), 'milestone', mc.to_milestone::text
          from milestone_changes mc where mc.customer_id = ${customer.id} and mc.at >= ${windowStart}::timestamptz)`,
    ),
  ]);
  return { points: balances.get(customer.id) ?? [], markers };
}
