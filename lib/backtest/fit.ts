import { silencePressure } from "@/lib/risk";
import { MODEL_FEATURES, type ScoringConfig, type ScoringModel } from "@/lib/scoring-version";
import { coefficientsInRawUnits, describeEffect, fitLogistic } from "./logistic";
import { rocAuc } from "./metrics";
import { balanceAndTrend, type FeatureRow } from "./score";

export type HalfLives = { credit: number; debt: number };

/**
 * A row's four risk inputs with its credit and debt summed at half-life pair `j` (`halfLives`):
 * debt below zero, the 30-day fall, silence pressure and fatigue — all 0 for a churned customer.
 */
export function riskTerms(row: FeatureRow, halfLives: HalfLives, risk: ScoringConfig["risk"], j = 0): number[] {
  if (!row.active) return [0, 0, 0, 0];
  const { balance, trend } = balanceAndTrend(row, halfLives, j);
  return [
    Math.max(0, -balance),
    Math.max(0, -trend),
    silencePressure(row.silentDays, row.paying, risk.silenceDays),
    row.unanswered >= risk.fatigueContacts ? 1 : 0,
  ];
}

const weighted = (weights: readonly number[], terms: readonly number[]) =>
  weights.reduce((sum, w, k) => sum + w * terms[k], 0);

/** A version's score from a row's credit and debt at half-life pair `j` (the live score, lib/risk.ts). */
export function scoreAtPair(row: FeatureRow, config: Pick<ScoringConfig, "ledger" | "risk">, j: number): number {
  const { risk, ledger } = config;
  const terms = riskTerms(row, { credit: ledger.creditHalfLifeDays, debt: ledger.debtHalfLifeDays }, risk, j);
  return weighted([risk.debtWeight, risk.trendWeight, risk.silenceWeight, risk.fatigueWeight], terms);
}

/** Half-life pairs a fit tries besides the base version's: fast-fading to long-remembering. */
export const CANDIDATE_HALF_LIVES: HalfLives[] = [
  { credit: 14, debt: 30 },
  { credit: 30, debt: 90 },
  { credit: 60, debt: 180 },
  { credit: 120, debt: 365 },
];

export type FittedScoring = {
  config: ScoringConfig;
  /** Which of the pairs tried won: the index of its credit and debt in the feature rows. */
  pairIndex: number;
  /** The validation AUC of each half-life pair tried, the chosen one first. */
  tried: { halfLives: HalfLives; auc: number | null }[];
  /** The terms whose fitted effect pointed the wrong way (lower risk with more debt, …) and were set to 0. */
  zeroed: (typeof MODEL_FEATURES)[number][];
};

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * Fits the live score's weights and half-lives to a book's history: for each half-life pair, an
 * L2-regularised logistic regression of churn within the horizon on the four risk inputs at the
 * training cutoffs; the pair whose score ranks the later, held-out cutoffs best wins. Weights are
 * the log-odds each unit adds, never negative (a weight that says more debt means less risk is
 * noise or a confound the list could not explain, so it is 0). At risk = a predicted churn chance
 * at least twice the training base rate.
 */
export function fitRiskWeights(
  rows: readonly FeatureRow[],
  {
    base,
    pairs,
    trainCutoffs,
    horizonDays,
  }: { base: ScoringConfig; pairs: readonly HalfLives[]; trainCutoffs: readonly Date[]; horizonDays: number },
): FittedScoring {
  const trainKeys = new Set(trainCutoffs.map((c) => c.getTime()));
  const train = rows.filter((row) => trainKeys.has(row.cutoff.getTime()));
  const validate = rows.filter((row) => !trainKeys.has(row.cutoff.getTime()));
  const outcomes = train.map((row) => row.churned);
  const churned = outcomes.filter(Boolean).length;
  if (churned === 0 || churned === train.length || validate.length === 0) {
    throw new RangeError("fitting needs churned and retained customers at the earlier cutoffs, and later cutoffs");
  }
  const candidates = pairs.map((halfLives, j) => {
    const model = fitLogistic(
      train.map((row) => riskTerms(row, halfLives, base.risk, j)),
      outcomes,
      { l2: 1 },
    );
    const { intercept, perUnit } = coefficientsInRawUnits(model);
    const weights = perUnit.map((w) => Math.max(0, w));
    const auc = rocAuc(
      validate.map((row) => weighted(weights, riskTerms(row, halfLives, base.risk, j))),
      validate.map((row) => row.churned),
    );
    return { halfLives, intercept, perUnit, weights, auc, pairIndex: j };
  });
  const best = candidates.reduce((top, c) => ((c.auc ?? 0) > (top.auc ?? 0) ? c : top));
  const baseRate = churned / train.length;
  const atRisk = Math.min(0.99, 2 * baseRate);
  const threshold = Math.max(0, Math.log(atRisk / (1 - atRisk)) - best.intercept);
  const [debtWeight, trendWeight, silenceWeight, fatigueWeight] = best.weights.map((w) => round(w, 4));
  const validateCutoffs = [...new Set(validate.map((row) => row.cutoff.getTime()))].sort((a, b) => a - b);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const model: ScoringModel = {
    features: [...MODEL_FEATURES],
    intercept: round(best.intercept, 4),
    coefficients: best.perUnit.map((w) => round(w, 4)),
    trainedOn: {
      cutoffs: [...trainKeys].sort((a, b) => a - b).map(day),
      horizonDays,
      rows: train.length,
      churned,
    },
    validatedOn: { cutoffs: validateCutoffs.map(day), auc: best.auc, topDecileLift: null },
  };
  return {
    config: {
      ...base,
      kind: "fitted",
      ledger: { creditHalfLifeDays: best.halfLives.credit, debtHalfLifeDays: best.halfLives.debt },
      risk: { ...base.risk, debtWeight, trendWeight, silenceWeight, fatigueWeight, atRiskScore: round(threshold, 2) },
      model,
    },
    pairIndex: best.pairIndex,
    tried: [best, ...candidates.filter((c) => c !== best)].map(({ halfLives, auc }) => ({ halfLives, auc })),
    zeroed: MODEL_FEATURES.filter((_, k) => best.perUnit[k] < 0),
  };
}

/** A fitted version's coefficients in words, one sentence per input ("each point of debt adds …"). */
export function describeFittedModel(config: ScoringConfig): string[] {
  const model = config.model;
  if (!model) return [];
  const { silenceDays, fatigueContacts, fatigueWindowDays } = config.risk;
  const units: Record<string, [string, string]> = {
    debt: ["debt", "point"],
    fall: ["fall in balance over 30 days", "point"],
    silence: [`silence past the first ${silenceDays} days`, `${silenceDays} days`],
  };
  return model.features.map((feature, k) => {
    const perUnit = model.coefficients[k];
    const sentence =
      feature === "fatigue"
        ? describeEffect(
            `fatigue (${fatigueContacts} or more unanswered contacts within ${fatigueWindowDays} days)`,
            perUnit,
            "case",
          ).replace("each case of fatigue", "being fatigued")
        : describeEffect(units[feature][0], perUnit, units[feature][1]);
    return perUnit < 0 ? `${sentence} It points the wrong way, so the version weighs it 0.` : sentence;
  });
}
