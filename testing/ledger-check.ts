import { sql } from "drizzle-orm";
import { LEDGER_EPOCH_MS } from "@/lib/ledger";
import { db, queryRows } from "@/db";
import { getSettings } from "@/server/settings/queries";

/**
 * The largest difference between what is stored (ledger_days per day, accumulators on customers)
 * and an independent recomputation from raw interactions, in balance points as of now (the
 * accumulators' units grow with time, so a raw difference says nothing by itself); 0 means exact.
 */
export async function ledgerDrift(customerIds?: readonly number[]): Promise<{ days: number; accumulators: number }> {
  const { ledger } = await getSettings(db, ["ledger"]);
  const epoch = new Date(LEDGER_EPOCH_MS).toISOString();
  const only = (column: string) =>
    customerIds ? sql`${sql.raw(column)} = any(${`{${customerIds.join(",")}}`}::int[])` : sql`true`;
  const [row] = await queryRows<{ days: number; accumulators: number }>(
    db,
    sql`with raw as (
        select i.customer_id, floor(extract(epoch from i.occurred_at) / 86400)::int as day,
          coalesce(sum(w * power(2, extract(epoch from i.occurred_at - ${epoch}::timestamptz) / 86400 / ${ledger.creditHalfLifeDays})) filter (where w > 0), 0) as credit,
          coalesce(sum(w * power(2, extract(epoch from i.occurred_at - ${epoch}::timestamptz) / 86400 / ${ledger.debtHalfLifeDays})) filter (where w < 0), 0) as debt
        from interactions i join interaction_types t on t.id = i.type_id, lateral (select coalesce(i.weight_override, t.default_weight) as w) x
        where ${only("i.customer_id")} group by 1, 2),
      now_factor as (
        select power(2::float8, -extract(epoch from now() - ${epoch}::timestamptz) / 86400 / ${ledger.creditHalfLifeDays}) as credit,
               power(2::float8, -extract(epoch from now() - ${epoch}::timestamptz) / 86400 / ${ledger.debtHalfLifeDays}) as debt),
      per_day as (
        select abs(coalesce(r.credit, 0) - coalesce(d.credit_acc, 0)) * f.credit + abs(coalesce(r.debt, 0) - coalesce(d.debt_acc, 0)) * f.debt as drift
        from raw r full join (select * from ledger_days where ${only("customer_id")}) d using (customer_id, day), now_factor f),
      per_customer as (
        select abs(c.credit_acc - coalesce(s.credit, 0)) * f.credit + abs(c.debt_acc - coalesce(s.debt, 0)) * f.debt as drift
        from customers c left join (select customer_id, sum(credit) as credit, sum(debt) as debt from raw group by 1) s on s.customer_id = c.id, now_factor f
        where ${only("c.id")})
      select coalesce((select max(drift) from per_day), 0)::float8 as days, coalesce((select max(drift) from per_customer), 0)::float8 as accumulators`,
  );
  return { days: Number(row.days), accumulators: Number(row.accumulators) };
}
