import { z } from "zod";
import { type Message, message } from "@/lib/error-messages";
import { validateStageRanges } from "@/lib/journey/models";
import { optionalId, parseDecimal, requiredText, unstorableProblem } from "./fields";
import { fails } from "./messages";

export type StageInput = { name: string; fromMilestone: number; toMilestone: number; targetDays: number };

/** Stages arrive as `stages.<n>.name|from|to|target` fields, in order; the problems are catalog messages. */
export function readStages(input: Record<string, unknown>): {
  stages: StageInput[];
  errors: Record<string, Message[]>;
} {
  const indexes = [
    ...new Set(
      Object.keys(input).flatMap((key) =>
        /^stages\.(\d+)\./.exec(key) ? [Number(/^stages\.(\d+)\./.exec(key)?.[1])] : [],
      ),
    ),
  ].sort((a, b) => a - b);
  const errors: Record<string, Message[]> = {};
  const stages = indexes.map((index, position) => {
    const field = (name: string) => String(input[`stages.${index}.${name}`] ?? "").trim();
    const number = (name: "from" | "to" | "target", min: number, max: number) => {
      const value = parseDecimal(field(name)) ?? Number.NaN;
      if (!Number.isInteger(value) || value < min || value > max)
        errors[`stages.${index}.${name}`] = [message(`journey.stageNumber.${name}`, { min, max })];
      return value;
    };
    const name = field("name");
    const unstorable = unstorableProblem(name);
    if (!name) errors[`stages.${index}.name`] = [message("journey.stageNeedsName", { number: position + 1 })];
    else if (name.length > 40) errors[`stages.${index}.name`] = [message("journey.stageNameTooLong")];
    else if (unstorable) errors[`stages.${index}.name`] = [unstorable];
    return {
      name,
      fromMilestone: number("from", 1, 13),
      toMilestone: number("to", 1, 13),
      targetDays: number("target", 1, 3650),
    };
  });
  if (stages.length === 0) errors.stages = [message("journey.needsStage")];
  else if (Object.keys(errors).length === 0) {
    const problems = validateStageRanges(stages);
    if (problems.length > 0) errors.stages = problems;
  }
  return { stages, errors };
}

export const journeyModelSchema = z
  .object({
    modelId: optionalId(message("journey.modelFromList"), "smallint"),
    key: z.string().trim().toLowerCase().max(24, fails("journey.keyTooLong")).optional(),
    name: requiredText(60, {
      missing: message("journey.modelNameMissing"),
      tooLong: message("field.nameTooLong", { max: 60 }),
    }),
    shape: z.enum(["hourglass", "funnel", "stages"], fails("journey.shapeMissing")),
    isDefault: z
      .string()
      .optional()
      .transform((value) => value === "on"),
  })
  .catchall(z.string());
