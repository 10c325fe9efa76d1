import "server-only";
import type { Queryable } from "@/db";
import { getRiskDrivers, type RiskDriver } from "./queries";

/** A customer as the risk list read them: what their drivers can only change with. */
export type DriverStamp = { id: number; updatedAt: string; debtAcc: number };

// Within a minute a reason's decayed weight moves by about a hundredth of a point at most (−160
// with a 7-day half-life), and its period (today, this week, …) by a minute of age.
const KEEP_MS = 60_000;
const MAX_KEPT = 5_000;
const kept = new Map<number, { stamp: string; at: number; drivers: RiskDriver[] }>();

/**
 * The risk drivers of these customers, each read once and kept in this process while their row
 * is the same. A customer with tens of thousands of debits costs tens of milliseconds to group,
 * and the list's customers rarely change between two views, while the book as a whole writes
 * every second. Every change to a customer's interactions goes through the booking engine, which
 * stamps the row's updated_at; a change of weights or half-lives rebuilds debt_acc; so the stamp
 * is the customer's updated_at and debt accumulator.
 */
export async function getKeptRiskDrivers(
  db: Queryable,
  customers: readonly DriverStamp[],
): Promise<Map<number, RiskDriver[]>> {
  const now = Date.now();
  const result = new Map<number, RiskDriver[]>();
  const missing: { id: number; stamp: string }[] = [];
  for (const customer of customers) {
    const stamp = `${customer.updatedAt}|${customer.debtAcc}`;
    const entry = kept.get(customer.id);
    if (entry && entry.stamp === stamp && now - entry.at < KEEP_MS) result.set(customer.id, entry.drivers);
    else missing.push({ id: customer.id, stamp });
  }
  if (missing.length === 0) return result;
  const fresh = await getRiskDrivers(db, { customerIds: missing.map((customer) => customer.id) });
  for (const { id, stamp } of missing) {
    const drivers = fresh.get(id) ?? [];
    result.set(id, drivers);
    kept.delete(id);
    kept.set(id, { stamp, at: now, drivers });
  }
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as number);
  return result;
}
