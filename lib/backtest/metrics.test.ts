import { describe, expect, it } from "vitest";
import {
  atThreshold,
  aucConfidenceInterval,
  baseRate,
  calibrationDeciles,
  isMonotoneRising,
  rankDescending,
  rocAuc,
  topFraction,
  topPerGroup,
} from "./metrics";

const T = true;
const F = false;

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

function bruteForceAuc(scores: number[], outcomes: boolean[]): number | null {
  let wins = 0;
  let pairs = 0;
  scores.forEach((p, i) => {
    if (!outcomes[i]) return;
    scores.forEach((n, j) => {
      if (outcomes[j]) return;
      pairs++;
      wins += p > n ? 1 : p === n ? 0.5 : 0;
    });
  });
  return pairs === 0 ? null : wins / pairs;
}

describe("ranking", () => {
  it("highest first, ties in input order, 0 and −0 tied: [2, −0, 5, 0, 2, −1] → 2, 0, 4, 1, 3, 5", () => {
    expect([...rankDescending([2, -0, 5, 0, 2, -1])]).toEqual([2, 0, 4, 1, 3, 5]);
  });

  it("equals a stable comparison sort on 200 seeded books of up to 2,000 scores, ties and infinities included", () => {
    const random = seeded(11);
    for (let book = 0; book < 200; book++) {
      const scores = Array.from({ length: Math.floor(random() * 2000) }, () =>
        random() < 0.02 ? -Infinity : Math.round(random() * 40) / 4 - 5,
      );
      const expected = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
      expect([...rankDescending(scores)]).toEqual(expected);
    }
  });

  it("orders scores that differ only in their last bits, and full-precision random scores of both signs, as a stable comparison sort", () => {
    const close = [1, 1 + Number.EPSILON, -1, -1 - 2 * Number.EPSILON, 1, Number.MIN_VALUE, -Number.MIN_VALUE, 0];
    expect([...rankDescending(close)]).toEqual([1, 0, 4, 5, 7, 6, 2, 3]);
    const random = seeded(5);
    const scores = Array.from({ length: 5000 }, () => (random() - 0.5) * 10 ** Math.floor(random() * 12 - 6));
    const expected = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
    expect([...rankDescending(scores)]).toEqual(expected);
  });

  it("an empty book ranks nobody", () => {
    expect([...rankDescending([])]).toEqual([]);
  });
});

describe("ROC AUC", () => {
  it("AUC of scores [0.9, 0.8, 0.8, 0.1] with outcomes [T, F, T, F] = (1 + 0.5 + 1 + 1) / 4 = 0.875", () => {
    expect(rocAuc([0.9, 0.8, 0.8, 0.1], [T, F, T, F])).toBeCloseTo(0.875, 12);
  });

  it("every churner above every non-churner = 1; the reverse = 0", () => {
    expect(rocAuc([4, 3, 2, 1], [T, T, F, F])).toBe(1);
    expect(rocAuc([4, 3, 2, 1], [F, F, T, T])).toBe(0);
  });

  it("all scores tied: every pair counts half = 0.5", () => {
    expect(rocAuc([7, 7, 7, 7, 7], [T, F, F, T, F])).toBe(0.5);
  });

  it("is null without churners, without non-churners, and for an empty book", () => {
    expect(rocAuc([0.3, 0.2], [F, F])).toBeNull();
    expect(rocAuc([0.3, 0.2], [T, T])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
  });

  it("equals the O(n²) pairwise count on 300 seeded random books, ties included", () => {
    const random = seeded(42);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(random() * 40);
      // Scores on a 0.0–1.0 grid of 11 values, so most books have ties.
      const scores = Array.from({ length: n }, () => Math.round(random() * 10) / 10);
      const outcomes = Array.from({ length: n }, () => random() < 0.3);
      const expected = bruteForceAuc(scores, outcomes);
      const actual = rocAuc(scores, outcomes);
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, 12);
    }
  });

  it("refuses scores and outcomes of different lengths, and NaN scores", () => {
    expect(() => rocAuc([1, 2], [T])).toThrow(RangeError);
    expect(() => rocAuc([1, Number.NaN], [T, F])).toThrow(RangeError);
  });
});

