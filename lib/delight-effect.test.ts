import { describe, expect, it } from "vitest";
import type { DelightReport } from "@/lib/backtest/matching";
import { delightVerdict, mrrBand } from "./delight-effect";

const report = (overrides: Partial<DelightReport>): DelightReport =>
  ({
    enoughPairs: true,
    reason: null,
    churnDifference: { estimate: 0, standardError: 0.01, lo: -0.02, hi: 0.02 },
    ...overrides,
  }) as DelightReport;

describe("delight effect in words", () => {
  it("MRR bands start at $0, $100, $500 and $2,000", () => {
    expect([0, 9_999, 10_000, 49_999, 50_000, 199_999, 200_000].map(mrrBand)).toEqual([
      "MRR under $100",
      "MRR under $100",
      "MRR $100–499",
      "MRR $100–499",
      "MRR $500–1,999",
      "MRR $500–1,999",
      "MRR $2,000 and up",
    ]);
  });

  it("an interval below zero says fewer churned, above zero more, across zero no difference, and too few pairs says why", () => {
    const interval = (lo: number, hi: number) => ({ estimate: (lo + hi) / 2, standardError: 0.01, lo, hi });
    expect(delightVerdict(report({ churnDifference: interval(-0.1, -0.01) }))).toMatch(/^Fewer churned/);
    expect(delightVerdict(report({ churnDifference: interval(0.01, 0.1) }))).toMatch(/^More churned/);
    expect(delightVerdict(report({ churnDifference: interval(-0.05, 0.05) }))).toMatch(/^No difference/);
    expect(
      delightVerdict(report({ enoughPairs: false, reason: "Too few pairs to tell: 2 matched, at least 30 needed." })),
    ).toBe("Too few pairs to tell: 2 matched, at least 30 needed.");
  });
});
