import { type MergeFields, renderTemplate } from "./playbooks";

const DAY_MS = 86_400_000;

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
      const days = Math.max(0, Math.floor((now.getTime() - customer.lastEmailAt.getTime()) / DAY_MS));
      return `${customer.name} was emailed ${days === 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`}; the team waits ${rules.quietDays} days between emails (next from ${next.toISOString().slice(0, 10)}).`;
    }
  }
  return null;
}

/** Subject and body with the customer's merge fields filled in. */
export function renderEmail(template: { subject: string; body: string }, fields: MergeFields) {
  return { subject: renderTemplate(template.subject, fields), body: renderTemplate(template.body, fields) };
}
