import { describe, expect, it } from "vitest";
import { coefficientsInRawUnits, describeEffect, fitLogistic, logitContributions, predictLogistic } from "./logistic";

const T = true;
const F = false;

/** mulberry32: a small seeded generator, so the synthetic book is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("fitting a logistic score", () => {
  // x = 0: 1 of 4 churned; x = 1: 3 of 4. Unpenalised, the fit reproduces both rates exactly.
  const rows = [[0], [0], [0], [0], [1], [1], [1], [1]];
  const outcomes = [T, F, F, F, T, T, T, F];

  it("one binary feature, l2 = 0: raw intercept ln(1/3) = −1.0986, slope ln 3 − ln(1/3) = 2.1972", () => {
    const raw = coefficientsInRawUnits(fitLogistic(rows, outcomes, { l2: 0 }));
    expect(raw.intercept).toBeCloseTo(Math.log(1 / 3), 8);
    expect(raw.perUnit[0]).toBeCloseTo(2 * Math.log(3), 8);
  });

  it("standardised (mean 0.5, scale 0.5): intercept 0 at the mean, coefficient 2 ln 3 · 0.5 = ln 3 per SD", () => {
    const model = fitLogistic(rows, outcomes, { l2: 0 });
    expect(model).toMatchObject({ means: [0.5], scales: [0.5], converged: true });
    expect(model.intercept).toBeCloseTo(0, 8);
    expect(model.coefficients[0]).toBeCloseTo(Math.log(3), 8);
    expect(model.iterations).toBeLessThan(10);
  });

  it("predicts 1/4 for x = 0 and 3/4 for x = 1; x = 1 contributes +ln 3 = +1.0986 to the log-odds", () => {
    const model = fitLogistic(rows, outcomes, { l2: 0 });
    expect(predictLogistic(model, [0])).toBeCloseTo(0.25, 8);
    expect(predictLogistic(model, [1])).toBeCloseTo(0.75, 8);
    expect(logitContributions(model, [1])[0]).toBeCloseTo(Math.log(3), 8);
    expect(logitContributions(model, [0])[0]).toBeCloseTo(-Math.log(3), 8);
  });

  it("recovers −1.5 + 0.3·silence − 0.8·balance + 0.002·MRR from 20,000 seeded customers (within ~4 SE)", () => {
    const random = seeded(1);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const book: number[][] = [];
    const churned: boolean[] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = [4 + 3 * normal(), 2 * normal(), 500 + 300 * normal()];
      const logOdds = -1.5 + 0.3 * row[0] - 0.8 * row[1] + 0.002 * row[2];
      book.push(row);
      churned.push(random() < 1 / (1 + Math.exp(-logOdds)));
    }
    const model = fitLogistic(book, churned);
    const raw = coefficientsInRawUnits(model);
    expect(model.converged).toBe(true);
    expect(Math.abs(raw.intercept + 1.5)).toBeLessThan(0.15);
    expect(Math.abs(raw.perUnit[0] - 0.3)).toBeLessThan(0.03);
    expect(Math.abs(raw.perUnit[1] + 0.8)).toBeLessThan(0.05);
    expect(Math.abs(raw.perUnit[2] - 0.002)).toBeLessThan(0.0003);
  });

  it("the intercept is not shrunk: with l2 = 1e9 the slope is ~0 and the intercept is ln(30/70) = −0.8473", () => {
    const features = Array.from({ length: 100 }, (_, i) => [i]);
    const churned = features.map(([i]) => i >= 70);
    const model = fitLogistic(features, churned, { l2: 1e9 });
    expect(Math.abs(model.coefficients[0])).toBeLessThan(1e-6);
    expect(model.intercept).toBeCloseTo(Math.log(30 / 70), 6);
  });

  it("a constant column gets scale 1 and coefficient 0 and leaves the other coefficients as without it", () => {
    const withConstant = fitLogistic(
      rows.map(([x]) => [x, 7]),
      outcomes,
    );
    const without = fitLogistic(rows, outcomes);
    expect(withConstant.coefficients[1]).toBe(0);
    expect(withConstant.scales[1]).toBe(1);
    expect(withConstant.means[1]).toBe(7);
    expect(withConstant.coefficients[0]).toBeCloseTo(without.coefficients[0], 12);
    expect(withConstant.intercept).toBeCloseTo(without.intercept, 12);
  });

  it("l2 = 1 pulls the standardised slope below the unpenalised ln 3 = 1.0986 but keeps it positive", () => {
    const slope = fitLogistic(rows, outcomes, { l2: 1 }).coefficients[0];
    expect(slope).toBeGreaterThan(0);
    expect(slope).toBeLessThan(Math.log(3) - 0.1);
  });

  it("perfectly separated data: l2 = 0 reports no convergence; l2 = 1 converges to a finite slope", () => {
    const separated = [[0], [1], [2], [3]];
    expect(fitLogistic(separated, [F, F, T, T], { l2: 0, iterations: 50 }).converged).toBe(false);
    const penalised = fitLogistic(separated, [F, F, T, T], { l2: 1 });
    expect(penalised.converged).toBe(true);
    expect(Number.isFinite(penalised.coefficients[0])).toBe(true);
  });

  it("refuses a book with one outcome only, ragged rows, and collinear features without a penalty", () => {
    expect(() => fitLogistic([[1], [2]], [F, F])).toThrow(RangeError);
    expect(() => fitLogistic([[1], [2, 3]], [T, F])).toThrow(RangeError);
    expect(() =>
      fitLogistic(
        [
          [0, 0],
          [1, 2],
          [2, 4],
          [3, 6],
        ],
        [F, T, F, T],
        { l2: 0 },
      ),
    ).toThrow(/collinear/);
  });
});

describe("describing an effect", () => {
  it("+0.31 per week of silence: adds +0.31 to the log-odds, odds × e^0.31 = ×1.36", () => {
    expect(describeEffect("silence", 0.31, "week")).toBe(
      "In this model, each week of silence adds +0.31 to the log-odds of churn (odds ×1.36), " +
        "other features held equal.",
    );
  });

  it("−0.31 per point of balance: takes 0.31 off, odds × e^−0.31 = ×0.73", () => {
    expect(describeEffect("balance", -0.31, "point")).toBe(
      "In this model, each point of balance takes 0.31 off the log-odds of churn (odds ×0.73), " +
        "other features held equal.",
    );
  });

  it("a tiny effect keeps two significant digits: +0.000020 per cent, odds ×1.000020", () => {
    expect(describeEffect("MRR", 0.00002, "cent")).toBe(
      "In this model, each cent of MRR adds +0.000020 to the log-odds of churn (odds ×1.000020), " +
        "other features held equal.",
    );
  });

  it("zero says no difference", () => {
    expect(describeEffect("seats", 0, "seat")).toBe(
      "In this model, each seat of seats makes no difference to the odds of churn.",
    );
  });
});
