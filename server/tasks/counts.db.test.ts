import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { notifications, playbooks } from "@/db/schema";
import { DAY_MS } from "@/lib/dates";
import type { SessionMember } from "@/lib/permissions";
import { buildDigest } from "@/server/notifications/digest";
import { getUnreadCount } from "@/server/notifications/queries";
import { getPlaybooks } from "@/server/playbooks/queries";
import { asSessionMember, bookInteraction, createCustomer, createMember, createTask } from "@/testing/factories";
import { getOpenTaskSummary } from "./queries";

let csm: SessionMember;
beforeAll(async () => {
  csm = asSessionMember(await createMember({ role: "csm", name: "Counting CSM" }));
});

describe("the counts people read beside tasks", () => {
  it("the risk list's open tasks per customer: 3 open (one from a suggested step) + 1 done + 1 dismissed = 3 open", async () => {
    const customer = await createCustomer();
    await createTask({ customerId: customer.id });
    await createTask({ customerId: customer.id });
    await createTask({ customerId: customer.id, source: "suggestion", suggestionKey: "watch" });
    await createTask({ customerId: customer.id, status: "done" });
    await createTask({ customerId: customer.id, status: "dismissed", dismissReason: "Done elsewhere" });
    const summary = (await getOpenTaskSummary(db, { customerIds: [customer.id] })).get(customer.id);
    expect(summary).toEqual({ open: 3, suggestionKeys: ["watch"] });
  });

  it("a playbook's open and done counts equal a plain count over its tasks (2 open, 1 done, 1 dismissed)", async () => {
    const [playbook] = await db
      .insert(playbooks)
      .values({ name: "Counted", trigger: "nps_detractor", taskTitle: "Call", active: false })
      .returning();
    const customers = await Promise.all([1, 2, 3, 4].map(() => createCustomer()));
    await createTask({ customerId: customers[0].id, playbookId: playbook.id, source: "playbook" });
    await createTask({ customerId: customers[1].id, playbookId: playbook.id, source: "playbook" });
    await createTask({ customerId: customers[2].id, playbookId: playbook.id, source: "playbook", status: "done" });
    await createTask({
      customerId: customers[3].id,
      playbookId: playbook.id,
      source: "playbook",
      status: "dismissed",
      dismissReason: "No",
    });
    const row = (await getPlaybooks(db)).find((one) => one.playbook.id === playbook.id);
    const [independent] = await queryRows<{ open: number; done: number }>(
      db,
      sql`select count(*) filter (where status = 'open')::int as open, count(*) filter (where status = 'done')::int as done
        from tasks where playbook_id = ${playbook.id}`,
    );
    expect({ open: row?.openTasks, done: row?.doneTasks }).toEqual(independent);
    expect(independent).toEqual({ open: 2, done: 1 });
  });

  it("the bell counts unread alerts only, and stops at 100: 3 unread + 1 read = 3; 120 unread reads as 100", async () => {
    const member = await createMember({ role: "viewer" });
    const alert = (n: number, readAt: Date | null = null) => ({
      memberId: member.id,
      key: `k${n}`,
      title: "A",
      readAt,
    });
    await db.insert(notifications).values([alert(1), alert(2), alert(3), alert(4, new Date())]);
    expect(await getUnreadCount(db, { memberId: member.id })).toBe(3);
    await db.insert(notifications).values(Array.from({ length: 117 }, (_, n) => alert(100 + n)));
    expect(await getUnreadCount(db, { memberId: member.id })).toBe(100);
  });

  it("the digest's debits unanswered for 48 hours: within the queue's 14 days, older than 48 h, unanswered, the CSM's own — 2 of 5", async () => {
    const mine = await createCustomer({ ownerId: csm.id, name: "Own Debits" });
    const theirs = await createCustomer({ name: "Not Mine" });
    const at = (days: number) => new Date(Date.now() - days * DAY_MS);
    await bookInteraction(csm, { customerId: mine.id, typeKey: "complaint", occurredAt: at(3), summary: "counted" });
    await bookInteraction(csm, { customerId: mine.id, typeKey: "bug_report", occurredAt: at(10), summary: "counted" });
    await bookInteraction(csm, { customerId: mine.id, typeKey: "complaint", occurredAt: at(1), summary: "too new" });
    await bookInteraction(csm, { customerId: mine.id, typeKey: "complaint", occurredAt: at(20), summary: "too old" });
    await bookInteraction(csm, { customerId: theirs.id, typeKey: "complaint", occurredAt: at(3), summary: "not mine" });
    const { content } = await buildDigest(db, csm, "2026-12-01");
    const [independent] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from interactions i join interaction_types t on t.id = i.type_id
        join customers c on c.id = i.customer_id
        where c.owner_id = ${csm.id} and c.status = 'active'
          and t.key in ('complaint', 'bug_report', 'error_hit', 'support_ticket', 'social_mention', 'slow_response')
          and i.occurred_at < now() - interval '48 hours' and i.occurred_at > now() - interval '14 days'
          and not exists (select 1 from delight_moments d where d.prompt_interaction_id = i.id)`,
    );
    expect(content.unansweredDebits.count).toBe(independent.count);
    expect(independent.count).toBe(2);
  });
});
