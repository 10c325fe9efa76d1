import { DAY_MS } from "./dates";
import { type MergeFields, renderTemplate } from "./playbooks";
import { plainFormat } from "./format";

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

/** The refusal in English, for the error a send raises; null when the email may go out. */
export function outreachRefusal(customer: ContactState, rules: ContactRules, now = new Date()): string | null {
  const reason = outreachRefusalReason(customer, rules, now);
  if (!reason) return null;
  const f = plainFormat;
  switch (reason.kind) {
    case "noEmail":
      return `${reason.name} has no email address. Add one on the customer's page first.`;
    case "churned":
      return `${reason.name} has churned: Hourglass does not email churned customers.`;
    case "fatigued":
      return `${reason.name} is fatigued: ${reason.contacts} contacts in ${reason.windowDays} days without a reply. Pause outreach and change the conversation.`;
    case "quiet":
      return `${reason.name} was emailed ${f.ago(reason.lastEmailAt, now)}; the team waits ${f.number(reason.quietDays)} ${reason.quietDays === 1 ? "day" : "days"} between emails (next from ${f.date(reason.next)}).`;
  }
}

/** Subject and body with the customer's merge fields filled in. */
export function renderEmail(template: { subject: string; body: string }, fields: MergeFields) {
  return { subject: renderTemplate(template.subject, fields), body: renderTemplate(template.body, fields) };
}
