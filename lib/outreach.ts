import { DAY_MS } from "./dates";
import { type MergeFields, renderTemplate } from "./playbooks";
import { countOf, formatAgo, formatDate } from "./format";

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

/** Why an email to this customer must not go out now, or null when it may. */
export function outreachRefusal(customer: ContactState, rules: ContactRules, now = new Date()): string | null {
  if (!customer.email) return `${customer.name} has no email address. Add one on the customer's page first.`;
  if (customer.status === "churned") return `${customer.name} has churned: Hourglass does not email churned customers.`;
  if (customer.unansweredContacts >= rules.fatigueContacts)
    return `${customer.name} is fatigued: ${customer.unansweredContacts} contacts in ${rules.fatigueWindowDays} days without a reply. Pause outreach and change the conversation.`;
  if (customer.lastEmailAt && rules.quietDays > 0) {
    const next = new Date(customer.lastEmailAt.getTime() + rules.quietDays * DAY_MS);
    if (next > now) {
      return `${customer.name} was emailed ${formatAgo(customer.lastEmailAt, now)}; the team waits ${countOf(rules.quietDays, "day")} between emails (next from ${formatDate(next)}).`;
    }
  }
  return null;
}

/** Subject and body with the customer's merge fields filled in. */
export function renderEmail(template: { subject: string; body: string }, fields: MergeFields) {
  return { subject: renderTemplate(template.subject, fields), body: renderTemplate(template.body, fields) };
}
