import { type SQL, sql } from "drizzle-orm";
import type { HalfLives } from "@/lib/ledger";
import { LEDGER_EPOCH_MS } from "@/lib/ledger";
import { customers } from "@/db/schema";

const EPOCH = new Date(LEDGER_EPOCH_MS).toISOString();

/** Days from the ledger's epoch to `at` (lib/ledger.ts), as a SQL expression. */
export function daysSinceLedgerEpochSql(at: SQL = sql`now()`): SQL<number> {
  return sql<number>`(extract(epoch from (${at} - ${EPOCH}::timestamptz)) / 86400.0)`;
}

/**
 * 2^(−days since the epoch / half-life) now: what an accumulator is multiplied by for today's
 * value. A subquery, so PostgreSQL works it out once per statement rather than once per row
 * (sorting 100,000 customers by balance: 109 → 47 ms).
 */
export function decayNowSql(halfLifeDays: number): SQL<number> {
  return sql<number>`(select power(2::float8, -${daysSinceLedgerEpochSql()} / ${halfLifeDays}::float8))`;
}

/** The balance now, from a customer's accumulators (lib/ledger.ts), as a SQL expression. */
export function balanceSql(halfLives: HalfLives): SQL<number> {
  return sql<number>`(${customers.creditAcc} * ${decayNowSql(halfLives.creditHalfLifeDays)} + ${customers.debtAcc} * ${decayNowSql(halfLives.debtHalfLifeDays)})`;
}
