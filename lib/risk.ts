import type { Settings } from "./settings";
import { plainFormat } from "./format";

/**
 * The risk score (docs/ledger.md), higher = more at risk:
 *   risk = debtWeight · max(0, −balance)
 *        + trendWeight · max(0, −trend30)              (how far the balance fell in 30 days)
 *        + silenceWeight · min(3, max(0, silentDays − N) / N)   (active customers who have bought: paying)
 *        + fatigueWeight · (fatigued ? 1 : 0)
 * The SQL in db/risk-sql.ts computes the same; a test holds them to each other.
 */
export type RiskInputs = {
  balance: number;
  trend: number;
  silentDays: number | null;
  paying: boolean;
  fatigued: boolean;
};

export function silencePressure(silentDays: number | null, paying: boolean, silenceDays: number): number {
  if (!paying || silentDays === null) return 0;
  return Math.min(3, Math.max(0, silentDays - silenceDays) / silenceDays);
}

export function riskScore(inputs: RiskInputs, settings: Settings["risk"]): number {
  return (
    settings.debtWeight * Math.max(0, -inputs.balance) +
    settings.trendWeight * Math.max(0, -inputs.trend) +
    settings.silenceWeight * silencePressure(inputs.silentDays, inputs.paying, settings.silenceDays) +
    settings.fatigueWeight * (inputs.fatigued ? 1 : 0)
  );
}

const FIX_FIRST = new Set(["bug_report", "complaint", "error_hit", "social_mention", "outage"]);

export const NEXT_STEP_KEYS = ["sudden", "pause", "fix", "check_in", "executive", "watch"] as const;
export type NextStepKey = (typeof NEXT_STEP_KEYS)[number];

/** When a risk driver's debits happened: the group it is summed in. */
export type DriverPeriod = "today" | "week" | "month" | "year";

/** What a driver is, as facts: its interaction type, the newest summary, how many, and when. */
export type DriverFacts = {
  typeKey: string;
  label: string;
  summary: string;
  count: number;
  period: DriverPeriod;
};

/**
 * A suggested next step: its key, the facts its sentence is made of (the page words them in the
 * reader's language, components/risk/risk-words.ts), and the sentence in English, which a task made
 * from the step keeps as its title.
 */
export type NextStep =
  | { key: "sudden"; text: string; impact: number; driver: DriverFacts }
  | { key: "check_in"; text: string; silentDays: number }
  | { key: "pause" | "fix" | "executive" | "watch"; text: string };

/** A balance that fell at least this far today (summed decayed debits) calls for a call today. */
export const SUDDEN_DROP = 5;

const PERIOD_WORDS: Record<DriverPeriod, string> = {
  today: "today",
  week: "this week",
  month: "this month",
  year: "this year",
};

/** A driver in English (the CSV export, the digest): "Complaint — export broken" for one, "160 × Support ticket today" for many. */
export function describeDriver(driver: {
  label: string;
  summary: string;
  count: number;
  period: DriverPeriod;
}): string {
  if (driver.count === 1) return driver.summary ? `${driver.label} — ${driver.summary}` : driver.label;
  return `${driver.count} × ${driver.label} ${PERIOD_WORDS[driver.period]}`;
}

/** What a CSM should do first, from why the customer is on the list. */
export function suggestNextSteps(
  customer: {
    fatigued: boolean;
    silentDays: number | null;
    paying: boolean;
    mrrCents: number;
    recentDriverKeys: string[];
    /** Today's drivers summed (decayed weight, negative), and the biggest of them; null when none today. */
    today?: { impact: number; driver: DriverFacts } | null;
  },
  settings: Settings["risk"],
): NextStep[] {
  const steps: NextStep[] = [];
  if (customer.today && customer.today.impact <= -SUDDEN_DROP) {
    const { impact, driver } = customer.today;
    steps.push({
      key: "sudden",
      text: `Sudden drop: ${plainFormat.signed(impact)} today (${describeDriver(driver)}). Reach out today.`,
      impact,
      driver,
    });
  }
  if (customer.fatigued) steps.push({ key: "pause", text: "Pause outreach: stop selling, change the conversation." });
  if (customer.recentDriverKeys.some((key) => FIX_FIRST.has(key)))
    steps.push({ key: "fix", text: "Fix what went wrong, then follow up with a delight moment." });
  if (customer.paying && customer.silentDays !== null && customer.silentDays > settings.silenceDays) {
    steps.push({
      key: "check_in",
      text: `Personal check-in: silent for ${customer.silentDays} days.`,
      silentDays: customer.silentDays,
    });
  }
  if (customer.mrrCents >= settings.executiveMrrCents)
    steps.push({ key: "executive", text: "Executive call: a large account is at stake." });
  if (steps.length === 0) steps.push({ key: "watch", text: "Keep an eye on it: the reasons are under “Why”." });
  return steps;
}

/**
 * The one meaning of "at risk": an active customer whose score is at or above the at-risk
 * threshold (Settings → Scoring). The watch list holds those with a score below it.
 */
export const RISK_VIEWS = ["at-risk", "watch"] as const;
export type RiskView = (typeof RISK_VIEWS)[number];
