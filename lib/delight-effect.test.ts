import { createTranslator } from "next-intl";
import { compileCatalog } from "@/lib/i18n/compile-catalog";
import { describe, expect, it } from "vitest";
import type { DelightReport } from "@/lib/backtest/matching";
import en from "@/messages/en";
import { delightVerdict, mrrBand } from "./delight-effect";

const report = (overrides: Partial<DelightReport>): DelightReport =>
  ({
    enoughPairs: true,
    reason: null,
    pairs: 40,
    treatedTotal: 40,
    unmatchedTreated: 0,
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
    expect(delightVerdict(report({ churnDifference: interval(-0.1, -0.01) }))).toEqual({ kind: "fewer" });
    expect(delightVerdict(report({ churnDifference: interval(0.01, 0.1) }))).toEqual({ kind: "more" });
    expect(delightVerdict(report({ churnDifference: interval(-0.05, 0.05) }))).toEqual({ kind: "noDifference" });
    expect(delightVerdict(report({ churnDifference: null }))).toEqual({ kind: "tooFew" });
    expect(
      delightVerdict(
        report({ enoughPairs: false, pairs: 2, treatedTotal: 5, unmatchedTreated: 3, churnDifference: null }),
      ),
    ).toEqual({ kind: "tooFewPairs", pairs: 2, minPairs: 30, unmatched: 3, answered: 5, caliper: 1 });
  });

  it("the English catalog says the verdicts as the page always has", () => {
    const t = createTranslator({ locale: "en", messages: compileCatalog(en), namespace: "delight" });
    expect(t("verdict.fewer")).toMatch(/^Fewer churned/);
    expect(t("verdict.more")).toMatch(/^More churned/);
    expect(t("verdict.noDifference")).toMatch(/^No difference/);
    expect(t("verdict.tooFewPairs", { pairs: "2", minPairs: "30" })).toBe(
      "Too few pairs to tell: 2 matched, at least 30 needed.",
    );
    expect(t("verdict.unmatched", { unmatched: "3", answered: "5", caliper: 1 })).toBe(
      "3 of 5 answered debits found no unanswered one of the same kind within 1 balance point.",
    );
  });
});
