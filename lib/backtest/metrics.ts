import { type Interval, twoSidedZ } from "./distributions";

/** Customers flagged by a rule and how well the flag found the churners. */
export type Selection = {
  flagged: number;
  hits: number;
  /** hits ÷ flagged; null when nobody is flagged. */
  precision: number | null;
  /** hits ÷ all churners; null when nobody churned. */
  recall: number | null;
  /** precision ÷ base rate; null when either is null or nobody churned. */
  lift: number | null;
};

export type CalibrationBin = {
  bin: number;
  customers: number;
  minScore: number;
  maxScore: number;
  meanScore: number;
  churned: number;
  churnRate: number;
};

/** The share of outcomes that are true (churned ÷ customers); null for no customers. */
export function baseRate(outcomes: readonly boolean[]): number | null {
  return outcomes.length === 0 ? null : countTrue(outcomes) / outcomes.length;
}

/**
 * ROC AUC = P(a random churner scores higher than a random non-churner), ties counting half,
 * via Mann–Whitney: (sum of churners' average ranks − P(P+1)/2) ÷ (P·N); null without churners or non-churners.
 */
export function rocAuc(
  scores: ArrayLike<number>,
  outcomes: readonly boolean[],
  descending: ArrayLike<number> = rankDescending(scores),
): number | null {
  assertPaired(scores, outcomes);
  return rocAucOfRanked(descending, scores, outcomes);
}

/**
 * rocAuc over the customers in `ranked` (indexes into `scores` and `outcomes`, highest score
 * first, ties side by side): a part of one ranking, such as one cutoff's customers, needs no
 * ranking of its own.
 */
export function rocAucOfRanked(
  ranked: ArrayLike<number>,
  scores: ArrayLike<number>,
  outcomes: readonly boolean[],
): number | null {
  const n = ranked.length;
  let positives = 0;
  for (let j = 0; j < n; j++) if (outcomes[ranked[j]]) positives++;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  // Walking up from the lowest score: ranked[j] holds rank n − j, and a block of ties shares the average of its ranks.
  let positiveRankSum = 0;
  for (let end = n - 1; end >= 0;) {
    let start = end;
    while (start > 0 && scores[ranked[start - 1]] === scores[ranked[end]]) start--;
    let hits = 0;
    for (let j = start; j <= end; j++) if (outcomes[ranked[j]]) hits++;
    positiveRankSum += hits * (n - (start + end) / 2);
    end = start - 1;
  }
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Hanley & McNeil (1982) interval for an AUC: SE² = [A(1−A) + (P−1)(Q1−A²) + (N−1)(Q2−A²)] ÷ (P·N),
 * Q1 = A/(2−A), Q2 = 2A²/(1+A); A ± z·SE clamped to [0, 1]. Null when `auc` is null or a class is empty.
 * Chosen over DeLong because it needs only the AUC and the two counts; it is not a test of the difference
 * between two scores on the same customers (that needs DeLong's paired covariance).
 */
export function aucConfidenceInterval(
  auc: number | null,
  positives: number,
  negatives: number,
  level = 0.95,
): Interval | null {
  if (auc === null || positives < 1 || negatives < 1) return null;
  if (!(auc >= 0 && auc <= 1)) throw new RangeError(`an AUC is between 0 and 1, got ${auc}`);
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const variance =
    (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) /
    (positives * negatives);
  const standardError = Math.sqrt(Math.max(0, variance));
  const half = twoSidedZ(level) * standardError;
  return { estimate: auc, standardError, lo: clamp01(auc - half), hi: clamp01(auc + half) };
}

/**
 * Flags exactly ceil(fraction·n) customers with the highest scores; at a tie across the cut the
 * earlier customer in the input is flagged first.
 */
export function topFraction(scores: readonly number[], outcomes: readonly boolean[], fraction: number): Selection {
  assertPaired(scores, outcomes);
  return topFractionOfRanked(rankDescending(scores), outcomes, fraction);
}

/**
 * topFraction over customers already ranked (`ranked`: their indexes into `outcomes`, highest
 * score first, ties in input order), so one ranking serves many selections.
 */
export function topFractionOfRanked(ranked: ArrayLike<number>, outcomes: readonly boolean[], fraction: number) {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`a fraction is between 0 and 1, got ${fraction}`);
  // 1e-9 keeps float noise (0.07 · 100 = 7.000000000000001) from flagging one customer too many.
  const count = Math.max(0, Math.ceil(fraction * ranked.length - 1e-9));
  let hits = 0;
  for (let j = 0; j < count; j++) if (outcomes[ranked[j]]) hits++;
  return selection(count, hits, outcomes);
}

/** Flags every customer whose score is ≥ threshold. */
export function atThreshold(scores: ArrayLike<number>, outcomes: readonly boolean[], threshold: number): Selection {
  assertPaired(scores, outcomes);
  let flagged = 0;
  let hits = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] < threshold) continue;
    flagged++;
    if (outcomes[i]) hits++;
  }
  return selection(flagged, hits, outcomes);
}

