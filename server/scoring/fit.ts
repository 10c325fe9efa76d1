import type { Queryable } from "@/db";
import {
  CANDIDATE_HALF_LIVES,
  type FittedScoring,
  fitRiskWeights,
  type HalfLives,
  scoreAtPair,
} from "@/lib/backtest/fit";
import { type BacktestReport, backtestReport } from "@/lib/backtest/report";
import { baselineScorers, handScore } from "@/lib/backtest/score";
import { message } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import type { ScoringConfig } from "@/lib/scoring-version";
import { backtestWeights, PREVIEW_HORIZON_DAYS } from "./backtest";
import { getFeatureRows, monthlyCutoffs } from "./features";

/** The latest cutoffs a fit never sees: it is judged on them, out of time. */
const HELD_OUT_CUTOFFS = 3;

export type FitResult = FittedScoring & {
  /** The fitted score, the base version and the baselines on the held-out cutoffs only. */
  outOfTime: BacktestReport;
};

/**
 * Fits the live score's weights and half-lives to the book's own history (lib/backtest/fit.ts):
 * trained on the earlier monthly cutoffs with the outcome proxies left out, judged on the last
 * three against the base version and the single-input baselines. Deterministic for a given book
 * and day, so a fit can be recomputed when it is saved rather than trusted from a form.
 */
export async function fitVersion(
  db: Queryable,
  { base, label, now = new Date() }: { base: ScoringConfig; label: string; now?: Date },
): Promise<FitResult> {
  const horizonDays = PREVIEW_HORIZON_DAYS;
  const cutoffs = monthlyCutoffs(now, { horizonDays });
  if (cutoffs.length <= HELD_OUT_CUTOFFS) {
    throw new ValidationError(
      message("scoring.fitNeedsCutoffs", { needed: HELD_OUT_CUTOFFS + 1, horizonDays, count: cutoffs.length }),
    );
  }
  const basePair: HalfLives = { credit: base.ledger.creditHalfLifeDays, debt: base.ledger.debtHalfLifeDays };
  const pairs = [basePair, ...CANDIDATE_HALF_LIVES].filter(
    (pair, i, all) => all.findIndex((p) => p.credit === pair.credit && p.debt === pair.debt) === i,
  );
  const rows = await getFeatureRows(db, {
    cutoffs,
    horizonDays,
    typeWeights: backtestWeights(base, false),
    halfLives: { credit: pairs.map((p) => p.credit), debt: pairs.map((p) => p.debt) },
    fatigueWindowDays: base.risk.fatigueWindowDays,
    population: "paying",
  });
  const trainCutoffs = cutoffs.slice(0, -HELD_OUT_CUTOFFS);
  let fitted: FittedScoring;
  try {
    fitted = fitRiskWeights(rows, { base, pairs, trainCutoffs, horizonDays });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ValidationError(message("scoring.fitNeedsHistory", { horizonDays }));
  }
  const heldOut = rows.filter((row) => row.cutoff >= cutoffs[cutoffs.length - HELD_OUT_CUTOFFS]);
  const outOfTime = backtestReport(
    heldOut,
    [
      {
        key: "fitted",
        label: "Fitted",
        threshold: fitted.config.risk.atRiskScore,
        score: (row) => scoreAtPair(row, fitted.config, fitted.pairIndex),
      },
      { key: "version", label, threshold: base.risk.atRiskScore, score: (row) => handScore(row, base) },
      ...baselineScorers(base),
    ],
    horizonDays,
  );
  const model = fitted.config.model;
  if (model) model.validatedOn.topDecileLift = outOfTime.scorers[0].topDecile.lift;
  return { ...fitted, outOfTime };
}
