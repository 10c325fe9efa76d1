import { z } from "zod";
import { type Message, message } from "@/lib/error-messages";
import { parseAmount, parseDecimal } from "./fields";
import { fails, say } from "./messages";

type Setting =
  | "creditHalfLifeDays"
  | "debtHalfLifeDays"
  | "silenceDays"
  | "fatigueContacts"
  | "fatigueWindowDays"
  | "debtWeight"
  | "trendWeight"
  | "silenceWeight"
  | "fatigueWeight"
  | "atRiskScore"
  | "executiveMrr"
  | "queueDays"
  | "askCapacity"
  | "candidateBalance";

/**
 * A setting's number; the catalog names it ("Enter the credit half-life.") and says its range. An
 * amount of money is read as parseAmount reads it: "25,000" and "25.000,50" yes, the ambiguous "25.000" no.
 */
const number = (setting: Setting, min: number, max: number, integer = false, parse = parseDecimal) =>
  z
    .string(fails(`scoring.${setting}.missing`))
    .trim()
    .min(1, fails(`scoring.${setting}.missing`))
    .transform((value, ctx) => {
      const parsed = parse(value);
      if (parsed === null || parsed < min || parsed > max || (integer && !Number.isInteger(parsed))) {
        ctx.addIssue({
          code: "custom",
          message: say(message(`scoring.${setting}.range`, { min, max })),
          // Go on to the type weights, so the form shows every problem in one round.
          continue: true,
        });
        return z.NEVER;
      }
      return parsed;
    });

export const scoringSchema = z
  .object({
    creditHalfLifeDays: number("creditHalfLifeDays", 7, 3650),
    debtHalfLifeDays: number("debtHalfLifeDays", 7, 3650),
    silenceDays: number("silenceDays", 1, 365, true),
    fatigueContacts: number("fatigueContacts", 1, 50, true),
    fatigueWindowDays: number("fatigueWindowDays", 1, 365, true),
    debtWeight: number("debtWeight", 0, 100),
    trendWeight: number("trendWeight", 0, 100),
    silenceWeight: number("silenceWeight", 0, 100),
    fatigueWeight: number("fatigueWeight", 0, 100),
    atRiskScore: number("atRiskScore", 0, 1000),
    executiveMrr: number("executiveMrr", 0, 10_000_000, false, parseAmount),
    queueDays: number("queueDays", 1, 365, true),
    askCapacity: number("askCapacity", 1, 50, true),
    candidateBalance: number("candidateBalance", 0, 100),
  })
  .catchall(z.string())
  // Type weights are checked in the same pass as the other fields: every problem shows at once.
  .superRefine((input, ctx) => {
    for (const [field, messages] of Object.entries(typeWeights(input).errors))
      for (const problem of messages) ctx.addIssue({ code: "custom", path: [field], message: say(problem) });
  });

/** Interaction type weights arrive as fields named `weight.<type key>`. */
export function typeWeights(input: Record<string, unknown>): {
  weights: Record<string, number>;
  errors: Record<string, Message[]>;
} {
  const weights: Record<string, number> = {};
  const errors: Record<string, Message[]> = {};
  for (const [field, value] of Object.entries(input)) {
    if (!field.startsWith("weight.")) continue;
    const weight = typeof value === "string" ? parseDecimal(value) : null;
    if (weight === null || weight < -100 || weight > 100) {
      errors[field] = [message("scoring.typeWeightRange")];
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
