import { z } from "zod";
import { id } from "./fields";

export const setMilestoneSchema = z.object({
  customerId: id("a customer"),
  milestone: z.coerce.number({ message: "Choose a milestone." }).int("Choose a milestone.").min(1, "Choose a milestone.").max(13, "Choose a milestone."),
  reason: z.string({ message: "Say why you move the customer." }).trim().min(1, "Say why you move the customer.").max(300, "Keep the reason under 300 characters."),
});
