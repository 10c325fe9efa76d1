import { outreachSettingsSchema, sendOutreachSchema } from "@/lib/validation/outreach";
import { defineAction } from "@/server/actions/execute";
import { saveSettingsSection } from "@/server/settings/save";
import { message } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import { MailRefusedError } from "./mailer";
import { emailCustomer } from "./send";

/** The customer page's "Email" form: one email now, unless it would over-contact. */
export const sendOutreach = defineAction({
  permission: "outreach.send",
  schema: sendOutreachSchema,
  async run({ customerId, subject, body }, { member, tx }) {
    const { message: sent, transport } = await emailCustomer(tx, {
      customerId,
      template: { subject, body },
      actor: member,
    }).catch((error: unknown) => {
      if (error instanceof MailRefusedError)
        throw new ValidationError(message("outreach.mailRefused", { detail: error.detail }), {});
      throw error;
    });
    return {
      message: message(transport === "smtp" ? "done.outreach.sent" : "done.outreach.kept", { email: sent.toEmail }),
    };
  },
});

export const saveOutreachSettings = defineAction({
  permission: "settings.manage",
  schema: outreachSettingsSchema,
  async run(input, { member, tx }) {
    await saveSettingsSection(tx, member, "outreach", input);
    return { message: message("done.outreach.settingsSaved", { days: input.quietDays }) };
  },
});
