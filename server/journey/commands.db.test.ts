import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/execute";
import { db } from "@/db";
import { getJourneyModels } from "./models";
import { journeyModels } from "@/db/schema";
import { asSessionMember, createMember, writeFingerprint } from "@/testing/factories";
import { saveJourneyModel } from "./commands";

const stageFields = (rows: [string, number, number, number][]) =>
  Object.fromEntries(
    rows.flatMap(([name, from, to, target], i) => [
      [`stages.${i}.name`, name],
      [`stages.${i}.from`, String(from)],
      [`stages.${i}.to`, String(to)],
      [`stages.${i}.target`, String(target)],
    ]),
  );

describe("Settings → Journey models", () => {
  it("an admin renames a SCALE stage and moves a boundary; stage ids stay", async () => {
    const admin = asSessionMember(await createMember({ role: "admin" }));
    const scale = (await getJourneyModels(db)).find((m) => m.key === "scale");
    if (!scale) throw new Error("SCALE missing");
    const result = await executeAction(saveJourneyModel, admin, {
      modelId: String(scale.id),
      name: "SCALE",
      shape: "stages",
      ...stageFields([
        ["Seek", 1, 3, 30],
        ["Consider", 4, 6, 30],
        ["Act", 7, 9, 45],
        ["Love", 10, 11, 365],
        ["Engage & promote", 12, 13, 365],
      ]),
    });
    expect(result).toMatchObject({ ok: true });
    const after = (await getJourneyModels(db)).find((m) => m.id === scale.id);
    expect(after?.stages.map((s) => [s.id, s.name, s.fromMilestone, s.toMilestone])).toEqual([
      [scale.stages[0].id, "Seek", 1, 3],
      [scale.stages[1].id, "Consider", 4, 6],
      [scale.stages[2].id, "Act", 7, 9],
      [scale.stages[3].id, "Love", 10, 11],
      [scale.stages[4].id, "Engage & promote", 12, 13],
    ]);
  });

  it("a custom model with a gap is refused with the reason and nothing is written; a valid one is added", async () => {
    const admin = asSessionMember(await createMember({ role: "admin" }));
    const before = await writeFingerprint();
    const refused = await executeAction(saveJourneyModel, admin, {
      key: "flywheel",
      name: "Flywheel",
      shape: "funnel",
      ...stageFields([
        ["Attract", 1, 6, 30],
        ["Delight", 8, 13, 90],
      ]),
    });
    expect(!refused.ok && refused.fieldErrors?.stages).toEqual([
      "Milestones 7–7 belong to no stage: Delight should start at 7.",
    ]);
    expect(await writeFingerprint()).toEqual(before);
    expect(await db.select().from(journeyModels).where(eq(journeyModels.key, "flywheel"))).toHaveLength(0);
    const added = await executeAction(saveJourneyModel, admin, {
      key: "flywheel",
      name: "Flywheel",
      shape: "funnel",
      ...stageFields([
        ["Attract", 1, 6, 30],
        ["Engage", 7, 9, 60],
        ["Delight", 10, 13, 90],
      ]),
    });
    expect(added).toMatchObject({ ok: true, message: "Flywheel saved." });
    expect((await getJourneyModels(db)).find((m) => m.key === "flywheel")?.stages).toHaveLength(3);
  });

  it("a manager may read but not change models", async () => {
    const manager = asSessionMember(await createMember({ role: "manager" }));
    const result = await executeAction(saveJourneyModel, manager, {
      key: "nope",
      name: "Nope",
      shape: "funnel",
      ...stageFields([["All", 1, 13, 30]]),
    });
    expect(result).toEqual({ ok: false, message: "Your role does not allow this. Ask an admin if you need it." });
  });
});
