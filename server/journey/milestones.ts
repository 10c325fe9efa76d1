import { eq, sql } from "drizzle-orm";
import { CONVERTED_MILESTONE } from "@/lib/journey/models";
import type { Queryable } from "@/db";
import { customers, milestoneChanges } from "@/db/schema";

/**
 * Moves a customer to a milestone and records it in the history. Callers decide the direction:
 * interactions only ever move forward, a person may also move back.
 */
export async function moveMilestone(
  tx: Queryable,
  change: {
    customerId: number;
    from: number;
    to: number;
    at: Date;
    actorId: number | null;
    reason: string;
    source: "ui" | "api" | "import" | "system";
    interactionId?: number;
  },
): Promise<void> {
  await tx
    .update(customers)
    .set({
      milestone: change.to,
      milestoneAt: change.at,
      peakMilestone: sql`greatest(${customers.peakMilestone}, ${change.to})`,
      convertedAt:
        change.to >= CONVERTED_MILESTONE
          ? sql`coalesce(${customers.convertedAt}, ${change.at.toISOString()}::timestamptz)`
          : undefined,
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, change.customerId));
  await tx.insert(milestoneChanges).values({
    customerId: change.customerId,
    fromMilestone: change.from,
    toMilestone: change.to,
    at: change.at,
    actorId: change.actorId,
    reason: change.reason,
    source: change.source,
    interactionId: change.interactionId,
  });
}
