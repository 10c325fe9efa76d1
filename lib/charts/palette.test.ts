import { describe, expect, it } from "vitest";
import { contrast, stageColours } from "./palette";

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe("stage palette", () => {
  it("gives one distinct colour per stage, in journey order from dark to light", () => {
    for (const count of [1, 5, 7, 8, 13]) {
      const colours = stageColours(count);
      expect(colours).toHaveLength(count);
      expect(new Set(colours.map((c) => c.fill)).size).toBe(count);
    }
    const [first, , , , last] = stageColours(5);
    expect(contrast(rgb(first.fill), [255, 255, 255])).toBeGreaterThan(contrast(rgb(last.fill), [255, 255, 255]));
  });

  it("every bar keeps 3:1 against the white card and its label 4.5:1 against the bar", () => {
    for (const count of [5, 7, 8, 13])
      for (const colour of stageColours(count)) {
        expect(contrast(rgb(colour.fill), [255, 255, 255])).toBeGreaterThanOrEqual(3);
        expect(contrast(rgb(colour.fill), rgb(colour.text))).toBeGreaterThanOrEqual(4.5);
      }
  });
});