/**
 * Flags the top n of each group (e.g. each CSM's book) by score, ties by input order, and pools them;
 * recall and the base rate are over everyone. Every distinct group value, null included, is a group.
 */
export function topPerGroup<G extends string | number | null>(
  scores: readonly number[],
  outcomes: readonly boolean[],
  groups: readonly G[],
  n: number,
): Selection {
  assertPaired(scores, outcomes);
  if (groups.length !== scores.length) {
    throw new RangeError(`groups has ${groups.length} entries, scores ${scores.length}`);
  }
  return topPerGroupOfRanked(rankDescending(scores), outcomes, groups, n);
}

/** topPerGroup over customers already ranked (their indexes, highest score first, ties in input order). */
export function topPerGroupOfRanked<G extends string | number | null>(
  ranked: ArrayLike<number>,
  outcomes: readonly boolean[],
  groups: readonly G[],
  n: number,
): Selection {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n is a whole number ≥ 0, got ${n}`);
  const takenPerGroup = new Map<G, number>();
  let flagged = 0;
  let hits = 0;
  for (let j = 0; j < ranked.length; j++) {
    const index = ranked[j];
    const taken = takenPerGroup.get(groups[index]) ?? 0;
    if (taken >= n) continue;
    takenPerGroup.set(groups[index], taken + 1);
    flagged++;
    if (outcomes[index]) hits++;
  }
  return selection(flagged, hits, outcomes);
}

/**
 * Equal-count bins by score rank, lowest scores in bin 1. Customers with the same score always share a bin:
 * a block of ties goes to the bin of its middle rank, so bins can be unequal and some bins vanish
 * (fewer than `bins` rows come back, numbered 1, 2, … without gaps). With n < bins each bin holds one customer.
 */
export function calibrationDeciles(
  scores: ArrayLike<number>,
  outcomes: readonly boolean[],
  bins = 10,
  descending: ArrayLike<number> = rankDescending(scores),
): CalibrationBin[] {
  assertPaired(scores, outcomes);
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins is a whole number ≥ 1, got ${bins}`);
  const n = scores.length;
  // Position p from the lowest score up is descending[n − 1 − p]; each block of ties is summed into its bin.
  const at = (p: number) => descending[n - 1 - p];
  const sums: { customers: number; minScore: number; maxScore: number; total: number; churned: number }[] = [];
  let lastBin = -1;
  for (let start = 0; start < n;) {
    const score = scores[at(start)];
    let end = start;
    while (end + 1 < n && scores[at(end + 1)] === score) end++;
    // Integer arithmetic: bin = floor(middle position · bins ÷ n), middle = (start + end) / 2.
    const bin = Math.floor(((start + end) * bins) / (2 * n));
    if (bin !== lastBin) sums.push({ customers: 0, minScore: score, maxScore: score, total: 0, churned: 0 });
    lastBin = bin;
    const sum = sums[sums.length - 1];
    sum.maxScore = score;
    for (let p = start; p <= end; p++) {
      const i = at(p);
      sum.customers++;
      sum.total += scores[i];
      if (outcomes[i]) sum.churned++;
    }
    start = end + 1;
  }
  return sums.map(({ customers, minScore, maxScore, total, churned }, index) => ({
    bin: index + 1,
    customers,
    minScore,
    maxScore,
    meanScore: total / customers,
    churned,
    churnRate: churned / customers,
  }));
}