describe("Hanley–McNeil AUC interval", () => {
  it("A = 0.8, P = 10, N = 20: SE² = (0.16 + 9·(0.8/1.2 − 0.64) + 19·(1.28/1.8 − 0.64)) / 200 = 0.0087556", () => {
    const interval = aucConfidenceInterval(0.8, 10, 20);
    expect(interval?.standardError).toBeCloseTo(0.0935711, 6);
    // 0.8 ± 1.959964 · 0.0935711 = 0.8 ± 0.18340
    expect(interval?.lo).toBeCloseTo(0.616604, 5);
    expect(interval?.hi).toBeCloseTo(0.983396, 5);
  });

  it("a 90% interval uses z = 1.644854: 0.8 ± 0.15391", () => {
    const interval = aucConfidenceInterval(0.8, 10, 20, 0.9);
    expect(interval?.lo).toBeCloseTo(0.8 - 1.644854 * 0.0935711, 5);
  });

  it("A = 0.95 with 3 and 3: SE = 0.10451, 0.95 + 0.2048 = 1.155 is clamped to 1", () => {
    const interval = aucConfidenceInterval(0.95, 3, 3);
    expect(interval?.standardError).toBeCloseTo(0.1045126, 6);
    expect(interval?.lo).toBeCloseTo(0.745159, 5);
    expect(interval?.hi).toBe(1);
  });

  it("A = 1 gives SE = 0 and the interval [1, 1]: the method's known blind spot at a perfect ranking", () => {
    expect(aucConfidenceInterval(1, 5, 5)).toEqual({ estimate: 1, standardError: 0, lo: 1, hi: 1 });
  });

  it("is null for a null AUC or an empty class, so rocAuc's result can be passed straight in", () => {
    expect(aucConfidenceInterval(null, 5, 5)).toBeNull();
    expect(aucConfidenceInterval(0.7, 0, 5)).toBeNull();
  });
});

describe("base rate", () => {
  it("3 churners of 12 = 0.25; an empty book has none", () => {
    expect(baseRate([T, T, T, F, F, F, F, F, F, F, F, F])).toBe(0.25);
    expect(baseRate([])).toBeNull();
  });
});

describe("top fraction of the ranking", () => {
  // 20 customers, 4 churners (base rate 0.2); the two highest scores are index 3 (churned) and index 10 (not).
  const scores = [
    0.1, 0.3, 0.2, 0.99, 0.4, 0.5, 0.15, 0.6, 0.25, 0.35, 0.95, 0.45, 0.05, 0.55, 0.65, 0.7, 0.8, 0.75, 0.12, 0.22,
  ];
  const outcomes = [F, F, F, T, F, F, F, T, F, F, F, F, T, F, F, F, F, F, F, T];

  it("top 10% of 20 = 2 flagged, 1 churner: precision 0.5, recall 1/4, lift 0.5 / 0.2 = 2.5", () => {
    expect(topFraction(scores, outcomes, 0.1)).toEqual({
      flagged: 2,
      hits: 1,
      precision: 0.5,
      recall: 0.25,
      lift: 2.5,
    });
  });

  it("ties at the cut go by input order: scores [5, 7, 7, 1], top 25% = 1 flags index 1 (not churned), not 2", () => {
    expect(topFraction([5, 7, 7, 1], [F, F, T, F], 0.25)).toMatchObject({ flagged: 1, hits: 0 });
    expect(topFraction([5, 7, 7, 1], [F, F, T, F], 0.5)).toMatchObject({ flagged: 2, hits: 1 });
  });

  it("flags exactly ceil(fraction · n): 15% of 10 = 2; 7% of 100 = 7 though 0.07 · 100 = 7.000000000000001", () => {
    expect(topFraction(new Array(10).fill(1), new Array(10).fill(F), 0.15).flagged).toBe(2);
    expect(topFraction(new Array(100).fill(1), new Array(100).fill(F), 0.07).flagged).toBe(7);
  });

  it("0% flags nobody: precision and lift are null, recall 0", () => {
    expect(topFraction(scores, outcomes, 0)).toEqual({ flagged: 0, hits: 0, precision: null, recall: 0, lift: null });
  });

  it("a book without churners has no recall or lift", () => {
    expect(topFraction([3, 2, 1], [F, F, F], 0.5)).toEqual({
      flagged: 2,
      hits: 0,
      precision: 0,
      recall: null,
      lift: null,
    });
  });

  it("refuses a fraction outside [0, 1]", () => {
    expect(() => topFraction([1], [T], 1.5)).toThrow(RangeError);
  });
});

describe("at a score threshold", () => {
  it("score ≥ 0.5 on [0.2, 0.5, 0.5, 0.9] / [F, T, F, T]: 3 flagged, 2 hits, precision 2/3, recall 1, lift 4/3", () => {
    const result = atThreshold([0.2, 0.5, 0.5, 0.9], [F, T, F, T], 0.5);
    expect(result).toMatchObject({ flagged: 3, hits: 2, recall: 1 });
    expect(result.precision).toBeCloseTo(2 / 3, 12);
    expect(result.lift).toBeCloseTo(4 / 3, 12);
  });
});

