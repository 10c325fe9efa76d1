import { DAY_MS } from "./dates";
import { type MergeFields, renderTemplate } from "./playbooks";
import { type Message, message } from "./error-messages";

/** What the never-over-contact rule needs to know about a customer before an email. */
export type ContactState = {
  name: string;
  email: string | null;
  status: "active" | "churned";
  /** Outbound contacts since their last reply within the fatigue window. */
  unansweredContacts: number;
  lastEmailAt: Date | null;
};

export type ContactRules = { fatigueContacts: number; fatigueWindowDays: number; quietDays: number };

/** Why an email must not go out now, as facts: the page words it in the reader's language. */
export type OutreachRefusal =
  | { kind: "noEmail"; name: string }
  | { kind: "churned"; name: string }
  | { kind: "fatigued"; name: string; contacts: number; windowDays: number }
  | { kind: "quiet"; name: string; lastEmailAt: Date; quietDays: number; next: Date };

/** Why an email to this customer must not go out now, or null when it may. */
export function outreachRefusalReason(
  customer: ContactState,
  rules: ContactRules,
  now = new Date(),
): OutreachRefusal | null {
  const { name } = customer;
  if (!customer.email) return { kind: "noEmail", name };
  if (customer.status === "churned") return { kind: "churned", name };
  if (customer.unansweredContacts >= rules.fatigueContacts)
    return { kind: "fatigued", name, contacts: customer.unansweredContacts, windowDays: rules.fatigueWindowDays };
  if (customer.lastEmailAt && rules.quietDays > 0) {
    const next = new Date(customer.lastEmailAt.getTime() + rules.quietDays * DAY_MS);
    if (next > now) return { kind: "quiet", name, lastEmailAt: customer.lastEmailAt, quietDays: rules.quietDays, next };
  }
  return null;
}

/** A refusal as a catalog message (lib/error-messages.ts): the error a send raises and the line the customer's page shows. */
export function outreachRefusalMessage(reason: OutreachRefusal, now = new Date()): Message {
  switch (reason.kind) {
    case "noEmail":
      return message("outreach.refusal.noEmail", { name: reason.name });
    case "churned":
      return message("outreach.refusal.churned", { name: reason.name });
    case "fatigued":
      return message("outreach.refusal.fatigued", {
        name: reason.name,
        contacts: reason.contacts,
        windowDays: reason.windowDays,
      });
    case "quiet":
      return message("outreach.refusal.quiet", {
        name: reason.name,
        emailed: { ago: reason.lastEmailAt, now },
        quietDays: reason.quietDays,
        next: { date: reason.next },
      });
  }
}

/** Subject and body with the customer's merge fields filled in. */
export function renderEmail(template: { subject: string; body: string }, fields: MergeFields) {
  return { subject: renderTemplate(template.subject, fields), body: renderTemplate(template.body, fields) };
}
