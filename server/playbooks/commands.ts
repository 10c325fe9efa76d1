import { and, eq, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { interactionTypes, members, playbookMatches, playbooks } from "@/db/schema";
import { message } from "@/lib/error-messages";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { NPS_DETRACTOR_TYPE } from "@/lib/playbooks";
import { deletePlaybookSchema, savePlaybookSchema } from "@/lib/validation/playbooks";
import { defineAction } from "@/server/actions/execute";
import { recordAudit } from "@/server/audit/record";

async function assertDebitType(tx: Queryable, typeKey: string) {
  const [type] = await tx
    .select({ key: interactionTypes.key })
    .from(interactionTypes)
    .where(and(eq(interactionTypes.key, typeKey), lt(interactionTypes.defaultWeight, 0)));
  if (!type)
    throw new ValidationError(message("playbooks.unknownDebit"), {
      triggerTypeKey: [message("playbooks.debitFromList")],
    });
}

async function assertAssignee(tx: Queryable, memberId: number) {
  const [member] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.active, true)));
  if (!member)
    throw new ValidationError(message("tasks.unknownMember"), { assigneeId: [message("tasks.activeMember")] });
}

/**
 * Creates or changes a playbook. A change of trigger (or switching it off) forgets who was in its
 * condition, so customers still in it count as entering it anew at the next evaluation.
 */
export const savePlaybook = defineAction({
  permission: "playbooks.manage",
  schema: savePlaybookSchema,
  async run({ playbookId, ...input }, { member, tx }) {
    if (input.trigger === "debit_logged" && input.triggerTypeKey) await assertDebitType(tx, input.triggerTypeKey);
    if (input.assigneeId !== null) await assertAssignee(tx, input.assigneeId);
    const values = {
      name: input.name,
      active: input.active,
      trigger: input.trigger,
      triggerTypeKey:
        input.trigger === "debit_logged"
          ? input.triggerTypeKey
          : input.trigger === "nps_detractor"
            ? NPS_DETRACTOR_TYPE
            : null,
      triggerDays: input.trigger === "silence" ? input.triggerDays : null,
      taskTitle: input.taskTitle,
      checklist: input.checklist,
      dueInDays: input.dueInDays,
      priority: input.priority,
      assigneeId: input.assigneeId,
      emailSubject: input.emailSubject,
      emailBody: input.emailBody,
    };
    if (playbookId === null) {
      const [created] = await tx.insert(playbooks).values(values).returning();
      await recordAudit(tx, member, {
        action: "playbook.created",
        entityType: "playbook",
        entityId: created.id,
        after: created,
      });
      return { message: message("done.playbooks.saved", { name: created.name }), data: { id: created.id } };
    }
    const [before] = await tx.select().from(playbooks).where(eq(playbooks.id, playbookId)).for("update");
    if (!before) throw new NotFoundError(message("notFound.what.playbook"));
    const [after] = await tx
      .update(playbooks)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(playbooks.id, playbookId))
      .returning();
    const conditionChanged =
      !after.active ||
      before.trigger !== after.trigger ||
      before.triggerDays !== after.triggerDays ||
      before.triggerTypeKey !== after.triggerTypeKey;
    if (conditionChanged) await tx.delete(playbookMatches).where(eq(playbookMatches.playbookId, playbookId));
    await recordAudit(tx, member, {
      action: "playbook.updated",
      entityType: "playbook",
      entityId: after.id,
      before,
      after,
    });
    return { message: message("done.playbooks.saved", { name: after.name }), data: { id: after.id } };
  },
});

/** Deletes a playbook; the tasks it created stay, without it. */
export const deletePlaybook = defineAction({
  permission: "playbooks.manage",
  schema: deletePlaybookSchema,
  async run({ playbookId }, { member, tx }) {
    const [deleted] = await tx.delete(playbooks).where(eq(playbooks.id, playbookId)).returning();
    if (!deleted) throw new NotFoundError(message("notFound.what.playbook"));
    await recordAudit(tx, member, {
      action: "playbook.deleted",
      entityType: "playbook",
      entityId: deleted.id,
      before: deleted,
    });
    return { message: message("done.playbooks.deleted", { name: deleted.name }) };
  },
});
