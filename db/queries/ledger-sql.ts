import { type SQL, sql } from "drizzle-orm";
import type { HalfLives } from "@/lib/ledger";
import { LEDGER_EPOCH_MS } from "@/lib/ledger";
import { customers } from "../schema";

const EPOCH = new Date(LEDGER_EPOCH_MS).toISOString();

/** Days from the ledger's epoch to `at` (lib/ledger.ts), as a SQL expression. */
export function daysSinceLedgerEpochSql(at: SQL = sql`now()`): SQL<number> {
  return sql<number>`(extract(epoch from (${at} - ${EPOCH}::timestamptz)) / 86400.0)`;
}

/** The balance now, from a customer's accumulators (lib/ledger.ts), as a SQL expression. */
export function balanceSql(halfLives: HalfLives, at: SQL = sql`now()`): SQL<number> {
  const days = daysSinceLedgerEpochSql(at);
  return sql<number>`(${customers.creditAcc} * power(2::float8, -${days} / ${halfLives.creditHalfLifeDays}::float8) + ${customers.debtAcc} * power(2::float8, -${days} / ${halfLives.debtHalfLifeDays}::float8))`;
}
