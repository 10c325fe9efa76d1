import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { tasks } from "@/db/schema";
import { DAY_MS } from "@/lib/dates";
import type { SessionMember } from "@/lib/permissions";
import { addDays, localDay } from "@/lib/tasks";
import { executeAction } from "@/server/actions/execute";
import { getTimeline } from "@/server/customers/timeline";
import {
  asSessionMember,
  bookInteraction,
  createCustomer,
  createMember,
  createTask,
  writeFingerprint,
} from "@/testing/factories";
import { bulkUpdateTasks, completeTask, createTaskFromSuggestion, dismissTask, toggleChecklistItem } from "./commands";
import { getMyDay } from "./queries";

let csm: SessionMember;
let otherCsm: SessionMember;
let manager: SessionMember;

beforeAll(async () => {
  csm = asSessionMember(await createMember({ role: "csm", name: "Cora CSM" }));
  otherCsm = asSessionMember(await createMember({ role: "csm", name: "Otto CSM" }));
  manager = asSessionMember(await createMember({ role: "manager", name: "Mona Manager" }));
});

const today = () => localDay(new Date(), "UTC");

describe("a suggested next step becomes a task", () => {
  it("in one click, for the customer's owner, due today; a second click adds nothing", async () => {
    const customer = await createCustomer({
      ownerId: otherCsm.id,
      convertedAt: new Date(Date.now() - 200 * DAY_MS),
      lastInboundAt: new Date(Date.now() - 40 * DAY_MS),
    });
    const input = { customerId: String(customer.id), suggestionKey: "check_in" };
    const first = await executeAction(createTaskFromSuggestion, csm, input);
    expect(first).toMatchObject({ ok: true, data: { created: true } });
    const second = await executeAction(createTaskFromSuggestion, csm, input);
    expect(second).toMatchObject({ ok: true, data: { created: false } });
    const rows = await db.select().from(tasks).where(eq(tasks.customerId, customer.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      assigneeId: otherCsm.id,
      source: "suggestion",
      suggestionKey: "check_in",
      dueOn: today(),
      title: "Personal check-in: silent for 40 days.",
    });
  });

  it("a step the risk list does not suggest for the customer is refused and writes nothing", async () => {
    const customer = await createCustomer({ lastInboundAt: new Date() });
    const before = await writeFingerprint();
    const result = await executeAction(createTaskFromSuggestion, csm, {
      customerId: String(customer.id),
      suggestionKey: "executive",
    });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("no longer suggested") });
    expect(await writeFingerprint()).toEqual(before);
  });
});

describe("closing a task", () => {
  it("completing writes the timeline entry with the outcome, by whoever completed it", async () => {
    const customer = await createCustomer();
    await bookInteraction(csm, { customerId: customer.id, typeKey: "complaint", summary: "Export broken" });
    const task = await createTask({ customerId: customer.id, assigneeId: csm.id, title: "Call about the export" });
    const result = await executeAction(completeTask, csm, { taskId: String(task.id), outcome: "Fixed together" });
    expect(result).toMatchObject({ ok: true });
    const { entries } = await getTimeline(db, { customerId: customer.id, kind: "all" });
    expect(entries[0]).toMatchObject({
      kind: "task",
      title: "Call about the export",
      event: "done",
      detail: "Fixed together",
      actorName: "Cora CSM",
    });
    const { entries: onlyTasks } = await getTimeline(db, { customerId: customer.id, kind: "tasks" });
    expect(onlyTasks.map((entry) => [entry.event, entry.title])).toEqual([["done", "Call about the export"]]);
    const again = await executeAction(completeTask, csm, { taskId: String(task.id) });
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("already done") });
  });

  it("dismissing needs a reason, which the timeline shows", async () => {
    const task = await createTask({ assigneeId: csm.id, title: "Chase renewal" });
    const refused = await executeAction(dismissTask, csm, { taskId: String(task.id), reason: "  " });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { reason: [expect.stringContaining("Say why")] } });
    expect(await executeAction(dismissTask, csm, { taskId: String(task.id), reason: "Renewed already" })).toMatchObject(
      { ok: true },
    );
    const { entries } = await getTimeline(db, { customerId: task.customerId, kind: "tasks" });
    expect(entries[0]).toMatchObject({ event: "dismissed", title: "Chase renewal", detail: "Renewed already" });
  });

  it("a CSM may not close another CSM's task on a customer they do not own; a manager may", async () => {
    const task = await createTask({ assigneeId: otherCsm.id });
    const before = await writeFingerprint();
    const refused = await executeAction(completeTask, csm, { taskId: String(task.id) });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("only tasks assigned to you") });
    expect(await writeFingerprint()).toEqual(before);
    expect(await executeAction(completeTask, manager, { taskId: String(task.id) })).toMatchObject({ ok: true });
  });

  it("checking a checklist item changes that item only", async () => {
    const task = await createTask({
      assigneeId: csm.id,
      checklist: [
        { text: "Read tickets", done: false },
        { text: "Call", done: false },
      ],
    });
    expect(
      await executeAction(toggleChecklistItem, csm, { taskId: String(task.id), item: "1", done: "true" }),
    ).toMatchObject({ ok: true });
    const [row] = await db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row.checklist).toEqual([
      { text: "Read tickets", done: false },
      { text: "Call", done: true },
    ]);
    const outOfRange = await executeAction(toggleChecklistItem, csm, {
      taskId: String(task.id),
      item: "5",
      done: "true",
    });
    expect(outOfRange).toMatchObject({ ok: false });
  });
});

