import { z } from "zod";
import { message } from "@/lib/error-messages";
import { id, wholeNumber } from "./fields";
import { emailTemplateFields } from "./playbooks";

export const sendOutreachSchema = z.object({ customerId: id(message("choose.customer")), ...emailTemplateFields });

export const outreachSettingsSchema = z.object({
  quietDays: wholeNumber(0, 365, message("field.daysRange", { min: 0, max: 365 })),
});
