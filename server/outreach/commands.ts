import { sql } from "drizzle-orm";
import { settings } from "@/db/schema";
import { outreachSettingsSchema, sendOutreachSchema } from "@/lib/validation/outreach";
import { defineAction } from "@/server/actions/execute";
import { recordAudit } from "@/server/audit/record";
import { getSettings } from "@/server/settings/queries";
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
    const { outreach: before } = await getSettings(tx, ["outreach"]);
    await tx
      .insert(settings)
      .values({ key: "outreach", value: input, updatedById: member.id })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: input, updatedAt: sql`now()`, updatedById: member.id },
      });
    await recordAudit(tx, member, {
      action: "settings.updated",
      entityType: "settings",
      entityId: "outreach",
      before,
      after: input,
    });
    return { message: `Saved: at least ${input.quietDays} days between two emails to one customer.` };
  },
});
