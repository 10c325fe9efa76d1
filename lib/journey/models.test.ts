import { describe, expect, it } from "vitest";
import { inEnglish } from "@/lib/error-messages";
import { DEFAULT_MODELS, MILESTONES, stageForMilestone, validateStageRanges } from "./models";

describe("journey models", () => {
  it("the ladder has the 13 milestones of PRODUCT.md in order", () => {
    expect(MILESTONES.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(MILESTONES[6].key).toBe("converted");
    expect(MILESTONES[12].key).toBe("promoter");
  });

  it("the three default models have 10, 8 and 5 stages and each covers 1–13 without gap or overlap", () => {
    expect(DEFAULT_MODELS.map((m) => [m.key, m.stages.length])).toEqual([
      ["hourglass", 10],
      ["cvj", 8],
      ["scale", 5],
    ]);
    for (const model of DEFAULT_MODELS) expect(validateStageRanges(model.stages)).toEqual([]);
  });

  it.each([
    ["hourglass", 7, "Purchase"],
    ["hourglass", 9, "Adoption"],
    ["hourglass", 13, "Advocacy"],
    ["cvj", 6, "Subscription"],
    ["cvj", 13, "Promotion"],
    ["scale", 3, "Seek"],
    ["scale", 10, "Love"],
    ["scale", 12, "Engage"],
  ])("in %s, milestone %i is the stage %s", (modelKey, milestone, stage) => {
    const model = DEFAULT_MODELS.find((m) => m.key === modelKey);
    expect(stageForMilestone(model?.stages ?? [], milestone)?.name).toBe(stage);
  });

  it("explains a gap, an overlap and a model that stops short", () => {
    expect(
      validateStageRanges([
        { name: "Early", fromMilestone: 1, toMilestone: 4 },
        { name: "Middle", fromMilestone: 6, toMilestone: 8 },
        { name: "Late", fromMilestone: 8, toMilestone: 12 },
      ]).map(inEnglish),
    ).toEqual([
      "Milestones 5–5 belong to no stage: Middle should start at 5.",
      "Late starts at milestone 8, which the stage before already covers.",
      "Milestones 13–13 belong to no stage: the last stage should end at 13.",
    ]);
  });
});
