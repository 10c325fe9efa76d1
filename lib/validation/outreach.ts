import { z } from "zod";
import { id, wholeNumber } from "./fields";
import { emailTemplateFields } from "./playbooks";

export const sendOutreachSchema = z.object({ customerId: id("a customer"), ...emailTemplateFields });

export const outreachSettingsSchema = z.object({
  quietDays: wholeNumber(0, 365, "Enter a number of days from 0 to 365."),
});
