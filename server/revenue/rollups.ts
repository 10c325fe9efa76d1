import { sql } from "drizzle-orm";
import { db as primary, type Queryable, queryRows } from "@/db";
import { revenueRollups } from "@/db/schema";

// What the last movement cannot show (a movement committed after a later one, an owner's book
// reassigned, a customer erased) is right again within this time.
const ROLLUP_MAX_AGE_MINUTES = 15;

/**
 * Figures that take a pass over the revenue movements (the bridge, retention, cohorts), served
 * from `revenue_rollups` while the ledger has not moved: the key names the card and its scope, the
 * basis is the last movement booked. Otherwise computed (on this page's database) and kept on the
 * primary for the next view. Returns the figures as JSON holds them: numbers, strings and nulls.
 */
export async function revenueRollup<T>(db: Queryable, key: string, compute: () => Promise<T>): Promise<T> {
  // Read before computing: the figures then hold at least every movement up to the basis.
  const [{ basis }] = await queryRows<{ basis: string }>(
    db,
    sql`select coalesce(max(id), 0)::text as basis from revenue_movements`,
  );
  const [kept] = await queryRows<{ figures: T }>(
    db,
    sql`select figures from revenue_rollups where key = ${key} and basis = ${basis}
      and computed_at > now() - make_interval(mins => ${ROLLUP_MAX_AGE_MINUTES})`,
  );
  if (kept) return kept.figures;
  const figures = await compute();
  await primary
    .insert(revenueRollups)
    .values({ key, basis, figures, computedAt: sql`now()` })
    .onConflictDoUpdate({ target: revenueRollups.key, set: { basis, figures, computedAt: sql`now()` } });
  // Keys carry their day or month: those of past days are never asked for again.
  await primary.execute(sql`delete from revenue_rollups where computed_at < now() - interval '1 day'`);
  return figures;
}
