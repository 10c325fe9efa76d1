import type { Queryable } from "@/db";
import { type BacktestReport, backtestReport } from "@/lib/backtest/report";
import { baselineScorers, type FeatureRow, handScore, type Scorer } from "@/lib/backtest/score";
import type { ScoringConfig } from "@/lib/scoring-version";
import { keptFor } from "@/server/system/kept";
import { customerIdHalves, type FeatureQuery, getFeatureRows, monthlyCutoffs } from "./features";
import type { Horizon } from "@/lib/backtest/horizons";

/** The horizon a draft's preview compares on: the backtest page's default. */
export const PREVIEW_HORIZON_DAYS: Horizon = 90;

/** The type weights a backtest scores with: the outcome proxies left out unless asked for. */
export function backtestWeights(config: ScoringConfig, includeProxies: boolean): Record<string, number> {
  if (includeProxies) return config.typeWeights;
  const proxies = new Set(config.proxyTypes);
  return Object.fromEntries(Object.entries(config.typeWeights).filter(([key]) => !proxies.has(key)));
}

/** The score a version gives a row of features. */
export function versionScorer(config: ScoringConfig, label: string): Scorer & { threshold: number } {
  return { key: "version", label, threshold: config.risk.atRiskScore, score: (row) => handScore(row, config) };
}

function featureQuery(
  config: ScoringConfig,
  { cutoffs, horizonDays, includeProxies }: { cutoffs: Date[]; horizonDays: number; includeProxies: boolean },
): FeatureQuery {
  return {
    cutoffs,
    horizonDays,
    typeWeights: backtestWeights(config, includeProxies),
    halfLives: { credit: [config.ledger.creditHalfLifeDays], debt: [config.ledger.debtHalfLifeDays] },
    fatigueWindowDays: config.risk.fatigueWindowDays,
    population: "paying",
  };
}

export type BacktestParams = {
  config: ScoringConfig;
  label: string;
  horizonDays: number;
  includeProxies: boolean;
  /** Whether to score the single-input baselines too (a draft's preview needs only the version). */
  baselines?: boolean;
  now?: Date;
};

/**
 * How a scoring would have ranked the customers who churned: at each monthly cutoff of the last
 * 12 months whose horizon has passed, the paying customers active then, scored with only what
 * had occurred and been recorded by then, against whether they churned within the horizon — beside
 * the single-input baselines.
 */
export async function runBacktest(
  db: Queryable,
  { config, label, horizonDays, includeProxies, baselines = true, now = new Date() }: BacktestParams,
): Promise<BacktestReport> {
  const cutoffs = monthlyCutoffs(now, { horizonDays });
  // Customers' features are independent of each other, so two statements read the lower and the
  // upper half of the customer ids at once (on the pool, two connections; in a transaction, one
  // after the other); merged back in (cutoff, customer) order, which ranks ties.
  const query = featureQuery(config, { cutoffs, horizonDays, includeProxies });
  const parts = await Promise.all((await customerIdHalves(db)).map((shard) => getFeatureRows(db, { ...query, shard })));
  const rows = parts.flat().sort((a, b) => a.cutoff.getTime() - b.cutoff.getTime() || a.customerId - b.customerId);
  const scorers = [versionScorer(config, label), ...(baselines ? baselineScorers(config) : [])];
  return backtestReport(rows, scorers, horizonDays);
}

/** Every paying customer active at one cutoff with the version's score and the outcome: the API's backtest. */
export async function backtestAtCutoff(
  db: Queryable,
  {
    config,
    cutoff,
    horizonDays,
    includeProxies,
  }: { config: ScoringConfig; cutoff: Date; horizonDays: number; includeProxies: boolean },
): Promise<{ rows: FeatureRow[]; scores: number[] }> {
  const rows = await getFeatureRows(db, featureQuery(config, { cutoffs: [cutoff], horizonDays, includeProxies }));
  const scorer = versionScorer(config, "");
  return { rows, scores: rows.map(scorer.score) };
}

const keptBacktests = keptFor<BacktestReport>(15 * 60 * 1000);

/**
 * A version's backtest as the page shows it, kept for 15 minutes per version, horizon and
 * proxies: its cutoffs are in the past and rows recorded since cannot change them (no
 * look-ahead); only churns within the horizon and edits of old rows can, and the page says
 * when the figures were computed.
 */
export async function getBacktest(
  db: Queryable,
  params: Omit<BacktestParams, "now" | "label"> & { versionNumber: number },
): Promise<{ report: BacktestReport; computedAt: Date }> {
  const key = JSON.stringify([params.versionNumber, params.horizonDays, params.includeProxies]);
  const { value, computedAt } = await keptBacktests(key, () =>
    runBacktest(db, { ...params, label: `Version ${params.versionNumber}` }),
  );
  return { report: value, computedAt };
}

/**
 * Customers' scores as of a moment under a version, from what had occurred and been recorded by
 * then — with the outcome proxies, as the live score has them.
 */
export async function scoreAsOf(
  db: Queryable,
  { at, config, customerIds }: { at: Date; config: ScoringConfig; customerIds: readonly number[] },
): Promise<Map<number, number>> {
  const rows = await getFeatureRows(db, {
    cutoffs: [at],
    horizonDays: 0,
    typeWeights: config.typeWeights,
    halfLives: { credit: [config.ledger.creditHalfLifeDays], debt: [config.ledger.debtHalfLifeDays] },
    fatigueWindowDays: config.risk.fatigueWindowDays,
    population: { customerIds },
  });
  return new Map(rows.map((row) => [row.customerId, handScore(row, config)]));
}
