import { createTranslator } from "next-intl";
import { compileCatalog } from "@/lib/i18n/compile-catalog";
import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import de from "@/messages/de";
import { type DigestContent, digestText } from "./digest";
import { createFormat, DEFAULT_FORMAT_OPTIONS } from "./format";

const english = {
  t: createTranslator({ locale: "en", messages: compileCatalog(en), namespace: "emails" }),
  f: createFormat(DEFAULT_FORMAT_OPTIONS),
};

const content: DigestContent = {
  memberName: "Chris",
  day: "2026-12-01",
  first: false,
  newInTopTen: [{ id: 7, name: "Acme", risk: 12.34 }],
  riskRises: [{ id: 7, name: "Acme", from: 4, to: 12.34, driver: "Complaint: export broken" }],
  tasks: { overdue: 2, today: 1, list: [{ title: "Call Acme", customerName: "Acme", dueOn: "2026-11-29" }] },
  unansweredDebits: { count: 3, list: [{ customerName: "Beta", label: "Bug report", ageDays: 1 }] },
  advocatesPastCapacity: [],
};

describe("the digest as text", () => {
  it("names what is due (2 overdue + 1 today = 3 tasks) and who is new at risk in the subject, with links", () => {
    const { subject, text } = digestText(content, "https://hg.example", english);
    expect(subject).toBe("Hourglass 2026-12-01: 3 tasks due, 1 new customer in your top 10 at risk");
    expect(text).toContain("Acme (risk 12.3) https://hg.example/customers/7");
    expect(text).toContain("Acme: 4.0 → 12.3 (Complaint: export broken)");
    expect(text).toContain("Tasks: 2 overdue, 1 due today");
    expect(text).toContain("Beta: Bug report, yesterday");
    expect(text).toContain("Advocates at or past capacity this quarter\n  None.");
  });
  it("the first digest lists the top 10 instead of what is new, and no rises", () => {
    const { text } = digestText({ ...content, first: true }, "https://hg.example", english);
    expect(text).toContain("Your top 10 at risk");
    expect(text).not.toContain("Risk rising");
  });
  it("reads in the member's language, figures included", () => {
    const german = {
      t: createTranslator({ locale: "de", messages: compileCatalog(de), namespace: "emails" }),
      f: createFormat({ ...DEFAULT_FORMAT_OPTIONS, locale: "de" }),
    };
    const { subject, text } = digestText(content, "https://hg.example", german);
    expect(subject).toBe(
      "Hourglass 2026-12-01: 3 Aufgaben fällig, 1 neuer Kunde in Ihren Top 10 der gefährdeten Kunden",
    );
    expect(text).toContain("Acme (Risikowert 12,3) https://hg.example/customers/7");
    expect(text).toContain("Beta: Bug report, gestern");
  });
});
