import { bigint, doublePrecision, integer, pgTable, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
import { customerStatus } from "./customers";

/**
 * The book counted by every key the overview and the journey filter on, kept by triggers on
 * `customers` (migration 0017): each statement that inserts, updates or deletes customers appends
 * its net change per key to customer_tally_deltas, and the periodic refresh folds the deltas into
 * customer_tallies. Reading both together is the book as it stands, in a few thousand rows
 * instead of a pass over every customer.
 */
const tallyColumns = {
  status: customerStatus().notNull(),
  milestone: smallint().notNull(),
  peakMilestone: smallint().notNull(),
  /** 0 when the customer has no owner. */
  ownerId: integer().notNull(),
  plan: text().notNull(),
  /** The month the customer signed up, YYYY-MM in UTC: the journey's cohort filter. */
  cohort: text().notNull(),
  customers: integer().notNull(),
  mrrCents: bigint({ mode: "number" }).notNull(),
  creditAcc: doublePrecision().notNull(),
  debtAcc: doublePrecision().notNull(),
};

export const customerTallies = pgTable("customer_tallies", tallyColumns, (t) => [
  uniqueIndex("customer_tallies_key").on(t.status, t.milestone, t.peakMilestone, t.ownerId, t.plan, t.cohort),
]);

export const customerTallyDeltas = pgTable("customer_tally_deltas", tallyColumns);
