import { type DelightReport, delightEffect, type MatchItem } from "@/lib/backtest/matching";

/** A debit that a gesture could have answered, with where the customer stood then and what came after. */
export type DebitOutcome = {
  interactionId: number;
  debitType: string;
  /** The gesture that answered it; null when nobody did. */
  gesture: string | null;
  costCents: number | null;
  mrrCents: number;
  stage: string;
  /** Balance right after the debit, and 30 days later. */
  balance: number;
  balanceLater: number;
  churned: boolean;
};

const MRR_BANDS = [
  [0, "MRR under $100"],
  [10_000, "MRR $100–499"],
  [50_000, "MRR $500–1,999"],
  [200_000, "MRR $2,000 and up"],
] as const;

export function mrrBand(mrrCents: number): string {
  return MRR_BANDS.reduce<string>((band, [from, label]) => (mrrCents >= from ? label : band), MRR_BANDS[0][1]);
}

/** Compared only within the same kind of debit, MRR band and stage; then by balance within 1 point. */
const stratumOf = (debit: DebitOutcome) => `${debit.debitType}|${mrrBand(debit.mrrCents)}|${debit.stage}`;

function asItem(debit: DebitOutcome): MatchItem {
  return {
    id: debit.interactionId,
    stratum: stratumOf(debit),
    balance: debit.balance,
    balanceLater: debit.balanceLater,
    churned: debit.churned,
    mrrCents: debit.mrrCents,
    costCents: debit.costCents,
  };
}

export type DelightEffectRow = { key: string; report: DelightReport };

/** How pairs are matched: a balance gap of at most one point, and at least 30 pairs before the page says anything. */
export const DELIGHT_MATCHING = { caliper: 1, minPairs: 30 } as const;

/**
 * Answered debits against matched unanswered ones, per gesture and per kind of debit: the same
 * kind of debit, MRR band and stage at the time, a balance within one point.
 */
export function delightEffects(debits: readonly DebitOutcome[]): {
  byGesture: DelightEffectRow[];
  byDebitType: DelightEffectRow[];
  overall: DelightReport;
} {
  const controls = debits.filter((d) => d.gesture === null).map(asItem);
  const answered = debits.filter((d) => d.gesture !== null);
  const rows = (keyOf: (d: DebitOutcome) => string) =>
    [...new Set(answered.map(keyOf))].sort().map((key) => ({
      key,
      report: delightEffect(answered.filter((d) => keyOf(d) === key).map(asItem), controls, DELIGHT_MATCHING),
    }));
  return {
    byGesture: rows((d) => d.gesture ?? ""),
    byDebitType: rows((d) => d.debitType),
    overall: delightEffect(answered.map(asItem), controls, DELIGHT_MATCHING),
  };
}

/**
 * What the pairs say (the page puts it in words): too few to tell (and how many found no match),
 * fewer churned, more churned, or no difference one can tell from chance.
 */
export type DelightVerdict =
  | { kind: "tooFew" }
  | {
      kind: "tooFewPairs";
      pairs: number;
      minPairs: number;
      /** Answered debits that found no unanswered one within the caliper, of all answered ones. */
      unmatched: number;
      answered: number;
      caliper: number;
    }
  | { kind: "fewer" | "more" | "noDifference" };

export function delightVerdict(report: DelightReport): DelightVerdict {
  if (!report.enoughPairs)
    return {
      kind: "tooFewPairs",
      pairs: report.pairs,
      minPairs: DELIGHT_MATCHING.minPairs,
      unmatched: report.unmatchedTreated,
      answered: report.treatedTotal,
      caliper: DELIGHT_MATCHING.caliper,
    };
  if (!report.churnDifference) return { kind: "tooFew" };
  const { hi, lo } = report.churnDifference;
  if (hi < 0) return { kind: "fewer" };
  if (lo > 0) return { kind: "more" };
  return { kind: "noDifference" };
}
