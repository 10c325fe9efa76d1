import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { accumulatorSql, ledgerDaySql, weightSql } from "@/db/ledger-sql";
import type { HalfLives } from "@/lib/ledger";

/**
 * Rebuilds every customer's ledger from raw interactions — ledger_days, then the accumulators as
 * the sum of each customer's days — after a change of weights or half-lives (Settings → Scoring).
 */
export async function rebuildLedger(tx: Queryable, { halfLives }: { halfLives: HalfLives }): Promise<void> {
  const weight = weightSql();
  const acc = accumulatorSql(weight, sql`i.occurred_at`, halfLives);
  // Every write locks its customers first: holding them all here makes writers wait instead of deadlocking on ledger_days.
  await tx.execute(sql`lock table customers in exclusive mode`);
  await tx.execute(sql`delete from ledger_days`);
  await tx.execute(sql`
    insert into ledger_days (customer_id, day, credit_acc, debt_acc)
    select i.customer_id, ${ledgerDaySql(sql`i.occurred_at`)}, sum(${acc.credit}), sum(${acc.debt})
    from interactions i join interaction_types t on t.id = i.type_id
    where ${weight} <> 0
    group by 1, 2`);
  await tx.execute(sql`
    update customers c set credit_acc = coalesce(x.credit, 0), debt_acc = coalesce(x.debt, 0)
    from customers base
    left join (select customer_id, sum(credit_acc) as credit, sum(debt_acc) as debt from ledger_days group by customer_id) x
      on x.customer_id = base.id
    where base.id = c.id`);
}
