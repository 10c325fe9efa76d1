import { z } from "zod";
import { id, requiredText } from "./fields";

export const setMilestoneSchema = z.object({
  customerId: id("a customer"),
  milestone: z.coerce
    .number({ message: "Choose a milestone." })
    .int("Choose a milestone.")
    .min(1, "Choose a milestone.")
    .max(13, "Choose a milestone."),
  reason: requiredText(300, {
    missing: "Say why you move the customer.",
    tooLong: "Keep the reason under 300 characters.",
  }),
});
