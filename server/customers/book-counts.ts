import "server-only";
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { TALLIES } from "./tallies";

/**
 * The book at a glance: counts and MRR from the maintained tallies, churn in the last 30 days
 * from its partial index: never a pass over every customer.
 */
export async function getBookCounts(db: Queryable) {
  const [row] = await queryRows<{ customers: number; active: number; churnedLast30Days: number; mrrCents: string }>(
    db,
    sql`select coalesce(sum(customers), 0)::int as customers,
        coalesce(sum(customers) filter (where status = 'active'), 0)::int as active,
        coalesce(sum(mrr_cents) filter (where status = 'active'), 0)::bigint as "mrrCents",
        (select count(*)::int from customers where churned_at >= now() - interval '30 days') as "churnedLast30Days"
      from ${TALLIES}`,
  );
  return { ...row, mrrCents: Number(row.mrrCents) };
}
