import { z } from "zod";
import { CHANNELS, DIRECTIONS } from "@/lib/channels";
import { message } from "@/lib/error-messages";
import { id, parseDecimal, pastDateTime, requiredText } from "./fields";
import { fails, say } from "./messages";

const weightOverride = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === "") return null;
    const weight = parseDecimal(value);
    if (weight === null || weight < -100 || weight > 100) {
      ctx.addIssue({ code: "custom", message: say(message("interactions.weightRange")) });
      return z.NEVER;
    }
    return weight;
  });

export const interactionFields = {
  typeKey: requiredText(64, {
    missing: message("interactions.typeMissing"),
    tooLong: message("interactions.typeFromList"),
  }),
  occurredAt: pastDateTime,
  channel: z.enum(CHANNELS, fails("choose.channel")),
  direction: z.enum(DIRECTIONS, fails("interactions.direction")),
  summary: requiredText(500, {
    missing: message("interactions.summaryMissing"),
    tooLong: message("interactions.summaryTooLong"),
  }),
  weight: weightOverride,
};

/** Sent by the form with every attempt at one write: a retry with the same key is not saved twice. */
export const requestKey = z
  .string()
  .regex(/^[0-9a-f]{32}$/, fails("interactions.formOutOfDate"))
  .optional();

export const logInteractionSchema = z.object({
  customerId: id(message("choose.customer")),
  ...interactionFields,
  requestKey,
});
export const editInteractionSchema = z.object({
  interactionId: id(message("choose.interaction"), "bigint"),
  ...interactionFields,
});
export const deleteInteractionSchema = z.object({ interactionId: id(message("choose.interaction"), "bigint") });
