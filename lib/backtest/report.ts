import type { Interval } from "./distributions";
import {
  atThreshold,
  aucConfidenceInterval,
  baseRate,
  type CalibrationBin,
  calibrationDeciles,
  isMonotoneRising,
  rankDescending,
  rocAuc,
  rocAucOfRanked,
  type Selection,
  topFractionOfRanked,
  topPerGroupOfRanked,
} from "./metrics";
import type { FeatureRow, Scorer } from "./score";
import { type Message, message } from "../error-messages";

/** How one score ranked the customers who went on to churn. */
export type ScorerReport = {
  key: string;
  label: string;
  auc: number | null;
  aucInterval: Interval | null;
  /** The top 10% of each cutoff's customers, pooled over the cutoffs. */
  topDecile: Selection;
  /** The top 25 of each owner's book at each cutoff, pooled. */
  topPerOwner: Selection;
  /** Everyone at or above the at-risk threshold (scores that have one). */
  atThreshold: Selection | null;
  calibration: CalibrationBin[];
  /** Whether the observed churn rate rises from bin to bin (within 1 point for noise). */
  calibrationRises: boolean;
  perCutoff: { cutoff: string; customers: number; churned: number; auc: number | null }[];
};

export type BacktestReport = {
  cutoffs: string[];
  horizonDays: number;
  rows: number;
  churned: number;
  baseRate: number | null;
  scorers: ScorerReport[];
};

const TOP_FRACTION = 0.1;
const TOP_PER_OWNER = 25;

/** `ranked` cut into the rows of each part (`partOf[index]` in 0…parts − 1), each keeping its order. */
function partsInOrder(ranked: Uint32Array, partOf: readonly number[], parts: number): Uint32Array[] {
  const starts = new Uint32Array(parts + 1);
  for (let j = 0; j < ranked.length; j++) starts[partOf[ranked[j]] + 1]++;
  for (let part = 1; part <= parts; part++) starts[part] += starts[part - 1];
  const next = starts.slice(0, parts);
  const cut = new Uint32Array(ranked.length);
  for (let j = 0; j < ranked.length; j++) cut[next[partOf[ranked[j]]]++] = ranked[j];
  return Array.from({ length: parts }, (_, part) => cut.subarray(starts[part], starts[part + 1]));
}

function pooled(parts: readonly Selection[], churners: number, base: number | null): Selection {
  const flagged = parts.reduce((sum, part) => sum + part.flagged, 0);
  const hits = parts.reduce((sum, part) => sum + part.hits, 0);
  const precision = flagged > 0 ? hits / flagged : null;
  return {
    flagged,
    hits,
    precision,
    recall: churners > 0 ? hits / churners : null,
    lift: precision !== null && base ? precision / base : null,
  };
}

/**
 * Every score's figures over the same rows: ROC AUC with a 95% interval over all (customer,
 * cutoff) rows; precision, recall and lift of the top 10% and of each owner's top 25, taken at
 * each cutoff as a team would and pooled; the at-risk threshold where a score has one; observed
 * churn per score decile; and the AUC at each cutoff.
 */
