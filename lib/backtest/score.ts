import { DAY_MS } from "@/lib/dates";
import { decay } from "@/lib/ledger";
import { riskScore } from "@/lib/risk";
import type { ScoringConfig } from "@/lib/scoring-version";

/**
 * A customer's inputs to a score at one cutoff, from rows that had occurred and been recorded by
 * then (server/scoring/features.ts). Credit and debt come per half-life pair: [0] is the version's.
 */
export type FeatureRow = {
  cutoff: Date;
  customerId: number;
  ownerId: number | null;
  mrrCents: number;
  /** Converted (milestone 7 reached) and not churned at the cutoff. */
  paying: boolean;
  /** Not churned at the cutoff. */
  active: boolean;
  tenureDays: number;
  credit: number[];
  debt: number[];
  /** What the 30 days before the cutoff added, decayed to the cutoff. */
  recentCredit: number[];
  recentDebt: number[];
  /** Whole days since the last inbound activity; null when there was none. */
  silentDays: number | null;
  /** Outbound contacts in the fatigue window after the last inbound activity. */
  unanswered: number;
  inbound90: number;
  /** Churned within the horizon after the cutoff: the outcome. */
  churned: boolean;
};

/** The balance at the cutoff and its change over the 30 days before, for half-life pair `j`. */
export function balanceAndTrend(row: FeatureRow, halfLives: { credit: number; debt: number }, j = 0) {
  const balance = row.credit[j] + row.debt[j];
  // What was there 30 days earlier is what the last 30 days did not add, 30 days less decayed.
  const before =
    (row.credit[j] - row.recentCredit[j]) / decay(30, halfLives.credit) +
    (row.debt[j] - row.recentDebt[j]) / decay(30, halfLives.debt);
  return { balance, trend: balance - before };
}

/** The hand-set score of lib/risk.ts for a row, under a version's settings (0 for a churned customer). */
export function handScore(row: FeatureRow, config: Pick<ScoringConfig, "ledger" | "risk">): number {
  if (!row.active) return 0;
  const { balance, trend } = balanceAndTrend(row, {
    credit: config.ledger.creditHalfLifeDays,
    debt: config.ledger.debtHalfLifeDays,
  });
  return riskScore(
    {
      balance,
      trend,
      silentDays: row.silentDays,
      paying: row.paying,
      fatigued: row.unanswered >= config.risk.fatigueContacts,
    },
    config.risk,
  );
}

export type Scorer = { key: string; label: string; score: (row: FeatureRow) => number };

/** A number in [0, 1) that looks random and depends only on its inputs (a 32-bit integer hash). */
function hashUnit(a: number, b: number, seed: number): number {
  let h = Math.imul(a ^ seed, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/** A score that cannot know anything: the floor every other score must clear. */
export function randomScorer(seed = 7): Scorer {
  return {
    key: "random",
    label: "Random",
    score: (row) => hashUnit(row.customerId, row.cutoff.getTime() / DAY_MS, seed),
  };
}

/**
 * The single-input baselines a score has to beat, each pointing the way that ranks churners
 * higher (lower MRR, longer silence, lower balance, fewer inbound events, shorter tenure).
 */
export function baselineScorers(config: Pick<ScoringConfig, "ledger">): Scorer[] {
  const halfLives = { credit: config.ledger.creditHalfLifeDays, debt: config.ledger.debtHalfLifeDays };
  return [
    { key: "mrr", label: "MRR alone (lower first)", score: (row) => -row.mrrCents },
    { key: "silence", label: "Days silent alone", score: (row) => row.silentDays ?? 10_000 },
    { key: "balance", label: "Balance alone (lower first)", score: (row) => -balanceAndTrend(row, halfLives).balance },
    { key: "inbound90", label: "Inbound volume, 90 days (fewer first)", score: (row) => -row.inbound90 },
    { key: "tenure", label: "Tenure (newer first)", score: (row) => -row.tenureDays },
    randomScorer(),
  ];
}
