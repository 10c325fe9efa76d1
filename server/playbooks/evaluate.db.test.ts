import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { jobs, notifications, playbooks, tasks } from "@/db/schema";
import { DAY_MS } from "@/lib/dates";
import type { SessionMember } from "@/lib/permissions";
import { executeAction } from "@/server/actions/execute";
import { logAsk } from "@/server/advocacy/commands";
import { logInteraction } from "@/server/ledger/commands";
import { refreshRollups } from "@/server/system/periodic-refresh";
import { completeTask } from "@/server/tasks/commands";
import { asSessionMember, bookInteraction, createCustomer, createMember } from "@/testing/factories";
import { separateConnections } from "@/testing/separate-connections";
import { savePlaybook } from "./commands";
import { firePlaybooks, firePlaybooksOverTime } from "./evaluate";

let admin: SessionMember;
let csm: SessionMember;

beforeAll(async () => {
  admin = asSessionMember(await createMember({ role: "admin" }));
  csm = asSessionMember(await createMember({ role: "csm", name: "Cleo CSM" }));
});

async function playbook(fields: Record<string, string>): Promise<number> {
  const result = await executeAction(savePlaybook, admin, {
    name: `Playbook ${fields.trigger}`,
    active: "on",
    taskTitle: "Look after {{customer}}",
    dueInDays: "2",
    priority: "high",
    checklist: "Read the timeline\nCall",
    ...fields,
  });
  if (!result.ok) throw new Error(`${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return (result.data as { id: number }).id;
}

const tasksOf = (playbookId: number, customerId: number) =>
  db
    .select()
    .from(tasks)
    .where(and(eq(tasks.playbookId, playbookId), eq(tasks.customerId, customerId)))
    .orderBy(tasks.id);

const logged = (customerId: number, typeKey: string, daysAgo = 0) =>
  executeAction(logInteraction, csm, {
    customerId: String(customerId),
    typeKey,
    occurredAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
    channel: "email",
    direction: "inbound",
    summary: typeKey,
  });

describe("state triggers fire when a customer enters the condition, once", () => {
  it("risk crosses the threshold: one task across 10 refreshes on two processes, none while still at risk after it is done, one more after leaving and re-entering", async () => {
    const riskPlaybook = await playbook({ trigger: "risk_at_risk" });
    const customer = await createCustomer({ ownerId: csm.id, name: "Brittle AG" });
    // The write that puts the customer at risk fires the playbook in its own transaction.
    await bookInteraction(csm, { customerId: customer.id, typeKey: "complaint", weight: -40, summary: "Lost data" });
    const [first] = await tasksOf(riskPlaybook, customer.id);
    expect(first).toMatchObject({
      title: "Look after Brittle AG",
      assigneeId: csm.id,
      priority: "high",
      source: "playbook",
      checklist: [
        { text: "Read the timeline", done: false },
        { text: "Call", done: false },
      ],
    });
    const [one, two = one] = separateConnections(2);
    for (let round = 0; round < 10; round++) await Promise.all([refreshRollups(one), firePlaybooksOverTime(two)]);
    expect(await tasksOf(riskPlaybook, customer.id)).toHaveLength(1);

    expect(await executeAction(completeTask, csm, { taskId: String(first.id) })).toMatchObject({ ok: true });
    for (let round = 0; round < 3; round++) await Promise.all([firePlaybooksOverTime(one), firePlaybooksOverTime(two)]);
    expect(await tasksOf(riskPlaybook, customer.id)).toHaveLength(1);

    await bookInteraction(csm, { customerId: customer.id, typeKey: "praise", weight: 80, summary: "Fixed, thanks" });
    await refreshRollups(db);
    await bookInteraction(csm, { customerId: customer.id, typeKey: "complaint", weight: -200, summary: "Again" });
    await refreshRollups(db);
    const all = await tasksOf(riskPlaybook, customer.id);
    expect(all.map((task) => task.status)).toEqual(["done", "open"]);
    // The bell of the assignee holds one alert per task.
    const bell = await db.select().from(notifications).where(eq(notifications.memberId, csm.id));
    expect(bell.filter((alert) => alert.title === "New task: Look after Brittle AG")).toHaveLength(2);
    await db.update(playbooks).set({ active: false }).where(eq(playbooks.id, riskPlaybook));
  });

  it("silence of 30 days fires for a paying customer silent 40 days, not one silent 20, nor a lead who never bought", async () => {
    const silence = await playbook({ trigger: "silence", triggerDays: "30" });
    const paying = { convertedAt: new Date(Date.now() - 300 * DAY_MS) };
    const silent = await createCustomer({ ...paying, lastInboundAt: new Date(Date.now() - 40 * DAY_MS) });
    const talking = await createCustomer({ ...paying, lastInboundAt: new Date(Date.now() - 20 * DAY_MS) });
    const lead = await createCustomer({ lastInboundAt: new Date(Date.now() - 40 * DAY_MS) });
    await firePlaybooksOverTime(db);
    expect(await tasksOf(silence, silent.id)).toHaveLength(1);
    expect(await tasksOf(silence, talking.id)).toHaveLength(0);
    expect(await tasksOf(silence, lead.id)).toHaveLength(0);
    await db.update(playbooks).set({ active: false }).where(eq(playbooks.id, silence));
  });

  it("a stage held longer than its target: Adoption (45 days) entered 100 days ago fires, 10 days ago does not", async () => {
    const overdue = await playbook({ trigger: "stage_overdue" });
    const stuck = await createCustomer({ milestone: 8, signedUpAt: new Date(Date.now() - 100 * DAY_MS) });
    const fresh = await createCustomer({ milestone: 8, signedUpAt: new Date(Date.now() - 10 * DAY_MS) });
    await firePlaybooks(db, { customerIds: [stuck.id, fresh.id] });
    expect(await tasksOf(overdue, stuck.id)).toHaveLength(1);
    expect(await tasksOf(overdue, fresh.id)).toHaveLength(0);
    await db.update(playbooks).set({ active: false }).where(eq(playbooks.id, overdue));
  });

  it("an advocate's asks reach capacity (2): the second ask fires it", async () => {
    const capacity = await playbook({ trigger: "advocate_capacity", taskTitle: "Give {{customer}} a break" });
    const advocate = await createCustomer({ milestone: 12, askCapacity: 2 });
    const ask = () =>
      executeAction(logAsk, csm, { customerId: String(advocate.id), kind: "review", outcome: "pending" });
    expect(await ask()).toMatchObject({ ok: true });
    expect(await tasksOf(capacity, advocate.id)).toHaveLength(0);
    expect(await ask()).toMatchObject({ ok: true });
    expect(await tasksOf(capacity, advocate.id)).toHaveLength(1);
    await db.update(playbooks).set({ active: false }).where(eq(playbooks.id, capacity));
  });
});

describe("event triggers fire on the write", () => {
  it("a complaint fires the complaint playbook for the owner; a second one while the task is open adds none; a praise or a complaint back-dated 10 days fires nothing", async () => {
    const onComplaint = await playbook({ trigger: "debit_logged", triggerTypeKey: "complaint", assigneeId: "" });
    const customer = await createCustomer({ ownerId: csm.id });
    expect(await logged(customer.id, "praise")).toMatchObject({ ok: true });
    expect(await logged(customer.id, "complaint", 10)).toMatchObject({ ok: true });
    expect(await tasksOf(onComplaint, customer.id)).toHaveLength(0);
    expect(await logged(customer.id, "complaint")).toMatchObject({ ok: true });
    expect(await logged(customer.id, "complaint")).toMatchObject({ ok: true });
    const fired = await tasksOf(onComplaint, customer.id);
    expect(fired).toHaveLength(1);
    expect(fired[0].assigneeId).toBe(csm.id);
    await db.update(playbooks).set({ active: false }).where(eq(playbooks.id, onComplaint));
  });

  it("an NPS answer of 0–6 fires the detractor playbook, and its email step is queued once", async () => {
    const detractor = await playbook({
      trigger: "nps_detractor",
      emailSubject: "Sorry, {{customer}}",
      emailBody: "Hi {{customer}}, {{owner}} here.",
    });
    const customer = await createCustomer();
    expect(await logged(customer.id, "nps_detractor")).toMatchObject({ ok: true });
    const [task] = await tasksOf(detractor, customer.id);
    expect(task).toBeDefined();
    const queued = await db
      .select()
      .from(jobs)
      .where(eq(jobs.key, `playbook_email:${task.id}`));
    expect(queued).toHaveLength(1);
    await db.update(playbooks).set({ active: false }).where(eq(playbooks.id, detractor));
  });

  it("every task a playbook creates is audited as the playbook", async () => {
    const [row] = await queryRows<{ tasks: number; audited: number }>(
      db,
      sql`select (select count(*)::int from tasks where source = 'playbook') as tasks,
        (select count(*)::int from audit_log where action = 'task.created' and actor_label like 'playbook: %') as audited`,
    );
    expect(row.audited).toBe(row.tasks);
    expect(row.tasks).toBeGreaterThan(0);
  });
});

describe("saving a playbook", () => {
  it("a debit playbook needs a debit type, a silence playbook its days, an email step both parts, merge fields that exist", async () => {
    const result = await executeAction(savePlaybook, admin, {
      name: "Broken",
      trigger: "debit_logged",
      taskTitle: "Call {{custommer}}",
      dueInDays: "3",
      priority: "normal",
      emailSubject: "Hello",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        triggerTypeKey: ["Choose which debit fires the playbook."],
        taskTitle: ["Use only {{customer}}, {{company}}, {{owner}} and {{days_silent}} as merge fields."],
        emailBody: ["An email step needs both a subject and a message (or leave both empty)."],
      },
    });
    const praise = await executeAction(savePlaybook, admin, {
      name: "Praise",
      trigger: "debit_logged",
      triggerTypeKey: "praise",
      taskTitle: "Thank them",
      dueInDays: "3",
      priority: "normal",
    });
    expect(praise).toMatchObject({
      ok: false,
      fieldErrors: { triggerTypeKey: ["Choose a debit type from the list."] },
    });
  });
});
