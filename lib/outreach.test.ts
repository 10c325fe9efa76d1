import { describe, expect, it } from "vitest";
import { english } from "./error-messages";
import {
  type ContactState,
  type ContactRules,
  outreachRefusalMessage,
  outreachRefusalReason,
  renderEmail,
} from "./outreach";

/** The refusal as an English-speaking member reads it, or null when the email may go. */
function outreachRefusal(customer: ContactState, rules: ContactRules, now: Date): string | null {
  const reason = outreachRefusalReason(customer, rules, now);
  return reason && english.say(outreachRefusalMessage(reason, now));
}

const rules = { fatigueContacts: 3, fatigueWindowDays: 21, quietDays: 7 };
const now = new Date("2026-12-01T12:00:00Z");
const customer = {
  name: "Acme",
  email: "ops@acme.test",
  status: "active" as const,
  unansweredContacts: 0,
  lastEmailAt: null,
};

describe("never over-contact", () => {
  it("a customer with an address, no unanswered contacts and no recent email may be emailed", () => {
    expect(outreachRefusal(customer, rules, now)).toBeNull();
  });
  it("3 unanswered contacts in 21 days (the fatigue rule) refuse, 2 do not", () => {
    expect(outreachRefusal({ ...customer, unansweredContacts: 3 }, rules, now)).toContain(
      "fatigued: 3 contacts in 21 days",
    );
    expect(outreachRefusal({ ...customer, unansweredContacts: 2 }, rules, now)).toBeNull();
  });
  it("an email 3 days ago refuses for 7 quiet days (next from 5 Dec 2026); 7 days ago is fine", () => {
    const recent = outreachRefusal({ ...customer, lastEmailAt: new Date("2026-11-28T12:00:00Z") }, rules, now);
    expect(recent).toContain("emailed 3 days ago");
    expect(recent).toContain("next from 5 Dec 2026");
    expect(outreachRefusal({ ...customer, lastEmailAt: new Date("2026-11-24T12:00:00Z") }, rules, now)).toBeNull();
  });
  it("no address or a churned customer refuse, saying why", () => {
    expect(outreachRefusal({ ...customer, email: null }, rules, now)).toContain("no email address");
    expect(outreachRefusal({ ...customer, status: "churned" }, rules, now)).toContain("churned");
  });
});

describe("merge fields", () => {
  it("fills the known fields and leaves an unknown one visible", () => {
    expect(
      renderEmail(
        { subject: "Hi {{ customer }}", body: "{{owner}} at {{company}}, {{days_silent}} days, {{nope}}" },
        { customer: "Acme", company: "Acme AG", owner: "Chris", days_silent: "40" },
      ),
    ).toEqual({ subject: "Hi Acme", body: "Chris at Acme AG, 40 days, {{nope}}" });
  });
});
