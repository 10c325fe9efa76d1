import { z } from "zod";
import { id, requiredText } from "./fields";

/** A milestone set by hand and why: the customer's page and the lists' bulk bar send these. */
export const milestoneFields = {
  milestone: z.coerce
    .number({ message: "Choose a milestone." })
    .int("Choose a milestone.")
    .min(1, "Choose a milestone.")
    .max(13, "Choose a milestone."),
  reason: requiredText(300, {
    missing: "Say why you move the customer.",
    tooLong: "Keep the reason under 300 characters.",
  }),
};

export const setMilestoneSchema = z.object({ customerId: id("a customer"), ...milestoneFields });
