import { describe, expect, it } from "vitest";
import { inEnglish } from "@/lib/error-messages";
import { readStages } from "./journey-models";

const fields = (rows: [string, number, number, number][]) =>
  Object.fromEntries(
    rows.flatMap(([name, from, to, target], i) => [
      [`stages.${i}.name`, name],
      [`stages.${i}.from`, String(from)],
      [`stages.${i}.to`, String(to)],
      [`stages.${i}.target`, String(target)],
    ]),
  );

describe("journey model stages from the settings form", () => {
  it("three stages covering 1–13 are read in order", () => {
    const { stages, errors } = readStages(
      fields([
        ["Early", 1, 6, 30],
        ["Middle", 7, 9, 60],
        ["Late", 10, 13, 365],
      ]),
    );
    expect(errors).toEqual({});
    expect(stages.map((s) => s.name)).toEqual(["Early", "Middle", "Late"]);
  });

  it("a gap is explained in words", () => {
    expect(
      readStages(
        fields([
          ["Early", 1, 5, 30],
          ["Late", 7, 13, 30],
        ]),
      ).errors.stages?.map(inEnglish),
    ).toEqual(["Milestones 6–6 belong to no stage: Late should start at 6."]);
  });

  it("a missing name and a milestone out of range are reported at their field", () => {
    const { errors } = readStages(fields([["", 1, 14, 30]]));
    expect(errors["stages.0.name"]?.map(inEnglish)).toEqual(["Stage 1 needs a name."]);
    expect(errors["stages.0.to"]?.map(inEnglish)).toEqual(["The last milestone must be a whole number from 1 to 13."]);
  });
});
