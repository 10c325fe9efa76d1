import { describe, expect, it } from "vitest";
import {
  compareMatched,
  delightEffect,
  type MatchedPair,
  type MatchItem,
  matchPairs,
  pairedMeanDifference,
  pairedProportionDifference,
} from "./matching";

function item(id: string | number, balance: number, extra: Partial<MatchItem> = {}): MatchItem {
  return {
    id,
    stratum: "ticket|small|onboarding",
    balance,
    churned: false,
    balanceLater: 0,
    mrrCents: 10_000,
    ...extra,
  };
}

/** mulberry32: a small seeded generator, so the property check runs the same inputs every time. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The rule written the slow way: repeatedly take the smallest (gap, treated id, control id) still free. */
function naiveClosestFirst(treated: MatchItem[], controls: MatchItem[], caliper: number): [number, number][] {
  const free = new Set(controls);
  const waiting = new Set(treated);
  const pairs: [number, number][] = [];
  for (;;) {
    let best: [number, MatchItem, MatchItem] | null = null;
    for (const t of waiting) {
      for (const c of free) {
        const gap = Math.abs(t.balance - c.balance);
        if (c.stratum !== t.stratum || gap > caliper) continue;
        const candidate: [number, MatchItem, MatchItem] = [gap, t, c];
        if (
          best === null ||
          gap < best[0] ||
          (gap === best[0] && (t.id < best[1].id || (t.id === best[1].id && c.id < best[2].id)))
        ) {
          best = candidate;
        }
      }
    }
    if (best === null) break;
    waiting.delete(best[1]);
    free.delete(best[2]);
    pairs.push([Number(best[1].id), Number(best[2].id)]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

function pairIds(pairs: readonly MatchedPair[]): [string | number, string | number][] {
  return pairs.map((p) => [p.treated.id, p.control.id]);
}

describe("matching answered debits to unanswered ones", () => {
  it("caliper 1: a gap of 1.5 is not matched; caliper 2 matches it", () => {
    expect(matchPairs([item("t", 0)], [item("c", 1.5)])).toEqual([]);
    expect(pairIds(matchPairs([item("t", 0)], [item("c", 1.5)], 2))).toEqual([["t", "c"]]);
  });

  it("the caliper is inclusive, even when 4.9 − 3.9 comes out as 1.0000000000000004", () => {
    expect(pairIds(matchPairs([item("t", -4.9)], [item("c", -3.9)], 1))).toEqual([["t", "c"]]);
  });

  it("only the same stratum: an equal balance in another stratum is no match", () => {
    const treated = [item("t", 0, { stratum: "ticket|small|onboarding" })];
    expect(matchPairs(treated, [item("c", 0, { stratum: "ticket|large|onboarding" })])).toEqual([]);
  });

  it("takes the nearest balance: treated at 0 with controls at 0.8, −0.3, 0.5 gets −0.3 (gap 0.3)", () => {
    const pairs = matchPairs([item("t", 0)], [item("a", 0.8), item("b", -0.3), item("c", 0.5)]);
    expect(pairIds(pairs)).toEqual([["t", "b"]]);
    expect(pairs[0].gap).toBeCloseTo(0.3, 12);
  });

  it("without replacement: two treated at 0, one control → one pair, to the lower treated id", () => {
    expect(pairIds(matchPairs([item(2, 0), item(1, 0)], [item("c", 0.2)]))).toEqual([[1, "c"]]);
  });

  it("equally near controls on both sides (−0.5 and +0.5): the lower id, 'a', wins", () => {
    expect(pairIds(matchPairs([item("t", 0)], [item("b", 0.5), item("a", -0.5)]))).toEqual([["t", "a"]]);
  });

  it("equally near controls at one balance below: ids 7 and 4 at 1 for a treated at 2 → 4, then 7", () => {
    const pairs = matchPairs([item("t1", 2), item("t2", 2)], [item(7, 1), item(4, 1)]);
    expect(pairIds(pairs)).toEqual([
      ["t1", 4],
      ["t2", 7],
    ]);
  });

  it("closest pairs first: t1 (0), t2 (0.1) both 0.05 from c1; t1 wins the tie by id, t2 gets c2 (0.5)", () => {
    const pairs = matchPairs([item("t2", 0.1), item("t1", 0)], [item("c2", 0.5), item("c1", 0.05)]);
    expect(pairIds(pairs)).toEqual([
      ["t1", "c1"],
      ["t2", "c2"],
    ]);
    expect(pairs[1].gap).toBeCloseTo(0.4, 12);
  });

  it("closest first can leave unmatched what another order would pair: t2–c1 (0.1) goes before t1–c1 (0.4)", () => {
    // t1 at 0, t2 at 0.5, c1 at 0.4, c2 at 1.2: after t2 takes c1, c2 is 1.2 from t1, outside the caliper.
    const pairs = matchPairs([item("t1", 0), item("t2", 0.5)], [item("c1", 0.4), item("c2", 1.2)]);
    expect(pairIds(pairs)).toEqual([["t2", "c1"]]);
  });

  it("equals the slow pairwise closest-first rule on 200 seeded random books (ties on a 0.5 grid, 2 strata)", () => {
    const random = seeded(7);
    for (let trial = 0; trial < 200; trial++) {
      const make = (count: number, firstId: number) =>
        Array.from({ length: count }, (_, k) =>
          item(firstId + k, Math.round(random() * 8) / 2, { stratum: random() < 0.5 ? "a" : "b" }),
        );
      const treated = make(Math.floor(random() * 12), 0);
      const controls = make(Math.floor(random() * 12), 100);
      const caliper = [0, 0.5, 1, 2][trial % 4];
      const fast = matchPairs(treated, controls, caliper).map((p) => [Number(p.treated.id), Number(p.control.id)]);
      expect(fast.sort((a, b) => a[0] - b[0])).toEqual(naiveClosestFirst(treated, controls, caliper));
    }
  });

  it("the result does not depend on the input order", () => {
    const treated = [item("t1", 0), item("t2", 0.3), item("t3", 0.35), item("t4", 2, { stratum: "other" })];
    const controls = [item("c1", 0.3), item("c2", 0.1), item("c3", 1), item("c4", 2.5, { stratum: "other" })];
    const forward = pairIds(matchPairs(treated, controls));
    expect(pairIds(matchPairs([...treated].reverse(), [...controls].reverse()))).toEqual(forward);
    expect(forward).toEqual([
      ["t4", "c4"],
      ["t1", "c2"],
      ["t2", "c1"],
      ["t3", "c3"],
    ]);
  });
});

describe("paired confidence intervals", () => {
  it("10 pairs, b = 1 only-treated, c = 4 only-control: d = −0.3, SE = √(5 − 0.9)/10 → [−0.6969, 0.0969]", () => {
    const interval = pairedProportionDifference(1, 4, 10);
    expect(interval?.estimate).toBeCloseTo(-0.3, 12);
    expect(interval?.standardError).toBeCloseTo(0.2024846, 6);
    expect(interval?.lo).toBeCloseTo(-0.6968625, 6);
    expect(interval?.hi).toBeCloseTo(0.0968625, 6);
  });

  it("balance differences [2, 4, 6, 0]: mean 3, s² = 20/3, SE = 1.29099, t(3) = 3.18245 → [−1.1085, 7.1085]", () => {
    const interval = pairedMeanDifference([2, 4, 6, 0]);
    expect(interval?.estimate).toBe(3);
    expect(interval?.standardError).toBeCloseTo(1.2909944, 6);
    expect(interval?.lo).toBeCloseTo(-1.1085205, 5);
    expect(interval?.hi).toBeCloseTo(7.1085205, 5);
  });

  it("no pairs, or one pair for a mean difference, give no interval", () => {
    expect(pairedProportionDifference(0, 0, 0)).toBeNull();
    expect(pairedMeanDifference([1])).toBeNull();
  });
});

describe("comparing matched pairs", () => {
  // 10 pairs: 1 where only the treated churned (MRR 500.00), 4 only the control (treated MRR 200.00 each),
  // 1 both, 4 neither. Each treated cost 10.00, except one with no cost recorded.
  const pairs: MatchedPair[] = Array.from({ length: 10 }, (_, i) => {
    const treatedChurned = i === 0 || i === 5;
    const controlChurned = (i >= 1 && i <= 4) || i === 5;
    return {
      treated: item(`t${i}`, 0, {
        churned: treatedChurned,
        mrrCents: i === 0 ? 50_000 : 20_000,
        costCents: i === 9 ? undefined : 1_000,
        balanceLater: [2, 4, 6, 0][i % 4],
      }),
      control: item(`c${i}`, 0, { churned: controlChurned }),
      gap: 0,
    };
  });

  it("churn 2/10 treated vs 5/10 control; difference −0.3 with the paired interval above", () => {
    const report = compareMatched(pairs, { minPairs: 10 });
    expect(report).toMatchObject({
      pairs: 10,
      enoughPairs: true,
      reason: null,
      churnRateTreated: 0.2,
      churnRateControl: 0.5,
      treatedOnlyChurned: 1,
      controlOnlyChurned: 4,
    });
    expect(report.churnDifference?.lo).toBeCloseTo(-0.6968625, 6);
  });

  it("cost per retained MRR: 9 × 10.00 = 90.00 ÷ (4 × 200.00 − 500.00 = 300.00) = 0.3; one treated has no cost", () => {
    const report = compareMatched(pairs, { minPairs: 10 });
    expect(report).toMatchObject({ totalCostCents: 9_000, netRetainedMrrCents: 30_000, treatedWithoutCost: 1 });
    expect(report.costPerRetainedMrr).toBeCloseTo(0.3, 12);
  });

  it("when the treated lost more MRR than they kept (500.00 − 200.00 > 0 lost), cost per retained MRR is null", () => {
    const report = compareMatched(pairs.slice(0, 2));
    expect(report.netRetainedMrrCents).toBe(20_000 - 50_000);
    expect(report.costPerRetainedMrr).toBeNull();
  });

  it("enoughPairs is false below the minimum (10 < 30 by default), with a plain reason", () => {
    const report = compareMatched(pairs);
    expect(report.enoughPairs).toBe(false);
    expect(report.reason).toBe("Too few pairs to tell: 10 matched, at least 30 needed.");
  });
});

describe("did delight work (match, then compare)", () => {
  it("3 answered debits, 2 matched within the caliper: too few, and says how many found no match", () => {
    const report = delightEffect(
      [item("t1", 0), item("t2", 5), item("t3", 1)],
      [item("c1", 0.2), item("c2", 1.1), item("c3", 9)],
      { minPairs: 3 },
    );
    expect(report).toMatchObject({ pairs: 2, treatedTotal: 3, unmatchedTreated: 1, enoughPairs: false });
    expect(report.reason).toBe(
      "Too few pairs to tell: 2 matched, at least 3 needed. 1 of 3 answered debits found no unanswered one " +
        "of the same kind within 1 balance point.",
    );
  });

  it("with enough pairs the report carries them and no reason", () => {
    const report = delightEffect([item("t1", 0), item("t2", 1)], [item("c1", 0.2), item("c2", 1.1)], { minPairs: 2 });
    expect(report.enoughPairs).toBe(true);
    expect(report.reason).toBeNull();
    expect(pairIds(report.matched)).toEqual([
      ["t1", "c1"],
      ["t2", "c2"],
    ]);
  });
});
