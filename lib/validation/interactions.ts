import { z } from "zod";
import { CHANNELS, DIRECTIONS } from "@/lib/channels";
import { id, parseDecimal, pastDateTime, requiredText } from "./fields";

const weightOverride = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === "") return null;
    const weight = parseDecimal(value);
    if (weight === null || weight < -100 || weight > 100) {
      ctx.addIssue({
        code: "custom",
        message: "The weight must be a number between −100 and 100, or empty for the type's default.",
      });
      return z.NEVER;
    }
    return weight;
  });

export const interactionFields = {
  typeKey: requiredText(64, { missing: "Choose what happened.", tooLong: "Choose a type from the list." }),
  occurredAt: pastDateTime,
  channel: z.enum(CHANNELS, { message: "Choose a channel from the list." }),
  direction: z.enum(DIRECTIONS, { message: "Choose inbound or outbound." }),
  summary: requiredText(500, {
    missing: "Write a short summary of what happened.",
    tooLong: "Keep the summary under 500 characters.",
  }),
  weight: weightOverride,
};

/** Sent by the form with every attempt at one write: a retry with the same key is not saved twice. */
export const requestKey = z
  .string()
  .regex(/^[0-9a-f]{32}$/, "This form is out of date; reload the page and try again.")
  .optional();

export const logInteractionSchema = z.object({ customerId: id("a customer"), ...interactionFields, requestKey });
export const editInteractionSchema = z.object({ interactionId: id("an interaction", "bigint"), ...interactionFields });
export const deleteInteractionSchema = z.object({ interactionId: id("an interaction", "bigint") });
