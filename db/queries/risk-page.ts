import "server-only";
import { daysSince } from "@/lib/dates";
import { CONVERTED_MILESTONE } from "@/lib/journey";
import { suggestNextSteps } from "@/lib/risk";
import { getDailyBalances } from "./balance-history";
import { getRiskDrivers, getRiskList, type RiskListQuery } from "./risk";
import { getSettings } from "./settings";

const RECENT_DAYS = 14;

/** One page of the risk list with each row's drivers, 90-day balance and suggested next steps: three queries in all. */
export async function getRiskPage(query: RiskListQuery) {
  const [{ rows, total, more }, { ledger, risk }] = await Promise.all([getRiskList(query), getSettings(["ledger", "risk"])]);
  const ids = rows.map((row) => row.id);
  const [drivers, histories] = await Promise.all([getRiskDrivers(ids), getDailyBalances(rows, ledger, 90)]);
  return {
    total,
    more,
    rows: rows.map((row) => {
      const rowDrivers = drivers.get(row.id) ?? [];
      return {
        ...row,
        drivers: rowDrivers,
        history: histories.get(row.id) ?? [],
        steps: suggestNextSteps(
          {
            fatigued: row.fatigued,
            silentDays: daysSince(row.lastInboundAt),
            paying: row.milestone >= CONVERTED_MILESTONE,
            mrrCents: row.mrrCents,
            recentDriverKeys: rowDrivers.filter((d) => (daysSince(d.occurredAt) ?? Infinity) <= RECENT_DAYS).map((d) => d.typeKey),
          },
          risk,
        ),
      };
    }),
  };
}
