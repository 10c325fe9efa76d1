import { type Format, plainFormat } from "./format";

/** A changed value, kept structured so each reader sees it in their own language and currency. */
export type AuditValue =
  | { kind: "empty" }
  | { kind: "money"; minorUnits: number }
  | { kind: "member"; id: number; name: string | null }
  | { kind: "boolean"; value: boolean }
  | { kind: "text"; text: string };

/** One changed field: its column name (`ownerId`), the value before (null on a creation) and after. */
export type AuditFieldChange = { key: string; before: AuditValue | null; after: AuditValue };

export type AuditChange = { field: string; before: string | null; after: string };

const HIDDEN = new Set(["id", "updatedAt", "createdAt", "passwordHash", "webhookSecret", "tokenHash", "payloadHash"]);
const LABELS: Record<string, string> = {
  ownerId: "Owner",
  assigneeId: "Assignee",
  closedById: "Closed by",
  createdById: "Created by",
  actorId: "By",
  mrrCents: "MRR",
  costCents: "Cost",
  customerId: "Customer",
  dueOn: "Due",
};

/** "mrrCents" → "MRR", "ownerId" → "Owner", "askCapacity" → "Ask capacity". */
export function fieldLabel(field: string): string {
  if (LABELS[field]) return LABELS[field];
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.]/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueOf(field: string, value: unknown, memberName: (id: number) => string | undefined): AuditValue {
  if (value === null || value === undefined || value === "") return { kind: "empty" };
  if (/Cents$/.test(field) && typeof value === "number") return { kind: "money", minorUnits: value };
  if (/(owner|assignee|closedBy|createdBy|actor)Id$/.test(field) && typeof value === "number")
    return { kind: "member", id: value, name: memberName(value) ?? null };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "object") return { kind: "text", text: JSON.stringify(value).slice(0, 80) };
  return { kind: "text", text: String(value).slice(0, 80) };
}

/** The words a value needs: English by default (`plainFormat`, "yes", "no", "member 4"). */
export type AuditWords = { yes: string; no: string; member: (id: number) => string };
const ENGLISH_WORDS: AuditWords = { yes: "yes", no: "no", member: (id) => `member ${id}` };

/** A value as a person reads it: money in the book's currency, a member's name, yes/no, a dash for nothing. */
export function auditValueText(value: AuditValue, f: Format = plainFormat, words: AuditWords = ENGLISH_WORDS): string {
  switch (value.kind) {
    case "empty":
      return "—";
    case "money":
      return f.money(value.minorUnits);
    case "member":
      return value.name ?? words.member(value.id);
    case "boolean":
      return value.value ? words.yes : words.no;
    case "text":
      return value.text;
  }
}

/**
 * What an audit row changed, structured: members' names instead of their ids, money as amounts;
 * unchanged and internal fields left out. The reader's words come from the component that shows it.
 */
export function auditDiff(
  before: unknown,
  after: unknown,
  memberName: (id: number) => string | undefined,
  limit = 6,
): AuditFieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => !HIDDEN.has(key) && JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .slice(0, limit)
    .map((key) => ({
      key,
      before: before ? valueOf(key, b[key], memberName) : null,
      after: valueOf(key, a[key], memberName),
    }));
}

/**
 * What an audit row changed, in English: field labels instead of column names, members' names
 * instead of their ids, money in dollars; unchanged and internal fields left out.
 */
export function auditChanges(
  before: unknown,
  after: unknown,
  memberName: (id: number) => string | undefined,
  limit = 6,
): AuditChange[] {
  return auditDiff(before, after, memberName, limit).map((change) => ({
    field: fieldLabel(change.key),
    before: change.before ? auditValueText(change.before) : null,
    after: auditValueText(change.after),
  }));
}
