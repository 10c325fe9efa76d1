import type { EmailText } from "./email-text";
import { interactionTypeLabel } from "./i18n/labels";
import type { DriverPeriod } from "./risk";
/** What a member's daily digest says; gathered by server/notifications/digest.ts. */
export type DigestContent = {
  memberName: string;
  day: string;
  /** Whether an earlier digest exists to compare with (the first one has no "new" or "rises"). */
  first: boolean;
  newInTopTen: { id: number; name: string; risk: number }[];
  riskRises: { id: number; name: string; from: number; to: number; driver: string | null }[];
  tasks: { overdue: number; today: number; list: { title: string; customerName: string; dueOn: string }[] };
  unansweredDebits: { count: number; list: { customerName: string; label: string; ageDays: number }[] };
  advocatesPastCapacity: { name: string; used: number; capacity: number }[];
};

/** A risk score must rise at least this much between two digests to be reported. */
export const RISK_RISE_STEP = 1;

/**
 * A risk driver as the digest names it: "Complaint — export broken" for one, "2 × Complaint today"
 * for several (the label as the team named the type; built-in names in the member's language).
 */
export function digestDriver(
  { t, tl, f }: EmailText,
  driver: { label: string; typeKey: string; summary: string; count: number; period: DriverPeriod },
): string {
  const label = interactionTypeLabel(tl, { key: driver.typeKey, label: driver.label });
  if (driver.count === 1) return driver.summary ? t("digest.driverOne", { label, summary: driver.summary }) : label;
  return t("digest.driverMany", { count: f.number(driver.count), label, period: driver.period });
}

/** The digest as plain text (the email, and the webhook's Slack-compatible `text`), with links under `baseUrl`. */
export function digestText(
  content: DigestContent,
  baseUrl: string,
  { t, f }: Pick<EmailText, "t" | "f">,
): { subject: string; text: string } {
  const lines: string[] = [t("digest.greeting", { name: content.memberName, day: content.day }), ""];
  const section = (title: string, items: string[], empty: string) => {
    lines.push(title, ...(items.length > 0 ? items.map((item) => `  • ${item}`) : [`  ${empty}`]), "");
  };
  section(
    content.first ? t("digest.topTen") : t("digest.newInTopTen"),
    content.newInTopTen.map((c) =>
      t("digest.topTenItem", { name: c.name, risk: f.decimal(c.risk), link: `${baseUrl}/customers/${c.id}` }),
    ),
    t("digest.nobodyNew"),
  );
  if (!content.first)
    section(
      t("digest.riskRising"),
      content.riskRises.map((c) =>
        c.driver
          ? t("digest.riseWithDriver", { name: c.name, from: f.decimal(c.from), to: f.decimal(c.to), driver: c.driver })
          : t("digest.rise", { name: c.name, from: f.decimal(c.from), to: f.decimal(c.to) }),
      ),
      t("digest.noRise"),
    );
  section(
    t("digest.tasks", { overdue: f.number(content.tasks.overdue), today: f.number(content.tasks.today) }),
    content.tasks.list.map((task) =>
      t("digest.task", { title: task.title, customer: task.customerName, due: f.date(`${task.dueOn}T12:00:00Z`) }),
    ),
    t("digest.nothingDue"),
  );
  section(
    t("digest.debits", { count: f.number(content.unansweredDebits.count) }),
    content.unansweredDebits.list.map((d) =>
      t("digest.debit", { customer: d.customerName, label: d.label, ago: f.daysAgo(d.ageDays) }),
    ),
    t("digest.none"),
  );
  section(
    t("digest.advocates"),
    content.advocatesPastCapacity.map((a) =>
      t("digest.advocate", { name: a.name, used: f.number(a.used), capacity: f.number(a.capacity) }),
    ),
    t("digest.none"),
  );
  lines.push(
    t("digest.myDay", { link: `${baseUrl}/tasks` }),
    t("digest.settings", { link: `${baseUrl}/settings/notifications` }),
  );
  const due = content.tasks.overdue + content.tasks.today;
  const subject = content.first
    ? t("digest.subjectFirst", { day: content.day, due, customers: content.newInTopTen.length })
    : t("digest.subject", { day: content.day, due, customers: content.newInTopTen.length });
  return { subject, text: lines.join("\n") };
}
