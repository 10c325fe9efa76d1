import { describe, expect, it } from "vitest";
import { normalQuantile, studentTCentral, twoSidedT, twoSidedZ } from "./distributions";

describe("normal quantile", () => {
  it("0.975 → 1.959964, 0.5 → 0, 0.9 → 1.281552, and the lower tail mirrors the upper: 0.001 → −3.090232", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 6);
  });

  it("a two-sided 95% interval uses z = 1.959964, 90% uses 1.644854", () => {
    expect(twoSidedZ(0.95)).toBeCloseTo(1.959964, 6);
    expect(twoSidedZ(0.9)).toBeCloseTo(1.644854, 6);
  });

  it("refuses p outside (0, 1) and a level of 1", () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => twoSidedZ(1)).toThrow(RangeError);
  });
});

describe("Student's t", () => {
  it("P(|T| < 12.7062) with 1 df = 0.95 and P(|T| < 2.7764) with 4 df = 0.95 (tables)", () => {
    expect(studentTCentral(12.7062047, 1)).toBeCloseTo(0.95, 7);
    expect(studentTCentral(2.7764451, 4)).toBeCloseTo(0.95, 7);
  });

  it("95% two-sided t: df 1 = 12.706205, 2 = 4.302653, 3 = 3.182446, 29 = 2.045230, 10,000 ≈ z = 1.960201", () => {
    expect(twoSidedT(0.95, 1)).toBeCloseTo(12.706205, 5);
    expect(twoSidedT(0.95, 2)).toBeCloseTo(4.302653, 5);
    expect(twoSidedT(0.95, 3)).toBeCloseTo(3.182446, 5);
    expect(twoSidedT(0.95, 29)).toBeCloseTo(2.04523, 5);
    expect(twoSidedT(0.95, 10_000)).toBeCloseTo(1.960201, 5);
  });

  it("refuses a df that is not a whole number ≥ 1", () => {
    expect(() => twoSidedT(0.95, 0)).toThrow(RangeError);
    expect(() => twoSidedT(0.95, 2.5)).toThrow(RangeError);
  });
});
