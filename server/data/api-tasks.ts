import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db";
import { customers, members, tasks } from "@/db/schema";
import { IdempotencyConflictError, type ItemError } from "@/lib/errors";
import type { TaskStatus } from "@/lib/tasks";
import { apiTaskSchema } from "@/lib/validation/api";
import { type Actor, recordAudit } from "@/server/audit/record";
import { alertTaskAssigned } from "@/server/notifications/alerts";
import { invalidItems, readKeyedBatch, resolveCustomers } from "./api-ingest";

const assignee = alias(members, "assignee");

/** GET /api/v1/tasks: tasks by status (open by default), soonest due first, optionally one assignee's or customer's. */
export async function getTasksForApi(
  db: Queryable,
  query: { status: TaskStatus; assigneeEmail?: string; customerId?: number; limit: number; page: number },
) {
  const where = and(
    eq(tasks.status, query.status),
    query.assigneeEmail ? eq(assignee.email, query.assigneeEmail) : undefined,
    query.customerId ? eq(tasks.customerId, query.customerId) : undefined,
  );
  const rows = await db
    .select({
      id: tasks.id,
      externalId: tasks.externalId,
      customerId: tasks.customerId,
      customerName: customers.name,
      title: tasks.title,
      priority: tasks.priority,
      status: tasks.status,
      dueOn: tasks.dueOn,
      source: tasks.source,
      assigneeEmail: assignee.email,
      checklist: tasks.checklist,
      note: tasks.note,
      outcome: tasks.outcome,
      dismissReason: tasks.dismissReason,
      createdAt: tasks.createdAt,
      closedAt: tasks.closedAt,
    })
    .from(tasks)
    .innerJoin(customers, eq(customers.id, tasks.customerId))
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .where(where)
    .orderBy(asc(tasks.dueOn), asc(tasks.id))
    .limit(query.limit + 1)
    .offset((query.page - 1) * query.limit);
  return {
    page: query.page,
    more: rows.length > query.limit,
    tasks: rows.slice(0, query.limit).map(({ createdAt, closedAt, ...task }) => ({
      ...task,
      createdAt: createdAt.toISOString(),
      closedAt: closedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * POST /api/v1/tasks: a batch of tasks, each with its idempotency key. All or nothing: an unknown
 * customer or assignee, or a key sent before with another body, rejects the batch. A key sent
 * again with the same body returns the task it made (status "duplicate") and writes nothing.
 */
export async function createTasksFromApi(db: Queryable, { body, actor }: { body: unknown; actor: Actor }) {
  const { items: batch, hashes, seen, errors } = readKeyedBatch(body, "tasks", apiTaskSchema);
  const customerIds = await resolveCustomers(db, batch);
  batch.forEach((task, index) => {
    if (customerIds[index] === undefined)
      errors.push({ index, field: "customer", message: "No customer matches this reference." });
  });
  const emails = [...new Set(batch.flatMap((task) => (task.assigneeEmail ? [task.assigneeEmail] : [])))];
  const assignees = emails.length
    ? await db
        .select({ id: members.id, email: members.email })
        .from(members)
        .where(and(inArray(members.email, emails), eq(members.active, true)))
    : [];
  batch.forEach((task, index) => {
    if (task.assigneeEmail && !assignees.some((one) => one.email === task.assigneeEmail))
      errors.push({ index, field: "assigneeEmail", message: "No active team member has this email." });
  });
  errors.sort((a, b) => a.index - b.index);
  if (errors.length > 0) throw invalidItems("Some tasks are invalid; nothing was saved.", errors);

  return db.transaction(async (tx) => {
    const owners = await tx
      .select({ id: customers.id, ownerId: customers.ownerId })
      .from(customers)
      .where(inArray(customers.id, customerIds as number[]));
    const created = await tx
      .insert(tasks)
      .values(
        [...seen.values()].map((index) => {
          const task = batch[index];
          return {
            externalId: task.externalId,
            payloadHash: hashes[index],
            customerId: customerIds[index] as number,
            title: task.title,
            dueOn: task.dueOn,
            priority: task.priority,
            source: "manual" as const,
            assigneeId:
              assignees.find((one) => one.email === task.assigneeEmail)?.id ??
              owners.find((one) => one.id === customerIds[index])?.ownerId ??
              null,
            checklist: task.checklist.map((text) => ({ text, done: false })),
            note: task.note,
          };
        }),
      )
      .onConflictDoNothing({ target: tasks.externalId, where: sql`${tasks.externalId} is not null` })
      .returning();
    const held = await tx
      .select({ id: tasks.id, externalId: tasks.externalId, payloadHash: tasks.payloadHash })
      .from(tasks)
      .where(inArray(tasks.externalId, [...seen.keys()]));
    const conflicts: ItemError[] = [];
    const results = batch.map((task, index) => {
      const row = held.find((one) => one.externalId === task.externalId);
      if (!row) throw new Error(`Task ${task.externalId} was neither created nor found.`);
      if (row.payloadHash !== hashes[index])
        conflicts.push({
          index,
          field: "externalId",
          message: "This key was already used for a task with a different body.",
        });
      const status =
        created.some((one) => one.id === row.id) && seen.get(task.externalId) === index
          ? ("created" as const)
          : ("duplicate" as const);
      return { index, externalId: task.externalId, id: row.id, status };
    });
    if (conflicts.length > 0) throw new IdempotencyConflictError(conflicts);
    if (created.length > 0)
      await recordAudit(tx, actor, {
        action: "tasks.created",
        entityType: "task",
        entityId: created[0].id,
        after: { created: created.map((task) => ({ id: task.id, externalId: task.externalId })) },
      });
    await alertTaskAssigned(
      tx,
      created.flatMap((task) =>
        task.assigneeId === null
          ? []
          : [
              {
                taskId: task.id,
                assigneeId: task.assigneeId,
                title: task.title,
                customerId: task.customerId,
                from: { kind: "api", by: actor.id === null ? actor.label : actor.name },
              },
            ],
      ),
    );
    return { created: created.length, duplicates: batch.length - created.length, results };
  });
}