describe("top n per group", () => {
  it("top 2 of anna [9T, 8F, 7T], ben [3F, 2T], none [5T]: 5 flagged, 3 hits of 4; lift 0.6 / (4/6) = 0.9", () => {
    const result = topPerGroup([9, 8, 7, 3, 2, 5], [T, F, T, F, T, T], ["anna", "anna", "anna", "ben", "ben", null], 2);
    expect(result).toMatchObject({ flagged: 5, hits: 3, precision: 0.6, recall: 0.75 });
    expect(result.lift).toBeCloseTo(0.9, 12);
  });

  it("ties inside a group go by input order: top 1 of [4F, 4T] flags the first", () => {
    expect(topPerGroup([4, 4], [F, T], [1, 1], 1)).toMatchObject({ flagged: 1, hits: 0 });
  });

  it("refuses groups of another length", () => {
    expect(() => topPerGroup([1, 2], [T, F], ["a"], 1)).toThrow(RangeError);
  });
});

describe("calibration bins", () => {
  // Scores 1..20 in the input order 1, 8, 15, 2, 9, … (7k mod 20 + 1); churned: 4, 6, 8, 10, 12 and 13–20.
  const scores = Array.from({ length: 20 }, (_, k) => ((7 * k) % 20) + 1);
  const churnedScores = new Set([4, 6, 8, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  const outcomes = scores.map((s) => churnedScores.has(s));

  it("20 customers in 10 bins of 2 by score: rates 0, ½ ×5, 1 ×4, bin 1 holds scores 1–2 (mean 1.5)", () => {
    const bins = calibrationDeciles(scores, outcomes);
    expect(bins.map((b) => b.customers)).toEqual(new Array(10).fill(2));
    expect(bins.map((b) => b.churnRate)).toEqual([0, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1]);
    expect(bins[0]).toEqual({
      bin: 1,
      customers: 2,
      minScore: 1,
      maxScore: 2,
      meanScore: 1.5,
      churned: 0,
      churnRate: 0,
    });
    expect(bins[9]).toMatchObject({ minScore: 19, maxScore: 20, churned: 2 });
  });

  it("rates 0, ½, …, 1 rise (equal neighbours allowed); moving the churn of score 4 to score 1 breaks it", () => {
    expect(isMonotoneRising(calibrationDeciles(scores, outcomes).map((b) => b.churnRate))).toBe(true);
    const moved = scores.map((s) => (s === 1 ? true : s === 4 ? false : churnedScores.has(s)));
    // Bin 1 (scores 1, 2) now churns ½ and bin 2 (scores 3, 4) 0: a fall.
    expect(
      calibrationDeciles(scores, moved)
        .map((b) => b.churnRate)
        .slice(0, 2),
    ).toEqual([0.5, 0]);
    expect(isMonotoneRising(calibrationDeciles(scores, moved).map((b) => b.churnRate))).toBe(false);
  });

  it("ties share a bin, placed by their middle rank: [1, 2, 3, 3, 3, 4, 5, 6, 7, 8] in 5 bins → 2, 3, 1, 2, 2", () => {
    const bins = calibrationDeciles([1, 2, 3, 3, 3, 4, 5, 6, 7, 8], new Array(10).fill(F), 5);
    expect(bins.map((b) => [b.minScore, b.maxScore, b.customers])).toEqual([
      [1, 2, 2],
      [3, 3, 3],
      [4, 4, 1],
      [5, 6, 2],
      [7, 8, 2],
    ]);
  });

  it("one score for all 10 customers gives one bin, numbered 1", () => {
    const bins = calibrationDeciles(new Array(10).fill(0.5), [T, F, F, F, F, F, F, F, F, F]);
    expect(bins).toEqual([
      { bin: 1, customers: 10, minScore: 0.5, maxScore: 0.5, meanScore: 0.5, churned: 1, churnRate: 0.1 },
    ]);
  });

  it("fewer customers than bins: 3 customers in 10 bins → 3 bins of one; none → no bins", () => {
    expect(calibrationDeciles([0.3, 0.1, 0.2], [T, F, F]).map((b) => b.meanScore)).toEqual([0.1, 0.2, 0.3]);
    expect(calibrationDeciles([], [])).toEqual([]);
  });
});

describe("monotone rise", () => {
  it("[0, 0.5, 0.5, 1] rises; [0, 0.5, 0.4] does not, unless a 0.1 dip is tolerated", () => {
    expect(isMonotoneRising([0, 0.5, 0.5, 1])).toBe(true);
    expect(isMonotoneRising([0, 0.5, 0.4])).toBe(false);
    expect(isMonotoneRising([0, 0.5, 0.4], 0.1 + 1e-12)).toBe(true);
  });

  it("calibration copes with a book-sized tie: 300,000 customer-months scored 0 (5,000 churned) and 1,000 scored 9 are two bins of 300,000 and 1,000", () => {
    const scores = [...new Array<number>(300_000).fill(0), ...new Array<number>(1_000).fill(9)];
    const outcomes = scores.map((score, i) => (score === 0 ? i < 5_000 : i % 2 === 0));
    const bins = calibrationDeciles(scores, outcomes);
    expect(bins.map((b) => [b.customers, b.churned])).toEqual([
      [300_000, 5_000],
      [1_000, 500],
    ]);
  });
});
