import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { DEFAULT_PROXY_TYPES, type ScoringConfig } from "@/lib/scoring-version";
import { describeFittedModel, fitRiskWeights, riskTerms, scoreAtPair } from "./fit";
import { type FeatureRow, handScore } from "./score";

const base: ScoringConfig = {
  kind: "hand",
  ledger: DEFAULT_SETTINGS.ledger,
  risk: DEFAULT_SETTINGS.risk,
  typeWeights: { complaint: -3 },
  proxyTypes: DEFAULT_PROXY_TYPES,
  model: null,
};

function row(overrides: Partial<FeatureRow> = {}): FeatureRow {
  return {
    cutoff: new Date("2026-01-01T00:00:00Z"),
    customerId: 1,
    ownerId: null,
    mrrCents: 10_000,
    paying: true,
    active: true,
    tenureDays: 300,
    credit: [4, 4],
    debt: [-1, -2],
    recentCredit: [1, 1],
    recentDebt: [-1, -2],
    silentDays: 3,
    unanswered: 0,
    inbound90: 10,
    churned: false,
    ...overrides,
  };
}

describe("riskTerms", () => {
  it("a version's score is its four weights times the four terms: the same number handScore gives (debt 6, silent 40 days, fatigued)", () => {
    const r = row({ credit: [1, 1], debt: [-7, -7], silentDays: 40, unanswered: 5 });
    const halfLives = { credit: base.ledger.creditHalfLifeDays, debt: base.ledger.debtHalfLifeDays };
    const terms = riskTerms(r, halfLives, base.risk);
    expect(terms[0]).toBeCloseTo(6, 9);
    expect(terms[2]).toBeCloseTo(Math.min(3, (40 - base.risk.silenceDays) / base.risk.silenceDays), 9);
    expect(terms[3]).toBe(1);
    expect(scoreAtPair(r, base, 0)).toBeCloseTo(handScore(r, base), 9);
  });

  it("a churned customer has no risk inputs", () => {
    expect(riskTerms(row({ active: false, debt: [-50, -50] }), { credit: 30, debt: 90 }, base.risk)).toEqual([
      0, 0, 0, 0,
    ]);
  });
});

describe("fitRiskWeights", () => {
  // Churn follows silence alone; fatigue is set on the customers who stay, so it points the wrong way.
  const cutoffs = ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"].map((d) => new Date(`${d}T00:00:00Z`));
  const rows: FeatureRow[] = cutoffs.flatMap((cutoff) =>
    Array.from({ length: 200 }, (_, i) => {
      const silentDays = (i * 7) % 60;
      const churned = silentDays > 40 ? i % 3 !== 0 : i % 17 === 0;
      return row({ cutoff, customerId: i, silentDays, churned, unanswered: churned ? 0 : i % 5 });
    }),
  );
  const fit = fitRiskWeights(rows, {
    base,
    pairs: [
      { credit: 30, debt: 90 },
      { credit: 14, debt: 30 },
    ],
    trainCutoffs: cutoffs.slice(0, 3),
    horizonDays: 90,
  });

  it("weighs silence, which decides churn here, and sets the wrong-way fatigue to 0 and says so", () => {
    expect(fit.config.kind).toBe("fitted");
    expect(fit.config.risk.silenceWeight).toBeGreaterThan(0.5);
    expect(fit.config.risk.fatigueWeight).toBe(0);
    expect(fit.zeroed).toContain("fatigue");
    expect(describeFittedModel(fit.config).at(-1)).toMatch(/^In this model, being fatigued .* It points the wrong way/);
  });

  it("trains on the earlier cutoffs, validates on the rest, and keeps the rest of the base version", () => {
    expect(fit.config.model?.trainedOn).toMatchObject({
      cutoffs: ["2026-01-01", "2026-02-01", "2026-03-01"],
      rows: 600,
    });
    expect(fit.config.model?.validatedOn.cutoffs).toEqual(["2026-04-01"]);
    expect(fit.config.model?.validatedOn.auc).toBeGreaterThan(0.75);
    expect(fit.config.typeWeights).toEqual(base.typeWeights);
    expect(fit.config.risk.silenceDays).toBe(base.risk.silenceDays);
  });

  it("each coefficient reads as a sentence in the units a CSM knows", () => {
    expect(describeFittedModel(fit.config)[2]).toMatch(
      /^In this model, each 14 days of silence past the first 14 days adds \+\d+\.\d\d to the log-odds of churn/,
    );
  });

  it("refuses a history with no churn to learn from", () => {
    expect(() =>
      fitRiskWeights(
        rows.map((r) => ({ ...r, churned: false })),
        { base, pairs: [{ credit: 30, debt: 90 }], trainCutoffs: cutoffs.slice(0, 3), horizonDays: 90 },
      ),
    ).toThrow(RangeError);
  });
});
