import { type Interval, twoSidedT, twoSidedZ } from "./distributions";
import { MinHeap } from "./min-heap";

/** A debit, answered by a delight moment (treated) or left unanswered (control), with what followed. */
export type MatchItem = {
  id: string | number;
  /** Only items of the same stratum are compared, e.g. "support_ticket|MRR 100–500|onboarding". */
  stratum: string;
  balance: number;
  churned: boolean;
  balanceLater: number;
  mrrCents: number;
  /** What the delight moment cost; missing (or null) counts as 0 and is counted in treatedWithoutCost. */
  costCents?: number | null;
};

export type MatchedPair = { treated: MatchItem; control: MatchItem; gap: number };

export type MatchOptions = {
  /** The largest balance gap allowed inside a pair (inclusive). */
  caliper?: number;
  /** Fewer pairs than this and the report says there are too few to tell. */
  minPairs?: number;
  level?: number;
};

export type MatchComparison = {
  pairs: number;
  enoughPairs: boolean;
  /** Why the pairs are not enough, in plain words; null when they are. */
  reason: string | null;
  churnRateTreated: number | null;
  churnRateControl: number | null;
  /** Pairs where only the treated churned, and where only the control churned. */
  treatedOnlyChurned: number;
  controlOnlyChurned: number;
  /** Treated churn rate − control churn rate (negative: fewer churned after delight). */
  churnDifference: Interval | null;
  /** Mean over pairs of treated balanceLater − control balanceLater. */
  balanceLaterDifference: Interval | null;
  /** The cost of the matched treated items only (unmatched ones are not in the comparison). */
  totalCostCents: number;
  treatedWithoutCost: number;
  netRetainedMrrCents: number;
  /** totalCostCents ÷ netRetainedMrrCents (cost per unit of monthly revenue kept); null when nothing was kept. */
  costPerRetainedMrr: number | null;
};

export type DelightReport = MatchComparison & {
  matched: MatchedPair[];
  treatedTotal: number;
  unmatchedTreated: number;
};

// Balances are decayed sums, so a gap meant to equal the caliper can come out a few ulps above it.
const CALIPER_SLACK = 1e-9;

/** Matches treated to controls and compares them: `matchPairs` then `compareMatched`. */
export function delightEffect(
  treated: readonly MatchItem[],
  controls: readonly MatchItem[],
  { caliper = 1, minPairs = 30, level = 0.95 }: MatchOptions = {},
): DelightReport {
  const matched = matchPairs(treated, controls, caliper);
  const comparison = compareMatched(matched, { minPairs, level });
  const unmatchedTreated = treated.length - matched.length;
  const reason =
    comparison.reason !== null && unmatchedTreated > 0
      ? `${comparison.reason} ${unmatchedTreated} of ${treated.length} answered debits found no unanswered one ` +
        `of the same kind within ${caliper} balance point${caliper === 1 ? "" : "s"}.`
      : comparison.reason;
  return { ...comparison, reason, matched, treatedTotal: treated.length, unmatchedTreated };
}

/**
 * One control per treated item, same stratum, balance gap ≤ caliper, each control used once.
 * Greedy, closest pairs first: the smallest gap anywhere is matched first; equal gaps go to the lower
 * treated id, then the lower control id. Pairs come back ordered by stratum, then treated id.
 */
export function matchPairs(treated: readonly MatchItem[], controls: readonly MatchItem[], caliper = 1): MatchedPair[] {
  if (!(caliper >= 0 && Number.isFinite(caliper))) throw new RangeError(`a caliper is ≥ 0, got ${caliper}`);
  for (const item of [...treated, ...controls]) {
    if (!Number.isFinite(item.balance)) throw new RangeError(`item ${item.id} has no finite balance`);
  }
  const controlsByStratum = groupBy(controls, (c) => c.stratum);
  const pairs: MatchedPair[] = [];
  for (const [stratum, stratumTreated] of groupBy(treated, (t) => t.stratum)) {
    const pool = new ControlPool(controlsByStratum.get(stratum) ?? [], caliper + CALIPER_SLACK);
    for (const pair of pool.matchClosestFirst(stratumTreated)) pairs.push(pair);
  }
  return pairs.sort(
    (a, b) => compareText(a.treated.stratum, b.treated.stratum) || compareIds(a.treated.id, b.treated.id),
  );
}

/**
 * Compares matched pairs. Churn: d = (b − c) / n with b, c the discordant pairs (only treated / only control
 * churned) and the paired-proportion (McNemar) SE √(b + c − (b − c)²/n) / n, d ± z·SE clamped to [−1, 1].
 * Balance later: mean paired difference ± t(n−1) · sd / √n.
 */
export function compareMatched(
  pairs: readonly MatchedPair[],
  { minPairs = 30, level = 0.95 }: Omit<MatchOptions, "caliper"> = {},
): MatchComparison {
  const n = pairs.length;
  const treatedChurned = pairs.filter((p) => p.treated.churned).length;
  const controlChurned = pairs.filter((p) => p.control.churned).length;
  const treatedOnly = pairs.filter((p) => p.treated.churned && !p.control.churned);
  const controlOnly = pairs.filter((p) => p.control.churned && !p.treated.churned);
  const totalCostCents = pairs.reduce((sum, p) => sum + (p.treated.costCents ?? 0), 0);
  // The treated customer's MRR on both sides: what delight kept (control left) or did not keep (treated left).
  const netRetainedMrrCents =
    controlOnly.reduce((sum, p) => sum + p.treated.mrrCents, 0) -
    treatedOnly.reduce((sum, p) => sum + p.treated.mrrCents, 0);
  const enoughPairs = n >= minPairs;
  return {
    pairs: n,
    enoughPairs,
    reason: enoughPairs ? null : `Too few pairs to tell: ${n} matched, at least ${minPairs} needed.`,
    churnRateTreated: n === 0 ? null : treatedChurned / n,
    churnRateControl: n === 0 ? null : controlChurned / n,
    treatedOnlyChurned: treatedOnly.length,
    controlOnlyChurned: controlOnly.length,
    churnDifference: pairedProportionDifference(treatedOnly.length, controlOnly.length, n, level),
    balanceLaterDifference: pairedMeanDifference(
      pairs.map((p) => p.treated.balanceLater - p.control.balanceLater),
      level,
    ),
    totalCostCents,
    treatedWithoutCost: pairs.filter((p) => p.treated.costCents == null).length,
    netRetainedMrrCents,
    costPerRetainedMrr: netRetainedMrrCents > 0 ? totalCostCents / netRetainedMrrCents : null,
  };
}

