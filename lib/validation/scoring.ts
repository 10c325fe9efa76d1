import { z } from "zod";
import { parseDecimal } from "./fields";

const number = (label: string, min: number, max: number, integer = false) =>
  z
    .string({ message: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .transform((value, ctx) => {
      const parsed = parseDecimal(value);
      if (parsed === null || parsed < min || parsed > max || (integer && !Number.isInteger(parsed))) {
        ctx.addIssue({
          code: "custom",
          message: `${label[0].toUpperCase()}${label.slice(1)} must be ${integer ? "a whole number" : "a number"} from ${min} to ${max}.`,
          // Go on to the type weights, so the form shows every problem in one round.
          continue: true,
        });
        return z.NEVER;
      }
      return parsed;
    });

export const scoringSchema = z
  .object({
    creditHalfLifeDays: number("the credit half-life", 7, 3650),
    debtHalfLifeDays: number("the debt half-life", 7, 3650),
    silenceDays: number("the silence threshold", 1, 365, true),
    fatigueContacts: number("the number of unanswered contacts", 1, 50, true),
    fatigueWindowDays: number("the fatigue window", 1, 365, true),
    debtWeight: number("the debt weight", 0, 100),
    trendWeight: number("the trend weight", 0, 100),
    silenceWeight: number("the silence weight", 0, 100),
    fatigueWeight: number("the fatigue weight", 0, 100),
    atRiskScore: number("the at-risk threshold", 0, 1000),
    executiveMrr: number("the executive-call MRR", 0, 10_000_000),
    queueDays: number("the delight queue window", 1, 365, true),
    askCapacity: number("the ask capacity", 1, 50, true),
    candidateBalance: number("the candidate balance", 0, 100),
  })
  .catchall(z.string())
  // Type weights are checked in the same pass as the other fields: every problem shows at once.
  .superRefine((input, ctx) => {
    for (const [field, messages] of Object.entries(typeWeights(input).errors))
      for (const message of messages) ctx.addIssue({ code: "custom", path: [field], message });
  });

/** Interaction type weights arrive as fields named `weight.<type key>`. */
export function typeWeights(input: Record<string, unknown>): {
  weights: Record<string, number>;
  errors: Record<string, string[]>;
} {
  const weights: Record<string, number> = {};
  const errors: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(input)) {
    if (!field.startsWith("weight.")) continue;
    const weight = typeof value === "string" ? parseDecimal(value) : null;
    if (weight === null || weight < -100 || weight > 100) {
      errors[field] = ["A weight must be a number from −100 to 100."];
    } else weights[field.slice("weight.".length)] = weight;
  }
  return { weights, errors };
}

/**
 * The types a form marks as outcome proxies (fields `proxy.<type key>` = "on"), or null when the
 * form says nothing about proxies (then the version before decides).
 */
export function proxyTypes(input: Record<string, unknown>): string[] | null {
  const fields = Object.keys(input).filter((field) => field.startsWith("proxy."));
  if (fields.length === 0 && input.proxiesShown !== "1") return null;
  return fields.filter((field) => input[field] === "on").map((field) => field.slice("proxy.".length));
}
