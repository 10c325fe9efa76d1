import { countOf, formatDate, formatDaysAgo, formatDecimal } from "./format";
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

/** The digest as plain text (the email, and the webhook's Slack-compatible `text`), with links under `baseUrl`. */
export function digestText(content: DigestContent, baseUrl: string): { subject: string; text: string } {
  const lines: string[] = [`Good morning ${content.memberName}, here is ${content.day} in Hourglass.`, ""];
  const section = (title: string, items: string[], empty: string) => {
    lines.push(title, ...(items.length > 0 ? items.map((item) => `  • ${item}`) : [`  ${empty}`]), "");
  };
  section(
    content.first ? "Your top 10 at risk" : "New in your top 10 at risk",
    content.newInTopTen.map((c) => `${c.name} (risk ${formatDecimal(c.risk)}) ${baseUrl}/customers/${c.id}`),
    "Nobody new.",
  );
  if (!content.first)
    section(
      "Risk rising",
      content.riskRises.map(
        (c) => `${c.name}: ${formatDecimal(c.from)} → ${formatDecimal(c.to)}${c.driver ? ` (${c.driver})` : ""}`,
      ),
      "No risk rose by a step or more.",
    );
  section(
    `Tasks: ${content.tasks.overdue} overdue, ${content.tasks.today} due today`,
    content.tasks.list.map((t) => `${t.title} — ${t.customerName} (due ${formatDate(`${t.dueOn}T12:00:00Z`)})`),
    "Nothing due. Enjoy the day.",
  );
  section(
    `Debits unanswered for more than 48 hours: ${content.unansweredDebits.count}`,
    content.unansweredDebits.list.map((d) => `${d.customerName}: ${d.label}, ${formatDaysAgo(d.ageDays)}`),
    "None.",
  );
  section(
    "Advocates at or past capacity this quarter",
    content.advocatesPastCapacity.map((a) => `${a.name}: asked ${a.used} of ${a.capacity}`),
    "None.",
  );
  lines.push(`My day: ${baseUrl}/tasks`, `Notification settings: ${baseUrl}/settings/notifications`);
  const subject = `Hourglass ${content.day}: ${countOf(content.tasks.overdue + content.tasks.today, "task")} due, ${countOf(content.newInTopTen.length, content.first ? "customer" : "new customer")} in your top 10 at risk`;
  return { subject, text: lines.join("\n") };
}
