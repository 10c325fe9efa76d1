import "server-only";
import type { Queryable } from "@/db";
import { eq } from "drizzle-orm";
import { customers } from "@/db/schema";
import { daysSince } from "@/lib/dates";
import { type NextStep, suggestNextSteps } from "@/lib/risk";
import type { Settings } from "@/lib/settings";
import { getDailyBalances } from "@/server/ledger/balance-history";
import { getRiskDrivers, getRiskList, type RiskDriver, type RiskListQuery } from "./queries";
import { getSettings } from "@/server/settings/queries";
import { getKeptRiskDrivers } from "./kept-drivers";
import { snapshotCached } from "@/db/snapshot-cache";

const RECENT_DAYS = 14;

export type RiskPageRow = Awaited<ReturnType<typeof loadRiskPage>>["rows"][number];

/** One page of the risk list with each row's drivers, 90-day balance and suggested next steps: five queries in all (settings, the list and its count, drivers unless kept, daily balances). */
export async function loadRiskPage(db: Queryable, query: RiskListQuery) {
  const {
    rows,
    total,
    more,
    settings: { ledger, risk },
  } = await getRiskList(db, query);
  const [drivers, histories] = await Promise.all([
    getKeptRiskDrivers(db, rows),
    getDailyBalances(db, { customers: rows, halfLives: ledger }),
  ]);
  const now = new Date();
  return {
    total,
    more,
    /** The day "renews in N days" counts from. */
    today: now.toISOString().slice(0, 10),
    rows: rows.map((row) => {
      const rowDrivers = (drivers.get(row.id) ?? []).map((driver) => ({
        ...driver,
        daysAgo: daysSince(driver.occurredAt, now),
      }));
      return {
        ...row,
        silentDays: daysSince(row.lastInboundAt, now),
        drivers: rowDrivers,
        history: histories.get(row.id) ?? [],
        steps: stepsFor(row, rowDrivers, risk, now),
      };
    }),
  };
}

/** Today's drivers together: how far they pulled the balance down, and the biggest of them. */
function todayOf(drivers: RiskDriver[]) {
  const today = drivers.filter((driver) => driver.period === "today");
  if (today.length === 0) return null;
  const { typeKey, label, summary, count, period } = today[0];
  return {
    impact: today.reduce((sum, driver) => sum + driver.impact, 0),
    driver: { typeKey, label, summary, count, period },
  };
}

type StepInputs = { fatigued: boolean; lastInboundAt: Date | null; convertedAt: Date | null; mrrCents: number };

function stepsFor(
  customer: StepInputs,
  drivers: (RiskDriver & { daysAgo: number | null })[],
  risk: Settings["risk"],
  now: Date,
): NextStep[] {
  return suggestNextSteps(
    {
      fatigued: customer.fatigued,
      silentDays: daysSince(customer.lastInboundAt, now),
      paying: customer.convertedAt !== null,
      mrrCents: customer.mrrCents,
      recentDriverKeys: drivers.filter((d) => (d.daysAgo ?? Infinity) <= RECENT_DAYS).map((d) => d.typeKey),
      today: todayOf(drivers),
    },
    risk,
  );
}

/** One customer's suggested next steps as the risk list shows them now (a step turned into a task is checked against these). */
export async function getSuggestedSteps(db: Queryable, { customerId }: { customerId: number }): Promise<NextStep[]> {
  const [[customer], drivers, { risk }] = await Promise.all([
    db
      .select({
        fatigued: customers.fatigued,
        lastInboundAt: customers.lastInboundAt,
        convertedAt: customers.convertedAt,
        mrrCents: customers.mrrCents,
      })
      .from(customers)
      .where(eq(customers.id, customerId)),
    getRiskDrivers(db, { customerIds: [customerId] }),
    getSettings(db, ["risk"]),
  ]);
  if (!customer) return [];
  const now = new Date();
  const withAge = (drivers.get(customerId) ?? []).map((d) => ({ ...d, daysAgo: daysSince(d.occurredAt, now) }));
  return stepsFor(customer, withAge, risk, now);
}

/** The risk list page as the dashboard shows it: read once while nothing in the database changes (db/snapshot-cache.ts). */
export const getRiskPage = snapshotCached(loadRiskPage);
