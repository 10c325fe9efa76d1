import { formatCents } from "./format";

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

function shown(field: string, value: unknown, memberName: (id: number) => string | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  if (/Cents$/.test(field) && typeof value === "number") return formatCents(value);
  if (/(owner|assignee|closedBy|createdBy|actor)Id$/.test(field) && typeof value === "number")
    return memberName(value) ?? `member ${value}`;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") return JSON.stringify(value).slice(0, 80);
  return String(value).slice(0, 80);
}

/**
 * What an audit row changed, as a person reads it: field labels instead of column names, members'
 * names instead of their ids, money in dollars; unchanged and internal fields left out.
 */
export function auditChanges(
  before: unknown,
  after: unknown,
  memberName: (id: number) => string | undefined,
  limit = 6,
): AuditChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => !HIDDEN.has(key) && JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .slice(0, limit)
    .map((key) => ({
      field: fieldLabel(key),
      before: before ? shown(key, b[key], memberName) : null,
      after: shown(key, a[key], memberName),
    }));
}
