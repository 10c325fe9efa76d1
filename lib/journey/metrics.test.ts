import { describe, expect, it } from "vitest";
import { stageMetrics } from "./metrics";

describe("journey stage metrics", () => {
  const metrics = stageMetrics(
    [
      { stageId: 1, now: 20, reached: 100 },
      { stageId: 2, now: 30, reached: 80 },
      { stageId: 3, now: 50, reached: 50 },
    ],
    100,
  );

  it("share: 20 of 100 = 20%; conversion 80 ÷ 100 = 80%, 50 ÷ 80 = 62.5%; the last stage has none", () => {
    expect(metrics.map((m) => m.share)).toEqual([0.2, 0.3, 0.5]);
    expect(metrics.map((m) => m.conversionToNext)).toEqual([0.8, 0.625, null]);
  });

  it("cumulative conversion 100/100, 80/100, 50/100 and drop-off 1 − conversion", () => {
    expect(metrics.map((m) => m.cumulativeConversion)).toEqual([1, 0.8, 0.5]);
    expect(metrics[0].dropOff).toBeCloseTo(0.2, 10);
    expect(metrics[1].dropOff).toBeCloseTo(0.375, 10);
    expect(metrics[2].dropOff).toBeNull();
  });

  it("an empty book gives no ratios rather than dividing by zero", () => {
    expect(stageMetrics([{ stageId: 1, now: 0, reached: 0 }], 0)[0]).toMatchObject({
      share: null,
      conversionToNext: null,
      cumulativeConversion: null,
    });
  });
});
