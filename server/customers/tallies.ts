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

/** What the tallies can be filtered by: their keys. */
export type TallyFilter = {
  status?: "active" | "churned";
  ownerId?: number;
  plan?: string;
  cohort?: string;
  milestoneRange?: { from: number; to: number };
};

/** A filter over the tallies' keys. */
export function talliesMatching(filter: TallyFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.status) parts.push(sql`tallies.status = ${filter.status}`);
  if (filter.ownerId) parts.push(sql`tallies.owner_id = ${filter.ownerId}`);
  if (filter.plan) parts.push(sql`tallies.plan = ${filter.plan}`);
  if (filter.cohort) parts.push(sql`tallies.cohort = ${filter.cohort}`);
  if (filter.milestoneRange)
    parts.push(sql`tallies.milestone between ${filter.milestoneRange.from} and ${filter.milestoneRange.to}`);
  return sql.join(parts, sql` and `);
}

/** The journey's filters as a tally filter ("all" statuses is no filter). */
export function journeyTallyFilter(filters: JourneyFilters): TallyFilter {
  return { ...filters, status: filters.status === "all" ? undefined : filters.status };
}

/** How many customers match a filter over the tallies' keys. */
export async function countTallied(db: Queryable, filter: TallyFilter): Promise<number> {
  const [row] = await queryRows<{ total: number }>(
    db,
    sql`select coalesce(sum(customers), 0)::int as total from ${TALLIES} where ${talliesMatching(filter)}`,
  );
  return row.total;
}

/** Folds the deltas written since the last fold into the tallies; how many delta rows it folded. */
export async function foldTallies(db: Queryable): Promise<number> {
  const [row] = await queryRows<{ folded: number }>(db, sql`select fold_customer_tallies() as folded`);
  return row.folded;
}
