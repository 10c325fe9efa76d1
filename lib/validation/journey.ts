import { z } from "zod";
import { message } from "@/lib/error-messages";
import { id, requiredText } from "./fields";
import { fails } from "./messages";

/** A milestone set by hand and why: the customer's page and the lists' bulk bar send these. */
export const milestoneFields = {
  milestone: z.coerce
    .number(fails("journey.milestoneMissing"))
    .int(fails("journey.milestoneMissing"))
    .min(1, fails("journey.milestoneMissing"))
    .max(13, fails("journey.milestoneMissing")),
  reason: requiredText(300, {
    missing: message("journey.reasonMissing"),
    tooLong: message("journey.reasonTooLong"),
  }),
};

export const setMilestoneSchema = z.object({ customerId: id(message("choose.customer")), ...milestoneFields });
