import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/demo/random";
import { calibrationDeciles, rocAuc, topFraction, topPerGroup } from "./metrics";
import { backtestReport } from "./report";
import type { FeatureRow } from "./score";

// 3 cutoffs × 400 customers with coarse scores (many ties) and 4 owners, outcomes loosely tied to the score.
const random = createRandom(11);
const rows: FeatureRow[] = ["2026-01-01", "2026-02-01", "2026-03-01"].flatMap((day) =>
  Array.from({ length: 400 }, (_, i) => {
    const score = Math.floor(random.next() * 8);
    return {
      cutoff: new Date(`${day}T00:00:00Z`),
      customerId: i,
      ownerId: i % 4 === 3 ? null : i % 4,
      mrrCents: score,
      paying: true,
      active: true,
      tenureDays: 0,
      credit: [0],
      debt: [0],
      recentCredit: [0],
      recentDebt: [0],
      silentDays: null,
      unanswered: 0,
      inbound90: 0,
      churned: random.next() < 0.05 + score * 0.03,
    };
  }),
);
const scorer = { key: "mrr", label: "MRR", score: (row: FeatureRow) => row.mrrCents };

describe("backtestReport", () => {
  const [report] = backtestReport(rows, [scorer], 90).scorers;

  it("the top 10% and each owner's top 25 are taken per cutoff, ties in input order, and pooled (checked cutoff by cutoff with the plain metrics)", () => {
    let flagged = 0;
    let hits = 0;
    let ownerFlagged = 0;
    let ownerHits = 0;
    for (const day of ["2026-01-01", "2026-02-01", "2026-03-01"]) {
      const part = rows.filter((row) => row.cutoff.toISOString().startsWith(day));
      const scores = part.map(scorer.score);
      const outcomes = part.map((row) => row.churned);
      const top = topFraction(scores, outcomes, 0.1);
      const perOwner = topPerGroup(
        scores,
        outcomes,
        part.map((row) => row.ownerId),
        25,
      );
      flagged += top.flagged;
      hits += top.hits;
      ownerFlagged += perOwner.flagged;
      ownerHits += perOwner.hits;
      expect(report.perCutoff.find((c) => c.cutoff === day)?.auc).toBeCloseTo(rocAuc(scores, outcomes) ?? NaN, 12);
    }
    expect({ flagged: report.topDecile.flagged, hits: report.topDecile.hits }).toEqual({ flagged, hits });
    expect({ flagged: report.topPerOwner.flagged, hits: report.topPerOwner.hits }).toEqual({
      flagged: ownerFlagged,
      hits: ownerHits,
    });
    expect(flagged).toBe(3 * 40);
  });

  it("the pooled AUC and the calibration bins are those of every row at once", () => {
    const scores = rows.map(scorer.score);
    const outcomes = rows.map((row) => row.churned);
    expect(report.auc).toBeCloseTo(rocAuc(scores, outcomes) ?? NaN, 12);
    expect(report.calibration).toEqual(calibrationDeciles(scores, outcomes));
  });
});