describe("bulk changes", () => {
  it("reassign is all or nothing: one task the CSM may not change refuses the batch", async () => {
    const mine = await createTask({ assigneeId: csm.id });
    const theirs = await createTask({ assigneeId: otherCsm.id });
    const before = await writeFingerprint();
    const refused = await executeAction(bulkUpdateTasks, csm, {
      operation: "reassign",
      taskIds: `${mine.id},${theirs.id}`,
      assigneeId: String(manager.id),
    });
    expect(refused.ok).toBe(false);
    expect(await writeFingerprint()).toEqual(before);
    const done = await executeAction(bulkUpdateTasks, manager, {
      operation: "reassign",
      taskIds: `${mine.id},${theirs.id}`,
      assigneeId: String(manager.id),
    });
    expect(done).toMatchObject({ ok: true, message: "2 tasks reassigned." });
  });

  it("reassign without an assignee names the field", async () => {
    const task = await createTask({ assigneeId: csm.id });
    const result = await executeAction(bulkUpdateTasks, csm, { operation: "reassign", taskIds: String(task.id) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { assigneeId: ["Choose who takes the selected tasks."] } });
  });
});

describe("My day", () => {
  it("sections by due date seen from the member's day: 2 overdue, 1 today, 2 this week (+1, +7), 1 later (+8)", async () => {
    const member = await createMember({ role: "csm" });
    const day = "2026-06-15";
    const customer = await createCustomer();
    for (const offset of [-3, -1, 0, 1, 7, 8])
      await createTask({ customerId: customer.id, assigneeId: member.id, dueOn: addDays(day, offset) });
    await createTask({ customerId: customer.id, assigneeId: member.id, dueOn: addDays(day, -5), status: "done" });
    const myDay = await getMyDay(db, { assignee: member.id, today: day, limit: 100 });
    expect(myDay.counts).toEqual({ overdue: 2, today: 1, week: 2, later: 1 });
    // Independent: the same buckets counted in plain SQL over the rows.
    const [sqlCounts] = await queryRows<{ overdue: number; today: number; week: number; later: number }>(
      db,
      sql`select count(*) filter (where due_on < ${day}::date)::int as overdue,
        count(*) filter (where due_on = ${day}::date)::int as today,
        count(*) filter (where due_on > ${day}::date and due_on <= ${day}::date + 7)::int as week,
        count(*) filter (where due_on > ${day}::date + 7)::int as later
        from tasks where assignee_id = ${member.id} and status = 'open'`,
    );
    expect(myDay.counts).toEqual(sqlCounts);
    const limited = await getMyDay(db, { assignee: member.id, today: day, limit: 1 });
    expect(limited.tasks.map((task) => task.bucket)).toEqual(["overdue", "today", "week", "later"]);
    expect(limited.counts.overdue).toBe(2);
    const widened = await getMyDay(db, {
      assignee: member.id,
      today: day,
      limit: { overdue: 2, today: 1, week: 1, later: 1 },
    });
    expect(widened.tasks.map((task) => task.dueOn)).toEqual([
      addDays(day, -3),
      addDays(day, -1),
      day,
      addDays(day, 1),
      addDays(day, 8),
    ]);
  });
});
