import { sql } from "drizzle-orm";
import type { HalfLives, LedgerAccumulators } from "@/lib/ledger";
import type { Queryable } from "@/db";
import { daysSinceLedgerEpochSql } from "@/db/ledger-sql";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 UTC: the key of ledger_days. */
function ledgerDay(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/** Adds (sign +1) or takes out (sign −1) one interaction's contribution on its day. */
export async function addToLedgerDay(
  tx: Queryable,
  customerId: number,
  at: Date,
  delta: LedgerAccumulators,
  sign: 1 | -1,
): Promise<void> {
  await tx.execute(sql`
    insert into ledger_days (customer_id, day, credit_acc, debt_acc)
    values (${customerId}, ${ledgerDay(at)}, ${sign * delta.creditAcc}, ${sign * delta.debtAcc})
    on conflict (customer_id, day) do update
      set credit_acc = ledger_days.credit_acc + excluded.credit_acc, debt_acc = ledger_days.debt_acc + excluded.debt_acc`);
}

/** Each interaction's weight and its contributions to the credit and debt accumulators, as SQL over `i` and `t`. */
export function contributionSql(halfLives: HalfLives, i = sql.raw("i")) {
  const age = daysSinceLedgerEpochSql(sql`${i}.occurred_at`);
  const weight = sql`coalesce(${i}.weight_override, t.default_weight)`;
  return {
    day: sql`floor(extract(epoch from ${i}.occurred_at) / 86400)::int`,
    weight,
    credit: sql`coalesce(sum(${weight} * power(2::float8, ${age} / ${halfLives.creditHalfLifeDays}::float8)) filter (where ${weight} > 0), 0)`,
    debt: sql`coalesce(sum(${weight} * power(2::float8, ${age} / ${halfLives.debtHalfLifeDays}::float8)) filter (where ${weight} < 0), 0)`,
  };
}

/**
 * Rebuilds ledger_days from raw interactions, for every customer or the ids from..to, and with
 * `andCustomers` sets each customer's accumulators to the sum of its days.
 */
export async function rebuildLedger(
  tx: Queryable,
  halfLives: HalfLives,
  { range, andCustomers }: { range?: { from: number; to: number }; andCustomers: boolean },
): Promise<void> {
  const inRange = (column: string) =>
    range ? sql`${sql.raw(column)} between ${range.from} and ${range.to}` : sql`true`;
  const c = contributionSql(halfLives);
  // Every write locks its customer first: holding customers here makes writers wait instead of deadlocking on ledger_days.
  if (andCustomers) await tx.execute(sql`lock table customers in exclusive mode`);
  await tx.execute(sql`delete from ledger_days where ${inRange("customer_id")}`);
  await tx.execute(sql`
    insert into ledger_days (customer_id, day, credit_acc, debt_acc)
    select i.customer_id, ${c.day}, ${c.credit}, ${c.debt}
    from interactions i join interaction_types t on t.id = i.type_id
    where ${inRange("i.customer_id")} and ${c.weight} <> 0
    group by 1, 2`);
  if (!andCustomers) return;
  await tx.execute(sql`
    update customers c set credit_acc = coalesce(x.credit, 0), debt_acc = coalesce(x.debt, 0)
    from customers base
    left join (select customer_id, sum(credit_acc) as credit, sum(debt_acc) as debt from ledger_days group by customer_id) x on x.customer_id = base.id
    where base.id = c.id and ${inRange("c.id")}`);
}
