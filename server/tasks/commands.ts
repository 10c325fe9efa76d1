import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { customers, members, tasks, type ChecklistItem, type Task } from "@/db/schema";
import { type Message, message } from "@/lib/error-messages";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { SessionMember } from "@/lib/permissions";
import type { TaskPriority } from "@/lib/tasks";
import {
  bulkTasksSchema,
  completeTaskSchema,
  createTaskSchema,
  dismissTaskSchema,
  taskFromSuggestionSchema,
  toggleChecklistItemSchema,
} from "@/lib/validation/tasks";
import { defineAction } from "@/server/actions/execute";
import { recordAudit } from "@/server/audit/record";
import { alertTaskAssigned } from "@/server/notifications/alerts";
import { memberToday } from "@/server/notifications/preferences";
import { getSuggestedSteps } from "@/server/risk/page";

async function activeMember(tx: Queryable, memberId: number, field = "assigneeId") {
  const [member] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.active, true)));
  if (!member) throw new ValidationError(message("tasks.unknownMember"), { [field]: [message("tasks.activeMember")] });
}

async function customerOwner(tx: Queryable, customerId: number): Promise<number | null> {
  const [customer] = await tx
    .select({ ownerId: customers.ownerId })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!customer)
    throw new ValidationError(message("tasks.unknownCustomer"), { customerId: [message("tasks.customerFromList")] });
  return customer.ownerId;
}

/**
 * Managers and admins may change any task; a CSM changes the tasks assigned to them, tasks nobody
 * holds, and tasks on customers they own.
 */
async function changeableTasks(tx: Queryable, taskIds: number[], member: SessionMember): Promise<Task[]> {
  const rows = await tx
    .select({ task: tasks, ownerId: customers.ownerId })
    .from(tasks)
    .innerJoin(customers, eq(customers.id, tasks.customerId))
    .where(inArray(tasks.id, taskIds))
    .orderBy(tasks.id)
    .for("update", { of: tasks });
  if (rows.length < taskIds.length)
    throw new NotFoundError(message(taskIds.length === 1 ? "notFound.what.task" : "notFound.what.selectedTask"));
  const mayChangeAll = member.role === "manager" || member.role === "admin";
  for (const { task, ownerId } of rows) {
    const theirs = task.assigneeId === null || task.assigneeId === member.id || ownerId === member.id;
    if (!mayChangeAll && !theirs) throw new ForbiddenError("tasks.write", message("forbidden.notYourTask"));
  }
  return rows.map((row) => row.task);
}

function openOnly(list: Task[]) {
  const closed = list.find((task) => task.status !== "open");
  if (closed) throw new ValidationError(message("tasks.alreadyClosed", { title: closed.title, status: closed.status }));
}

export const createTask = defineAction({
  permission: "tasks.write",
  schema: createTaskSchema,
  async run(input, { member, tx }) {
    const ownerId = await customerOwner(tx, input.customerId);
    if (input.assigneeId !== null) await activeMember(tx, input.assigneeId);
    const [task] = await tx
      .insert(tasks)
      .values({
        customerId: input.customerId,
        title: input.title,
        assigneeId: input.assigneeId ?? ownerId ?? member.id,
        dueOn: input.dueOn,
        priority: input.priority,
        source: "manual",
        checklist: input.checklist.map((text) => ({ text, done: false })),
        note: input.note ?? "",
        createdById: member.id,
      })
      .returning();
    await recordAudit(tx, member, { action: "task.created", entityType: "task", entityId: task.id, after: task });
    if (task.assigneeId !== null && task.assigneeId !== member.id)
      await alertTaskAssigned(tx, [
        {
          taskId: task.id,
          assigneeId: task.assigneeId,
          title: task.title,
          customerId: task.customerId,
          from: { kind: "added", by: member.name },
        },
      ]);
    return { message: message("done.tasks.added"), data: { id: task.id } };
  },
});

const SUGGESTION_PRIORITY: Record<string, TaskPriority> = { fix: "high", executive: "high", pause: "normal" };

