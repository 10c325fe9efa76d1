import { DAY_MS } from "@/lib/dates";
import { isCalendarDay } from "@/lib/validation/fields";

export const REVENUE_PERIODS = ["month", "quarter", "12m", "custom"] as const;
export type RevenuePeriodKey = (typeof REVENUE_PERIODS)[number];
/** Why a custom period could not be read (the page says it in words): no dates, start after end, before 2000. */
export type RevenuePeriodProblem = "noDays" | "startAfterEnd" | "before2000";

/** A period of whole UTC days: from the start of `fromDay` to the end of `toDay`. */
export type RevenuePeriod = { key: RevenuePeriodKey; fromDay: string; toDay: string; from: Date; to: Date };

/** The UTC calendar day (YYYY-MM-DD) of an instant: how a period's bounds are shown as days. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

function period(key: RevenuePeriodKey, fromDay: string, toDay: string): RevenuePeriod {
  return {
    key,
    fromDay,
    toDay,
    from: new Date(`${fromDay}T00:00:00Z`),
    to: new Date(Date.parse(`${toDay}T00:00:00Z`) + DAY_MS),
  };
}

/**
 * The bridge's period from `?period=` (and `?from=`/`?to=` for a custom one); this quarter to date
 * unless said otherwise. A custom period that cannot be read falls back to it, and says why.
 */
export function readRevenuePeriod(
  params: { period?: string; from?: string; to?: string },
  now: Date,
): { period: RevenuePeriod; problem: RevenuePeriodProblem | null } {
  const today = dayOf(now);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const presets: Record<Exclude<RevenuePeriodKey, "custom">, () => RevenuePeriod> = {
    month: () => period("month", dayOf(new Date(Date.UTC(y, m, 1))), today),
    quarter: () => period("quarter", dayOf(new Date(Date.UTC(y, m - (m % 3), 1))), today),
    "12m": () => period("12m", dayOf(new Date(Date.UTC(y - 1, m, now.getUTCDate() + 1))), today),
  };
  const key = REVENUE_PERIODS.find((p) => p === params.period) ?? "quarter";
  if (key !== "custom") return { period: presets[key](), problem: null };
  const { from = "", to = "" } = params;
  if (!isCalendarDay(from) || !isCalendarDay(to)) return { period: presets.quarter(), problem: "noDays" };
  if (from > to) return { period: presets.quarter(), problem: "startAfterEnd" };
  if (from < "2000-01-01") return { period: presets.quarter(), problem: "before2000" };
  return { period: period("custom", from, to > today ? today : to), problem: null };
}

/** The cohorts table's months. */
export const COHORT_MONTHS = 12;

/** Retention's trailing 12 months as of `now`: from this day a year ago to the end of today, in UTC. */
export function trailingYear(now: Date): { from: Date; to: Date } {
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  return {
    from: new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate())),
    to: new Date(today.getTime() + DAY_MS),
  };
}
