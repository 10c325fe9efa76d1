import { eq, sql } from "drizzle-orm";
import { defineAction } from "@/server/actions/execute";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { setMilestoneSchema } from "@/lib/validation/journey";
import { CONVERTED_MILESTONE, milestoneLabel } from "@/lib/journey/models";
import type { Queryable } from "@/db";
import { recordAudit } from "@/server/audit/record";
import { refreshRisk } from "@/server/risk/refresh";
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

/** A person sets the milestone by hand, with a reason; backwards is allowed (a customer may regress). */
export const setMilestone = defineAction({
  permission: "journey.write",
  schema: setMilestoneSchema,
  async run(input, { member, tx }) {
    const [customer] = await tx
      .select({ id: customers.id, name: customers.name, milestone: customers.milestone })
      .from(customers)
      .where(eq(customers.id, input.customerId))
      .for("update");
    if (!customer) throw new NotFoundError("The customer");
    if (customer.milestone === input.milestone) {
      throw new ValidationError("Nothing to change.", {
        milestone: [`${customer.name} is already at ${milestoneLabel(input.milestone)}.`],
      });
    }
    await moveMilestone(tx, {
      customerId: customer.id,
      from: customer.milestone,
      to: input.milestone,
      at: new Date(),
      actorId: member.id,
      reason: input.reason,
      source: "ui",
    });
    await refreshRisk(tx, [customer.id]);
    await recordAudit(tx, member, {
      action: "customer.milestone_set",
      entityType: "customer",
      entityId: customer.id,
      before: { milestone: customer.milestone },
      after: { milestone: input.milestone, reason: input.reason },
    });
    return { message: `${customer.name} moved to ${milestoneLabel(input.milestone)}.` };
  },
});
