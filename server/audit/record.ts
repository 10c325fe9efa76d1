import type { Queryable } from "@/db";
import { auditLog } from "@/db/schema";

export type Actor = { id: number; name: string } | { id: null; label: string };

export function actorLabel(actor: Actor): string {
  return actor.id === null ? actor.label : actor.name;
}

/** Appends one audit row in the caller's transaction: who did what to which entity, before and after. */
export async function recordAudit(
  tx: Queryable,
  actor: Actor,
  entry: { action: string; entityType: string; entityId: string | number; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.id,
    actorLabel: actorLabel(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
