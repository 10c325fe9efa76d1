export const TASK_STATUSES = ["open", "done", "dismissed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
/** Where a task came from: a playbook that fired, a suggested next step on the risk list, or a person. */
export const TASK_SOURCES = ["playbook", "suggestion", "manual"] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];
// Their names are in messages/<locale>/labels.json (taskPriority, taskSource, dueBucket).

/** My day's sections, in the order a CSM works through them. */
export const DUE_BUCKETS = ["overdue", "today", "week", "later"] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDay(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A calendar day moved by whole days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