export function backtestReport(
  rows: readonly FeatureRow[],
  scorers: readonly (Scorer & { threshold?: number })[],
  horizonDays: number,
): BacktestReport {
  const outcomes = rows.map((row) => row.churned);
  const churned = outcomes.filter(Boolean).length;
  const base = baseRate(outcomes);
  const cutoffs = [...new Set(rows.map((row) => row.cutoff.getTime()))].sort((a, b) => a - b);
  const cutoffIndex = new Map(cutoffs.map((cutoff, index) => [cutoff, index]));
  const cutoffOf = rows.map((row) => cutoffIndex.get(row.cutoff.getTime()) ?? 0);
  const owners = rows.map((row) => row.ownerId);
  const scorerReports = scorers.map((scorer): ScorerReport => {
    // In typed arrays, and each cutoff's part of the ranking a slice of one array: at a million
    // rows, every copy per score and cutoff is garbage the collector has to go through.
    const scores = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) scores[i] = scorer.score(rows[i]);
    // One ranking per score serves every figure: each cutoff's customers in it keep its order.
    const ranked = rankDescending(scores);
    const rankedByCutoff = partsInOrder(ranked, cutoffOf, cutoffs.length);
    const auc = rocAuc(scores, outcomes, ranked);
    const perCutoff = cutoffs.map((cutoff, c) => {
      const order = rankedByCutoff[c];
      let churnedThen = 0;
      for (let j = 0; j < order.length; j++) if (outcomes[order[j]]) churnedThen++;
      return {
        cutoff: new Date(cutoff).toISOString().slice(0, 10),
        customers: order.length,
        churned: churnedThen,
        auc: rocAucOfRanked(order, scores, outcomes),
        top: topFractionOfRanked(order, outcomes, TOP_FRACTION),
        perOwner: topPerGroupOfRanked(order, outcomes, owners, TOP_PER_OWNER),
      };
    });
    const calibration = calibrationDeciles(scores, outcomes, 10, ranked);
    return {
      key: scorer.key,
      label: scorer.label,
      auc,
      aucInterval: aucConfidenceInterval(auc, churned, rows.length - churned),
      topDecile: pooled(
        perCutoff.map((c) => c.top),
        churned,
        base,
      ),
      topPerOwner: pooled(
        perCutoff.map((c) => c.perOwner),
        churned,
        base,
      ),
      atThreshold: scorer.threshold === undefined ? null : atThreshold(scores, outcomes, scorer.threshold),
      calibration,
      calibrationRises: isMonotoneRising(
        calibration.map((bin) => bin.churnRate),
        0.01,
      ),
      perCutoff: perCutoff.map(({ cutoff, customers, churned: c, auc: a }) => ({
        cutoff,
        customers,
        churned: c,
        auc: a,
      })),
    };
  });
  return {
    cutoffs: cutoffs.map((c) => new Date(c).toISOString().slice(0, 10)),
    horizonDays,
    rows: rows.length,
    churned,
    baseRate: base,
    scorers: scorerReports,
  };
}

/** A score's figures as a draft's preview compares them: the first scorer of a report. */
export type BacktestHeadline = {
  horizonDays: number;
  cutoffs: number;
  rows: number;
  churned: number;
  auc: number | null;
  topDecileLift: number | null;
  thresholdRecall: number | null;
  thresholdPrecision: number | null;
};

export function headlineOf(report: BacktestReport): BacktestHeadline {
  const [main] = report.scorers;
  return {
    horizonDays: report.horizonDays,
    cutoffs: report.cutoffs.length,
    rows: report.rows,
    churned: report.churned,
    auc: main?.auc ?? null,
    topDecileLift: main?.topDecile.lift ?? null,
    thresholdRecall: main?.atThreshold?.recall ?? null,
    thresholdPrecision: main?.atThreshold?.precision ?? null,
  };
}

/** "AUC 0.78 → 0.82, top-decile lift 3.1× → 3.6×, …" for a draft against the live version it would replace. */
export function compareHeadlines(liveVersion: number, live: BacktestHeadline, draft: BacktestHeadline): Message {
  if (draft.rows === 0 || draft.churned === 0) {
    return message("done.scoring.notEnoughHistory", { days: draft.horizonDays });
  }
  return message("done.scoring.backtestCompared", {
    version: liveVersion,
    cutoffs: draft.cutoffs,
    rows: draft.rows,
    days: draft.horizonDays,
    aucBefore: { decimal: live.auc, digits: 3 },
    aucAfter: { decimal: draft.auc, digits: 3 },
    liftBefore: { times: live.topDecileLift },
    liftAfter: { times: draft.topDecileLift },
    recallBefore: { percent: live.thresholdRecall, digits: 0 },
    recallAfter: { percent: draft.thresholdRecall, digits: 0 },
    precisionBefore: { percent: live.thresholdPrecision, digits: 0 },
    precisionAfter: { percent: draft.thresholdPrecision, digits: 0 },
  });
}