/** The risk list's suggested next step as a task in one click: due today, for the customer's owner (or whoever clicked). */
export const createTaskFromSuggestion = defineAction({
  permission: "tasks.write",
  schema: taskFromSuggestionSchema,
  async run(input, { member, tx }): Promise<{ message: Message; data: { created: boolean } }> {
    const ownerId = await customerOwner(tx, input.customerId);
    const step = (await getSuggestedSteps(tx, { customerId: input.customerId })).find(
      (one) => one.key === input.suggestionKey,
    );
    if (!step) throw new ValidationError(message("tasks.suggestionGone"), {});
    const [task] = await tx
      .insert(tasks)
      .values({
        customerId: input.customerId,
        title: step.text,
        assigneeId: ownerId ?? member.id,
        dueOn: await memberToday(tx, member.id),
        priority: SUGGESTION_PRIORITY[step.key] ?? "normal",
        source: "suggestion",
        suggestionKey: step.key,
        createdById: member.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!task) return { message: message("done.tasks.alreadyOnMyDay"), data: { created: false } };
    await recordAudit(tx, member, { action: "task.created", entityType: "task", entityId: task.id, after: task });
    if (task.assigneeId !== null && task.assigneeId !== member.id)
      await alertTaskAssigned(tx, [
        {
          taskId: task.id,
          assigneeId: task.assigneeId,
          title: task.title,
          customerId: task.customerId,
          from: { kind: "suggested", by: member.name },
        },
      ]);
    return { message: message("done.tasks.addedToMyDay"), data: { created: true } };
  },
});

async function close(tx: Queryable, member: SessionMember, list: Task[], change: Closing): Promise<Task[]> {
  const closed = await tx
    .update(tasks)
    .set({
      status: change.status,
      outcome: change.status === "done" ? change.outcome : null,
      dismissReason: change.status === "dismissed" ? change.reason : null,
      closedAt: sql`now()`,
      closedById: member.id,
      updatedAt: sql`now()`,
    })
    .where(
      inArray(
        tasks.id,
        list.map((task) => task.id),
      ),
    )
    .returning();
  return closed;
}

type Closing = { status: "done"; outcome: string | null } | { status: "dismissed"; reason: string };

/** One task closed by the member, audited with what was said about it. */
async function closeOne(tx: Queryable, member: SessionMember, taskId: number, change: Closing) {
  const list = await changeableTasks(tx, [taskId], member);
  openOnly(list);
  const [task] = await close(tx, member, list, change);
  await recordAudit(tx, member, {
    action: change.status === "done" ? "task.completed" : "task.dismissed",
    entityType: "task",
    entityId: task.id,
    before: { status: "open" },
    after: { status: task.status, outcome: task.outcome, dismissReason: task.dismissReason },
  });
  return task;
}

/** Done: the task leaves My day and its completion (with the outcome) shows on the customer's timeline. */
export const completeTask = defineAction({
  permission: "tasks.write",
  schema: completeTaskSchema,
  async run(input, { member, tx }) {
    const task = await closeOne(tx, member, input.taskId, { status: "done", outcome: input.outcome });
    return { message: message("done.tasks.completed", { title: task.title }) };
  },
});

export const dismissTask = defineAction({
  permission: "tasks.write",
  schema: dismissTaskSchema,
  async run(input, { member, tx }) {
    const task = await closeOne(tx, member, input.taskId, { status: "dismissed", reason: input.reason });
    return { message: message("done.tasks.dismissed", { title: task.title }) };
  },
});

export const toggleChecklistItem = defineAction({
  permission: "tasks.write",
  schema: toggleChecklistItemSchema,
  async run(input, { member, tx }) {
    const [task] = await changeableTasks(tx, [input.taskId], member);
    openOnly([task]);
    if (input.item >= task.checklist.length) throw new ValidationError(message("tasks.checklistItemGone"), {});
    const checklist: ChecklistItem[] = task.checklist.map((item, index) =>
      index === input.item ? { ...item, done: input.done } : item,
    );
    await tx
      .update(tasks)
      .set({ checklist, updatedAt: sql`now()` })
      .where(eq(tasks.id, task.id));
    await recordAudit(tx, member, {
      action: "task.checklist_changed",
      entityType: "task",
      entityId: task.id,
      before: { checklist: task.checklist },
      after: { checklist },
    });
    return { message: message(input.done ? "done.tasks.checked" : "done.tasks.unchecked") };
  },
});

/** Complete or reassign many open tasks at once (My day's bulk bar); all or nothing, one audit row for the batch. */
export const bulkUpdateTasks = defineAction({
  permission: "tasks.write",
  schema: bulkTasksSchema,
  async run(input, { member, tx }) {
    const list = await changeableTasks(tx, input.taskIds, member);
    openOnly(list);
    const ids = list.map((task) => task.id);
    const count = { count: list.length };
    if (input.operation === "complete") {
      await close(tx, member, list, { status: "done", outcome: null });
      await recordAudit(tx, member, {
        action: "tasks.completed",
        entityType: "task",
        entityId: ids[0],
        after: { taskIds: ids },
      });
      return { message: message("done.tasks.bulkCompleted", count) };
    }
    const assigneeId = input.assigneeId as number;
    await activeMember(tx, assigneeId);
    await tx
      .update(tasks)
      .set({ assigneeId, updatedAt: sql`now()` })
      .where(inArray(tasks.id, ids));
    await recordAudit(tx, member, {
      action: "tasks.reassigned",
      entityType: "task",
      entityId: ids[0],
      before: { assignees: Object.fromEntries(list.map((task) => [task.id, task.assigneeId])) },
      after: { taskIds: ids, assigneeId },
    });
    return { message: message("done.tasks.bulkReassigned", count) };
  },
});