/** (b − c) / n ± z · √(b + c − (b − c)²/n) / n, clamped to [−1, 1]; null without pairs. */
export function pairedProportionDifference(b: number, c: number, n: number, level = 0.95): Interval | null {
  if (n === 0) return null;
  const estimate = (b - c) / n;
  const standardError = Math.sqrt(Math.max(0, b + c - (b - c) ** 2 / n)) / n;
  const half = twoSidedZ(level) * standardError;
  return { estimate, standardError, lo: Math.max(-1, estimate - half), hi: Math.min(1, estimate + half) };
}

/** mean ± t(n−1) · s / √n over paired differences (s the sample standard deviation); null under 2 pairs. */
export function pairedMeanDifference(differences: readonly number[], level = 0.95): Interval | null {
  const n = differences.length;
  if (n < 2) return null;
  const mean = differences.reduce((sum, d) => sum + d, 0) / n;
  const variance = differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (n - 1);
  const standardError = Math.sqrt(variance / n);
  const half = twoSidedT(level, n - 1) * standardError;
  return { estimate: mean, standardError, lo: mean - half, hi: mean + half };
}

/**
 * The unused controls of one stratum, grouped by exact balance (sorted), each group's ids ascending.
 * Skip links jump over emptied groups, so finding the nearest unused control stays cheap as the pool drains.
 */
class ControlPool {
  private readonly balances: number[];
  private readonly groups: MatchItem[][];
  private readonly heads: number[];
  private readonly nextRight: number[];
  private readonly nextLeft: number[];

  constructor(
    controls: readonly MatchItem[],
    private readonly caliper: number,
  ) {
    const byBalance = groupBy(controls, (c) => c.balance);
    this.balances = [...byBalance.keys()].sort((a, b) => a - b);
    this.groups = this.balances.map((balance) =>
      [...(byBalance.get(balance) ?? [])].sort((a, b) => compareIds(a.id, b.id)),
    );
    this.heads = this.groups.map(() => 0);
    // nextRight[g]: first group ≥ g with controls left (groups.length if none); nextLeft[g + 1]: last ≤ g (−1 → 0).
    this.nextRight = Array.from({ length: this.groups.length + 1 }, (_, g) => g);
    this.nextLeft = Array.from({ length: this.groups.length + 1 }, (_, g) => g);
  }

  matchClosestFirst(treated: readonly MatchItem[]): MatchedPair[] {
    type Candidate = { item: MatchItem; control: MatchItem; group: number; gap: number };
    const queue = new MinHeap<Candidate>(
      (a, b) => a.gap - b.gap || compareIds(a.item.id, b.item.id) || compareIds(a.control.id, b.control.id),
    );
    const offer = (item: MatchItem) => {
      const found = this.nearest(item.balance);
      if (found) queue.push({ item, ...found });
    };
    treated.forEach(offer);
    const pairs: MatchedPair[] = [];
    for (let next = queue.pop(); next; next = queue.pop()) {
      // A candidate whose control was taken meanwhile is stale: look again for that treated item.
      if (this.groups[next.group][this.heads[next.group]] !== next.control) {
        offer(next.item);
        continue;
      }
      this.take(next.group);
      pairs.push({ treated: next.item, control: next.control, gap: next.gap });
    }
    return pairs;
  }

  private nearest(balance: number): { control: MatchItem; group: number; gap: number } | null {
    const position = lowerBound(this.balances, balance);
    const right = this.findRight(position);
    const left = this.findLeft(position - 1);
    const options = [left, right]
      .filter((g) => g >= 0 && g < this.groups.length)
      .map((group) => ({
        group,
        control: this.groups[group][this.heads[group]],
        gap: Math.abs(this.balances[group] - balance),
      }))
      .filter((o) => o.gap <= this.caliper)
      .sort((a, b) => a.gap - b.gap || compareIds(a.control.id, b.control.id));
    return options[0] ?? null;
  }

  private take(group: number): void {
    this.heads[group]++;
    if (this.heads[group] < this.groups[group].length) return;
    this.nextRight[group] = group + 1;
    this.nextLeft[group + 1] = group;
  }

  private findRight(group: number): number {
    let g = group;
    while (this.nextRight[g] !== g) {
      this.nextRight[g] = this.nextRight[this.nextRight[g]];
      g = this.nextRight[g];
    }
    return g;
  }

  /** The last group ≤ `group` with controls left, or −1; nextLeft is shifted by one so that −1 has a slot. */
  private findLeft(group: number): number {
    let slot = group + 1;
    while (this.nextLeft[slot] !== slot) {
      this.nextLeft[slot] = this.nextLeft[this.nextLeft[slot]];
      slot = this.nextLeft[slot];
    }
    return slot - 1;
  }
}

/** The first index whose value is ≥ target in an ascending array. */
function lowerBound(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Numbers compare as numbers, anything else by its text in code-unit order (not locale-dependent). */
function compareIds(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return compareText(String(a), String(b));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
