import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { outreachMessages } from "@/db/schema";
import { message as catalogMessage } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import { type ContactState, outreachRefusalMessage, outreachRefusalReason, renderEmail } from "@/lib/outreach";
import { type Actor, recordAudit } from "@/server/audit/record";
import { lockCustomer } from "@/server/customers/lock";
import { bookInteraction } from "@/server/ledger/booking";
import { getSettings } from "@/server/settings/queries";
import { mailTransport, sendMail } from "./mailer";

export type ContactCheck = ContactState & {
  company: string | null;
  ownerName: string | null;
  silentDays: number | null;
};

/** What the never-over-contact rule reads about one customer, as the tables stand. */
export async function getContactState(db: Queryable, { customerId }: { customerId: number }) {
  const { risk } = await getSettings(db, ["risk"]);
  const [row] = await queryRows<ContactCheck>(
    db,
    sql`select c.name, c.email, c.status, c.company, o.name as "ownerName",
        floor(extract(epoch from now() - c.last_inbound_at) / 86400)::int as "silentDays",
        (select count(*)::int from interactions i where i.customer_id = c.id and i.direction = 'outbound'
          and i.occurred_at > now() - make_interval(days => ${risk.fatigueWindowDays})
          and (c.last_inbound_at is null or i.occurred_at > c.last_inbound_at)) as "unansweredContacts",
        (select max(m.created_at) from outreach_messages m where m.customer_id = c.id and m.status <> 'failed') as "lastEmailAt"
      from customers c left join members o on o.id = c.owner_id where c.id = ${customerId}`,
  );
  return row ? { ...row, lastEmailAt: row.lastEmailAt ? new Date(row.lastEmailAt) : null } : null;
}

/** Why Hourglass would refuse to email this customer now (null: it may), with the team's rules, as facts the page words. */
export async function getOutreachRefusal(db: Queryable, { customerId }: { customerId: number }) {
  const [state, { risk, outreach }] = await Promise.all([
    getContactState(db, { customerId }),
    getSettings(db, ["risk", "outreach"]),
  ]);
  if (!state) return null;
  return outreachRefusalReason(state, { ...risk, quietDays: outreach.quietDays });
}

/**
 * Emails a customer from a template: refused with the reason (a ValidationError, before anything is
 * written) when it would over-contact; otherwise kept in the outbox or sent through SMTP, and logged
 * as an outbound email on the timeline — in the caller's transaction, so a mail server that refuses
 * (MailRefusedError) leaves no trace.
 */
export async function emailCustomer(
  tx: Queryable,
  {
    customerId,
    template,
    actor,
    playbookId = null,
  }: { customerId: number; template: { subject: string; body: string }; actor: Actor; playbookId?: number | null },
) {
  await lockCustomer(tx, customerId);
  const [state, { risk, outreach }] = await Promise.all([
    getContactState(tx, { customerId }),
    getSettings(tx, ["risk", "outreach"]),
  ]);
  if (!state) throw new ValidationError(catalogMessage("outreach.customerGone"), {});
  const refusal = outreachRefusalReason(state, { ...risk, quietDays: outreach.quietDays });
  if (refusal) throw new ValidationError(outreachRefusalMessage(refusal), {});
  const email = renderEmail(template, {
    customer: state.name,
    company: state.company ?? "",
    owner: state.ownerName ?? "your team",
    days_silent: state.silentDays === null ? "many" : String(state.silentDays),
  });
  const transport = mailTransport();
  const interaction = await bookInteraction(
    tx,
    {
      customerId,
      typeKey: "outbound_email",
      occurredAt: new Date(),
      weight: null,
      channel: "email",
      direction: "outbound",
      summary: `Email: ${email.subject}`.slice(0, 500),
    },
    { actor, source: actor.id === null ? "system" : "ui", audit: "by the caller" },
  );
  const [message] = await tx
    .insert(outreachMessages)
    .values({
      customerId,
      toEmail: state.email as string,
      subject: email.subject,
      body: email.body,
      status: transport === "smtp" ? "sent" : "outbox",
      playbookId,
      sentById: actor.id,
      interactionId: interaction.id,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: "outreach.sent",
    entityType: "outreach_message",
    entityId: message.id,
    after: { customerId, to: message.toEmail, subject: message.subject, status: message.status },
  });
  // Last, so that a mail server's refusal (MailRefusedError) rolls the whole email back.
  if (transport === "smtp") await sendMail({ to: message.toEmail, subject: email.subject, text: email.body });
  return { message, transport };
}
