import { outreachSettingsSchema, sendOutreachSchema } from "@/lib/validation/outreach";
import { defineAction } from "@/server/actions/execute";
import { saveSettingsSection } from "@/server/settings/save";
import { ValidationError } from "@/lib/errors";
import { MailRefusedError } from "./mailer";
import { emailCustomer } from "./send";

/** The customer page's "Email" form: one email now, unless it would over-contact. */
export const sendOutreach = defineAction({
  permission: "outreach.send",
  schema: sendOutreachSchema,
  async run({ customerId, subject, body }, { member, tx }) {
    const { message, transport } = await emailCustomer(tx, {
      customerId,
      template: { subject, body },
      actor: member,
    }).catch((error: unknown) => {
      if (error instanceof MailRefusedError)
        throw new ValidationError(`${error.message} Nothing was sent or logged; try again later.`, {});
      throw error;
    });
    return {
      message:
        transport === "smtp"
          ? `Email sent to ${message.toEmail} and logged on the timeline.`
          : `Email to ${message.toEmail} kept in the outbox (no SMTP server is configured) and logged on the timeline.`,
    };
  },
});

export const saveOutreachSettings = defineAction({
  permission: "settings.manage",
  schema: outreachSettingsSchema,
  async run(input, { member, tx }) {
    await saveSettingsSection(tx, member, "outreach", input);
    return { message: `Saved: at least ${input.quietDays} days between two emails to one customer.` };
  },
});
