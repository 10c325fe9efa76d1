import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { customers } from "@/db/schema";
import { message } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import {
  bulkAddToPlaybookSchema,
  bulkChangeOwnerSchema,
  bulkLogInteractionSchema,
  bulkSetMilestoneSchema,
} from "@/lib/validation/bulk-customers";
import { defineAction } from "@/server/actions/execute";
import { recordAudit } from "@/server/audit/record";
import { moveMilestones } from "@/server/journey/milestones";
import { type BookedRow, bookInteractions } from "@/server/ledger/booking";
import { startPlaybook } from "@/server/playbooks/evaluate";
import { refreshRisk } from "@/server/risk/refresh";
import { assertOwner } from "./commands";
import { resolveSelection } from "./selection";
import { arrayLiteral } from "@/db/array-literal";

/*
 * The customers and risk lists' bulk bar: the same changes as on one customer's page, with the
 * same permission each, for many customers at once — set-based, all or nothing in the action's
 * transaction, one audit row naming the action, the count and the customers.
 */

/** Each selected customer's value of one column before the change, by id. */
async function currentValues<T>(tx: Queryable, ids: readonly number[], column: "owner_id" | "milestone") {
  const rows = await queryRows<{ id: number; value: T }>(
    tx,
    sql`select id, ${sql.identifier(column)} as value from customers where id = any(${arrayLiteral(ids)}::int[]) order by id`,
  );
  return rows;
}

export const bulkChangeOwner = defineAction({
  permission: "customers.write",
  schema: bulkChangeOwnerSchema,
  async run(input, { member, tx }) {
    await assertOwner(tx, input.ownerId);
    const ids = await resolveSelection(tx, member, input);
    const before = await currentValues<number | null>(tx, ids, "owner_id");
    const changing = before.filter((row) => row.value !== input.ownerId);
    if (changing.length === 0) return { message: message("done.bulk.ownerUnchanged", { count: ids.length }) };
    const changed = changing.map((row) => row.id);
    await tx
      .update(customers)
      .set({ ownerId: input.ownerId, updatedAt: sql`now()` })
      .where(sql`${customers.id} = any(${arrayLiteral(changed)}::int[])`);
    await recordAudit(tx, member, {
      action: "customers.owner_changed",
      entityType: "customer",
      entityId: changed[0],
      before: { ownerIds: Object.fromEntries(changing.map((row) => [row.id, row.value])) },
      after: { ownerId: input.ownerId, count: changed.length, customerIds: changed },
    });
    return {
      message: message("done.bulk.ownerChanged", { count: changed.length, unchanged: ids.length - changed.length }),
      data: { changed: changed.length },
    };
  },
});

export const bulkSetMilestone = defineAction({
  permission: "journey.write",
  schema: bulkSetMilestoneSchema,
  async run(input, { member, tx }) {
    const ids = await resolveSelection(tx, member, input);
    const before = await currentValues<number>(tx, ids, "milestone");
    const moving = before.filter((row) => row.value !== input.milestone);
    if (moving.length === 0)
      throw new ValidationError(message("action.nothingToChange"), {
        milestone: [
          message("bulk.alreadyAtMilestone", { count: ids.length, milestone: { milestone: input.milestone } }),
        ],
      });
    const moved = moving.map((row) => row.id);
    await moveMilestones(tx, {
      customers: moving.map((row) => ({ id: row.id, from: row.value })),
      to: input.milestone,
      at: new Date(),
      actorId: member.id,
      reason: input.reason,
      source: "ui",
    });
    await refreshRisk(tx, { customerIds: moved });
    await recordAudit(tx, member, {
      action: "customers.milestone_set",
      entityType: "customer",
      entityId: moved[0],
      before: { milestones: Object.fromEntries(moving.map((row) => [row.id, row.value])) },
      after: { milestone: input.milestone, reason: input.reason, count: moved.length, customerIds: moved },
    });
    return {
      message: message("done.bulk.milestoneSet", {
        milestone: { milestone: input.milestone },
        count: moved.length,
        unchanged: ids.length - moved.length,
      }),
      data: { moved: moved.length },
    };
  },
});

export const bulkAddToPlaybook = defineAction({
  permission: "tasks.write",
  schema: bulkAddToPlaybookSchema,
  async run(input, { member, tx }) {
    const ids = await resolveSelection(tx, member, input);
    const started = await startPlaybook(tx, { playbookId: input.playbookId, customerIds: ids, createdById: member.id });
    if (!started)
      throw new ValidationError(message("bulk.unknownPlaybook"), { playbookId: [message("bulk.playbookFromList")] });
    const added = started.created.map((task) => task.customerId).sort((a, b) => a - b);
    const skipped = ids.filter((id) => !added.includes(id));
    if (added.length === 0)
      return { message: message("done.bulk.nothingAddedToPlaybook", { name: started.name, skipped: skipped.length }) };
    await recordAudit(tx, member, {
      action: "customers.playbook_started",
      entityType: "playbook",
      entityId: input.playbookId,
      after: {
        playbook: started.name,
        count: added.length,
        customerIds: added,
        taskIds: started.created.map((task) => task.taskId),
        skippedCustomerIds: skipped,
      },
    });
    return {
      message: message("done.bulk.addedToPlaybook", {
        count: added.length,
        name: started.name,
        skipped: skipped.length,
      }),
      data: { added: added.length, skipped: skipped.length },
    };
  },
});

export const bulkLogInteraction = defineAction({
  permission: "interactions.write",
  schema: bulkLogInteractionSchema,
  async run(input, { member, tx }) {
    const ids = await resolveSelection(tx, member, input);
    const { typeKey, occurredAt, weight, channel, direction, summary, requestKey } = input;
    // The form's request key, per customer, is each row's idempotency key: a retried submit books nothing twice.
    const booked = await bookInteractions(
      tx,
      ids.map((customerId) => ({
        customerId,
        typeKey,
        occurredAt,
        weight,
        channel,
        direction,
        summary,
        externalId: requestKey ? `${requestKey}:${customerId}` : null,
      })),
      { actor: member, source: "ui", audit: "by the caller" },
    );
    const written = booked.filter((row): row is Extract<BookedRow, { booked: true }> => row.booked);
    if (written.length === 0) return { message: message("done.interactions.alreadyLogged") };
    const customerIds = written.map((row) => ids[row.index]);
    await recordAudit(tx, member, {
      action: "interactions.logged",
      entityType: "interaction",
      entityId: written[0].id,
      after: { typeKey, occurredAt, channel, direction, summary, weight, count: written.length, customerIds },
    });
    return {
      message: message("done.bulk.logged", {
        type: { interactionType: { key: typeKey, label: written[0].typeLabel } },
        count: written.length,
      }),
      data: { logged: written.length },
    };
  },
});