/** True when each value is ≥ the one before (equal neighbours allowed), minus an optional tolerance. */
export function isMonotoneRising(values: readonly number[], tolerance = 0): boolean {
  return values.every((value, i) => i === 0 || value >= values[i - 1] - tolerance);
}

/** A selection's figures from how many it flagged and how many of those churned, against all `outcomes`. */
function selection(flagged: number, hits: number, outcomes: readonly boolean[]): Selection {
  const positives = countTrue(outcomes);
  const rate = baseRate(outcomes);
  const precision = flagged === 0 ? null : hits / flagged;
  return {
    flagged,
    hits,
    precision,
    recall: positives === 0 ? null : hits / positives,
    lift: precision === null || rate === null || rate === 0 ? null : precision / rate,
  };
}

/** Which of a float64's two 32-bit words holds its sign and exponent on this machine. */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Indexes by score, highest first; equal scores keep their input order. A stable radix sort of
 * the scores' bits, 16 at a time, each pass carrying the keys with their indexes so that it
 * reads them in order: a comparison sort of 1.9 million indexes took ~3 s, and a backtest ranks
 * the same rows once per score.
 */
export function rankDescending(scores: ArrayLike<number>): Uint32Array {
  const n = scores.length;
  const values = new Float64Array(n);
  // + 0 makes −0 into 0, so the two tie as they compare equal.
  for (let i = 0; i < n; i++) values[i] = scores[i] + 0;
  const words = new Uint32Array(values.buffer);
  // Keys that order descending as unsigned numbers: a positive value's bits but its sign flipped
  // (the larger the value, the smaller the key), a negative value's bits as they are.
  let high = new Uint32Array(n);
  let low = new Uint32Array(n);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + HIGH_WORD];
    const lo = words[2 * i + 1 - HIGH_WORD];
    const negative = hi >>> 31 === 1;
    high[i] = negative ? hi : hi ^ 0x7fffffff;
    low[i] = negative ? lo : ~lo >>> 0;
    order[i] = i;
  }
  let nextHigh = new Uint32Array(n);
  let nextLow = new Uint32Array(n);
  let nextOrder = new Uint32Array(n);
  const counts = new Uint32Array(0x10000);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? low : high;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let j = 0; j < n; j++) counts[(key[j] >>> shift) & 0xffff]++;
    // A digit every key shares moves nothing.
    if (n === 0 || counts[(key[0] >>> shift) & 0xffff] === n) continue;
    let total = 0;
    for (let digit = 0; digit < 0x10000; digit++) {
      const count = counts[digit];
      counts[digit] = total;
      total += count;
    }
    for (let j = 0; j < n; j++) {
      const slot = counts[(key[j] >>> shift) & 0xffff]++;
      nextHigh[slot] = high[j];
      nextLow[slot] = low[j];
      nextOrder[slot] = order[j];
    }
    [high, nextHigh] = [nextHigh, high];
    [low, nextLow] = [nextLow, low];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}

// Every selection of a backtest reads how many of all its rows churned: counted once per array.
const trueCounts = new WeakMap<readonly boolean[], number>();

function countTrue(values: readonly boolean[]): number {
  let count = trueCounts.get(values);
  if (count === undefined) {
    count = 0;
    for (const value of values) if (value) count++;
    trueCounts.set(values, count);
  }
  return count;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function assertPaired(scores: ArrayLike<number>, outcomes: readonly boolean[]): void {
  if (scores.length !== outcomes.length) {
    throw new RangeError(`scores has ${scores.length} entries, outcomes ${outcomes.length}`);
  }
  // A NaN would make every comparison false and the sort order, hence every metric, arbitrary.
  for (let i = 0; i < scores.length; i++) if (Number.isNaN(scores[i])) throw new RangeError("a score is NaN");
}
