import { z } from "zod";
import { ASK_KINDS, ASK_OUTCOMES, COMMUNITY_ACTIVITY_KINDS } from "@/lib/advocacy";
import { CHANNELS } from "@/lib/channels";
import {
  dollarsToCents,
  id,
  optionalEmail,
  optionalId,
  optionalText,
  parseDecimal,
  pastDateTime,
  requiredText,
  checkbox,
} from "./fields";

const optionalWeight = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const weight = parseDecimal(value);
    if (weight === null || weight <= 0 || weight > 100) {
      ctx.addIssue({ code: "custom", message: "A delight moment's credit must be a number above 0 and at most 100." });
      return z.NEVER;
    }
    return weight;
  });

export const delightMomentSchema = z.object({
  customerId: id("a customer"),
  promptInteractionId: optionalId("Choose one from the list.", "bigint"),
  prompt: requiredText(300, {
    missing: "Say what prompted it.",
    tooLong: "Keep what prompted it under 300 characters.",
  }),
  gesture: requiredText(300, { missing: "Describe the gesture.", tooLong: "Keep the gesture under 300 characters." }),
  channel: z.enum(CHANNELS, { message: "Choose a channel from the list." }),
  cost: dollarsToCents({ subject: "The cost", object: "the cost" }),
  weight: optionalWeight,
  occurredAt: pastDateTime,
  outcome: optionalText(500, "The outcome"),
  postedPublicly: checkbox,
  renewed: checkbox,
  becameAdvocate: checkbox,
});

export const inviteToRoleSchema = z.object({
  customerId: id("a customer"),
  roleId: id("a role", "smallint"),
  notes: optionalText(500, "The notes"),
});

export const changeRoleStatusSchema = z.object({
  assignmentId: id("a role assignment"),
  status: z.enum(["active", "retired"], { message: "Choose activate or retire." }),
});

export const communityActivitySchema = z.object({
  customerId: id("an advocate"),
  kind: z.enum(COMMUNITY_ACTIVITY_KINDS, { message: "Choose what the advocate did." }),
  occurredAt: pastDateTime,
  note: optionalText(500, "The note"),
  referredName: optionalText(120, "The name"),
  referredEmail: optionalEmail,
});

export const askSchema = z.object({
  customerId: id("an advocate"),
  kind: z.enum(ASK_KINDS, { message: "Choose what you ask for." }),
  outcome: z.enum(ASK_OUTCOMES, { message: "Choose an outcome." }),
  note: optionalText(500, "The note"),
  askAnyway: checkbox,
});

export const askCapacitySchema = z.object({
  customerId: id("an advocate"),
  capacity: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const capacity = parseDecimal(value);
      if (capacity === null || !Number.isInteger(capacity) || capacity < 1 || capacity > 50) {
        ctx.addIssue({
          code: "custom",
          message: "Capacity must be a whole number from 1 to 50, or empty for the team default.",
        });
        return z.NEVER;
      }
      return capacity;
    }),
});

export const advocateRoleSchema = z.object({
  roleId: optionalId("Choose one from the list.", "smallint"),
  name: requiredText(60, { missing: "Name the role.", tooLong: "The name can have at most 60 characters." }),
  description: optionalText(300, "The description"),
  active: checkbox,
});
