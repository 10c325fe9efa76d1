import { z } from "zod";
import { validateStageRanges } from "@/lib/journey/models";
import { unstorableText } from "@/lib/storable-text";
import { optionalId, parseDecimal, requiredText } from "./fields";

export type StageInput = { name: string; fromMilestone: number; toMilestone: number; targetDays: number };

/** Stages arrive as `stages.<n>.name|from|to|target` fields, in order. */
export function readStages(input: Record<string, unknown>): { stages: StageInput[]; errors: Record<string, string[]> } {
  const indexes = [
    ...new Set(
      Object.keys(input).flatMap((key) =>
        /^stages\.(\d+)\./.exec(key) ? [Number(/^stages\.(\d+)\./.exec(key)?.[1])] : [],
      ),
    ),
  ].sort((a, b) => a - b);
  const errors: Record<string, string[]> = {};
  const stages = indexes.map((index, position) => {
    const field = (name: string) => String(input[`stages.${index}.${name}`] ?? "").trim();
    const number = (name: string, label: string, min: number, max: number) => {
      const value = parseDecimal(field(name)) ?? Number.NaN;
      if (!Number.isInteger(value) || value < min || value > max)
        errors[`stages.${index}.${name}`] = [`${label} must be a whole number from ${min} to ${max}.`];
      return value;
    };
    const name = field("name");
    if (!name) errors[`stages.${index}.name`] = [`Stage ${position + 1} needs a name.`];
    else if (name.length > 40) errors[`stages.${index}.name`] = ["A stage name can have at most 40 characters."];
    else if (unstorableText(name)) errors[`stages.${index}.name`] = [unstorableText(name) as string];
    return {
      name,
      fromMilestone: number("from", "The first milestone", 1, 13),
      toMilestone: number("to", "The last milestone", 1, 13),
      targetDays: number("target", "The target", 1, 3650),
    };
  });
  if (stages.length === 0) errors.stages = ["A model needs at least one stage."];
  else if (Object.keys(errors).length === 0) {
    const problems = validateStageRanges(stages);
    if (problems.length > 0) errors.stages = problems;
  }
  return { stages, errors };
}

export const journeyModelSchema = z
  .object({
    modelId: optionalId("Choose a model from the list.", "smallint"),
    key: z.string().trim().toLowerCase().max(24, "The key can have at most 24 characters.").optional(),
    name: requiredText(60, { missing: "Name the model.", tooLong: "The name can have at most 60 characters." }),
    shape: z.enum(["hourglass", "funnel", "stages"], { message: "Choose how the model is drawn." }),
    isDefault: z
      .string()
      .optional()
      .transform((value) => value === "on"),
  })
  .catchall(z.string());
