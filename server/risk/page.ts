import "server-only";
import type { Queryable } from "@/db";
import { daysSince } from "@/lib/dates";
import { suggestNextSteps } from "@/lib/risk";
import { getDailyBalances } from "@/server/ledger/balance-history";
import { getRiskDrivers, getRiskList, type RiskListQuery } from "./queries";
import { getSettings } from "@/server/settings/queries";
import { snapshotCached } from "@/db/snapshot-cache";

const RECENT_DAYS = 14;

export type RiskPageRow = Awaited<ReturnType<typeof loadRiskPage>>["rows"][number];

/** One page of the risk list with each row's drivers, 90-day balance and suggested next steps: five queries in all (settings, the list and its count, drivers, daily balances). */
export async function loadRiskPage(db: Queryable, query: RiskListQuery) {
  const [{ rows, total, more }, { ledger, risk }] = await Promise.all([
    getRiskList(db, query),
    getSettings(db, ["ledger", "risk"]),
  ]);
  const [drivers, histories] = await Promise.all([
    getRiskDrivers(db, { customerIds: rows.map((row) => row.id) }),
    getDailyBalances(db, { customers: rows, halfLives: ledger }),
  ]);
  const now = new Date();
  return {
    total,
    more,
    rows: rows.map((row) => {
      const rowDrivers = (drivers.get(row.id) ?? []).map((driver) => ({
        ...driver,
        daysAgo: daysSince(driver.occurredAt, now),
      }));
      const silentDays = daysSince(row.lastInboundAt, now);
      return {
        ...row,
        silentDays,
        drivers: rowDrivers,
        history: histories.get(row.id) ?? [],
        steps: suggestNextSteps(
          {
            fatigued: row.fatigued,
            silentDays,
            paying: row.convertedAt !== null,
            mrrCents: row.mrrCents,
            recentDriverKeys: rowDrivers.filter((d) => (d.daysAgo ?? Infinity) <= RECENT_DAYS).map((d) => d.typeKey),
          },
          risk,
        ),
      };
    }),
  };
}

/** The risk list page as the dashboard shows it: read once while nothing in the database changes (db/snapshot-cache.ts). */
export const getRiskPage = snapshotCached(loadRiskPage);
