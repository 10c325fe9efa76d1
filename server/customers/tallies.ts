import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import type { JourneyFilters } from "@/lib/journey/filters";

/**
 * The book's tallies as they stand (db/schema/tallies.ts): the folded tallies and the deltas not
 * folded yet, as one relation `tallies(status, milestone, peak_milestone, owner_id, plan, cohort,
 * customers, mrr_cents, credit_acc, debt_acc)`.
 */
export const TALLIES = sql`(
  select status, milestone, peak_milestone, owner_id, plan, cohort, customers, mrr_cents, credit_acc, debt_acc
  from customer_tallies
  union all
  select status, milestone, peak_milestone, owner_id, plan, cohort, customers, mrr_cents, credit_acc, debt_acc
  from customer_tally_deltas) as tallies`;

/** The journey's filters over the tallies' keys. */
export function talliesMatching(filters: JourneyFilters): SQL {
  const parts: SQL[] = [sql`true`];
  if (filters.status !== "all") parts.push(sql`tallies.status = ${filters.status}`);
  if (filters.ownerId) parts.push(sql`tallies.owner_id = ${filters.ownerId}`);
  if (filters.plan) parts.push(sql`tallies.plan = ${filters.plan}`);
  if (filters.cohort) parts.push(sql`tallies.cohort = ${filters.cohort}`);
  return sql.join(parts, sql` and `);
}

/** Folds the deltas written since the last fold into the tallies; how many delta rows it folded. */
export async function foldTallies(db: Queryable): Promise<number> {
  const [row] = await queryRows<{ folded: number }>(db, sql`select fold_customer_tallies() as folded`);
  return row.folded;
}
