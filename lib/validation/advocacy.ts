import { z } from "zod";
import { ASK_KINDS, ASK_OUTCOMES, COMMUNITY_ACTIVITY_KINDS } from "@/lib/advocacy";
import { CHANNELS } from "@/lib/channels";
import { message } from "@/lib/error-messages";
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
import { fails, say } from "./messages";

const optionalWeight = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const weight = parseDecimal(value);
    if (weight === null || weight <= 0 || weight > 100) {
      ctx.addIssue({ code: "custom", message: say(message("delight.weightRange")) });
      return z.NEVER;
    }
    return weight;
  });

export const delightMomentSchema = z.object({
  customerId: id(message("choose.customer")),
  promptInteractionId: optionalId(message("choose.fromList"), "bigint"),
  prompt: requiredText(300, {
    missing: message("delight.promptMissing"),
    tooLong: message("delight.promptTooLong"),
  }),
  gesture: requiredText(300, {
    missing: message("delight.gestureMissing"),
    tooLong: message("delight.gestureTooLong"),
  }),
  channel: z.enum(CHANNELS, fails("choose.channel")),
  cost: dollarsToCents({
    negative: message("delight.costNegative"),
    notAmount: message("delight.costNotAmount"),
    tooLarge: message("delight.costTooLarge"),
  }),
  weight: optionalWeight,
  occurredAt: pastDateTime,
  outcome: optionalText(500, message("field.label.outcome")),
  postedPublicly: checkbox,
  renewed: checkbox,
  becameAdvocate: checkbox,
});

export const inviteToRoleSchema = z.object({
  customerId: id(message("choose.customer")),
  roleId: id(message("choose.role"), "smallint"),
  notes: optionalText(500, message("field.label.notes")),
});

export const changeRoleStatusSchema = z.object({
  assignmentId: id(message("choose.roleAssignment")),
  status: z.enum(["active", "retired"], fails("advocacy.activateOrRetire")),
});

export const communityActivitySchema = z.object({
  customerId: id(message("choose.advocate")),
  kind: z.enum(COMMUNITY_ACTIVITY_KINDS, fails("advocacy.kindMissing")),
  occurredAt: pastDateTime,
  note: optionalText(500, message("field.label.note")),
  referredName: optionalText(120, message("field.label.name")),
  referredEmail: optionalEmail,
});

export const askSchema = z.object({
  customerId: id(message("choose.advocate")),
  kind: z.enum(ASK_KINDS, fails("advocacy.askKindMissing")),
  outcome: z.enum(ASK_OUTCOMES, fails("advocacy.askOutcomeMissing")),
  note: optionalText(500, message("field.label.note")),
  askAnyway: checkbox,
});

export const askCapacitySchema = z.object({
  customerId: id(message("choose.advocate")),
  capacity: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const capacity = parseDecimal(value);
      if (capacity === null || !Number.isInteger(capacity) || capacity < 1 || capacity > 50) {
        ctx.addIssue({ code: "custom", message: say(message("advocacy.capacityRange")) });
        return z.NEVER;
      }
      return capacity;
    }),
});

export const advocateRoleSchema = z.object({
  roleId: optionalId(message("choose.fromList"), "smallint"),
  name: requiredText(60, {
    missing: message("advocacy.roleNameMissing"),
    tooLong: message("field.nameTooLong", { max: 60 }),
  }),
  description: optionalText(300, message("field.label.description")),
  active: checkbox,
});
