import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/execute";
import { balanceAt } from "@/lib/ledger";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { db, queryRows } from "@/db";
import { getCandidates, getCustomerRoles, getLeaderboard, getRosterPage, getRosterSummary } from "./queries";
import { getDelightQueue } from "@/server/delight/queries";
import { advocateRoles, customers, delightMoments } from "@/db/schema";
import { asSessionMember, createCustomer, createMember, writeFingerprint } from "@/testing/factories";
import { changeRoleStatus, inviteToRole, logAsk, logCommunityActivity } from "./commands";
import { logDelightMoment } from "@/server/delight/commands";
import { logInteraction } from "@/server/ledger/commands";
import { DAY_MS } from "@/lib/dates";

type Member = ReturnType<typeof asSessionMember>;
let csm: Member;
let viewer: Member;
const now = () => new Date().toISOString();

async function balanceOf(id: number) {
  const [row] = await db.select().from(customers).where(eq(customers.id, id));
  return { row, balance: balanceAt(row, new Date(), DEFAULT_SETTINGS.ledger) };
}

beforeAll(async () => {
  csm = asSessionMember(await createMember({ role: "csm" }));
  viewer = asSessionMember(await createMember({ role: "viewer" }));
});

describe("delight moments", () => {
  it("answering a complaint (−3) with a delight moment (+3): it leaves the queue and the balance goes −3 → 0", async () => {
    const customer = await createCustomer({ milestone: 10 });
    const logged = await executeAction(logInteraction, csm, {
      customerId: String(customer.id),
      typeKey: "complaint",
      occurredAt: now(),
      channel: "social",
      direction: "inbound",
      summary: "Tweeted about the outage",
    });
    const complaintId = (logged.ok && (logged.data as { id: number }).id) || 0;
    const inQueue = async () =>
      (await getDelightQueue(db, { page: 1, pageSize: 500 })).rows.some((r) => r.interactionId === complaintId);
    expect(await inQueue()).toBe(true);
    expect((await balanceOf(customer.id)).balance).toBeCloseTo(-3, 6);

    const result = await executeAction(logDelightMoment, csm, {
      customerId: String(customer.id),
      promptInteractionId: String(complaintId),
      prompt: "Tweeted about the outage",
      gesture: "Founder called and sent a care package",
      channel: "phone",
      cost: "45.00",
      occurredAt: now(),
      outcome: "Posted a thank-you",
      postedPublicly: "on",
    });
    expect(result).toMatchObject({ ok: true, message: "Delight moment logged." });
    expect(await inQueue()).toBe(false);
    expect((await balanceOf(customer.id)).balance).toBeCloseTo(0, 6);
    const [moment] = await db.select().from(delightMoments).where(eq(delightMoments.customerId, customer.id));
    expect(moment).toMatchObject({
      costCents: 4500,
      postedPublicly: true,
      renewed: false,
      promptInteractionId: complaintId,
    });
  });

  it("the queue holds unanswered debits of the window, oldest first: 3 debits (3, 2, 1 days ago), the oldest answered, a praise ignored → 2 waiting", async () => {
    const name = `Queue ${Date.now().toString(36)}`;
    const customer = await createCustomer({ milestone: 10, name });
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
    const ids: number[] = [];
    for (const [typeKey, days] of [
      ["complaint", 3],
      ["bug_report", 2],
      ["support_ticket", 1],
      ["praise", 1],
    ] as const) {
      const logged = await executeAction(logInteraction, csm, {
        customerId: String(customer.id),
        typeKey,
        occurredAt: daysAgo(days),
        channel: "email",
        direction: "inbound",
        summary: `${typeKey} ${days}`,
      });
      ids.push((logged.ok && (logged.data as { id: number }).id) || 0);
    }
    await executeAction(logDelightMoment, csm, {
      customerId: String(customer.id),
      promptInteractionId: String(ids[0]),
      prompt: "complaint",
      gesture: "Called",
      channel: "phone",
      cost: "0",
      occurredAt: now(),
    });
    const queue = await getDelightQueue(db, { page: 1, q: name });
    expect({ total: queue.total, more: queue.more, ids: queue.rows.map((r) => r.interactionId) }).toEqual({
      total: 2,
      more: false,
      ids: [ids[1], ids[2]],
    });
  });

  it("the queue pages by day, then MRR: a $900 account's later debit comes before a $100 account's earlier one of the same day, page after page (page size 1)", async () => {
    const token = `Pager${Date.now().toString(36)}`;
    const small = await createCustomer({ milestone: 10, name: `${token} small`, mrrCents: 10_000 });
    const big = await createCustomer({ milestone: 10, name: `${token} big`, mrrCents: 90_000 });
    const day = (daysAgo: number, hour: number) => {
      const at = new Date(Date.now() - daysAgo * DAY_MS);
      at.setUTCHours(hour, 0, 0, 0);
      return at.toISOString();
    };
    const log = async (customer: { id: number }, occurredAt: string) => {
      const logged = await executeAction(logInteraction, csm, {
        customerId: String(customer.id),
        typeKey: "complaint",
        occurredAt,
        channel: "email",
        direction: "inbound",
        summary: "Slow",
      });
      return (logged.ok && (logged.data as { id: number }).id) || 0;
    };
    // Three days ago: small at 09:00, big at 15:00. Two days ago: big at 08:00, small at 09:00.
    const expected = [
      await log(big, day(3, 15)),
      await log(small, day(3, 9)),
      await log(big, day(2, 8)),
      await log(small, day(2, 9)),
    ];
    const pages = [];
    for (let page = 1; page <= 5; page++)
      pages.push(...(await getDelightQueue(db, { page, pageSize: 1, q: token })).rows.map((r) => r.interactionId));
    expect(pages).toEqual(expected);
  });

  it("bad input is refused at the field and writes nothing; a viewer is refused", async () => {
    const customer = await createCustomer();
    const before = await writeFingerprint();
    const empty = await executeAction(logDelightMoment, csm, {
      customerId: String(customer.id),
      prompt: "",
      gesture: "",
      channel: "email",
      cost: "-1",
      occurredAt: now(),
    });
    expect(!empty.ok && empty.fieldErrors).toMatchObject({
      prompt: ["Say what prompted it."],
      gesture: ["Describe the gesture."],
      cost: ["The cost cannot be negative."],
    });
    const forged = await executeAction(logDelightMoment, viewer, {
      customerId: String(customer.id),
      prompt: "x",
      gesture: "y",
      channel: "email",
      cost: "0",
      occurredAt: now(),
    });
    expect(forged.ok).toBe(false);
    expect(await writeFingerprint()).toEqual(before);
  });
});

describe("advocates", () => {
  it("a retained customer in credit is a candidate; invited then activated as beta tester, it moves to promoter (13)", async () => {
    const customer = await createCustomer({ milestone: 10, name: "Candidate Customer" });
    for (let i = 0; i < 2; i++) {
      await executeAction(logInteraction, csm, {
        customerId: String(customer.id),
        typeKey: "praise",
        occurredAt: now(),
        channel: "email",
        direction: "inbound",
        summary: "Love it",
      });
    }
    expect((await getCandidates(db, { limit: 500 })).map((c) => c.id)).toContain(customer.id);
    const [beta] = await db.select().from(advocateRoles).where(eq(advocateRoles.key, "beta_tester"));
    expect(
      await executeAction(inviteToRole, csm, { customerId: String(customer.id), roleId: String(beta.id) }),
    ).toMatchObject({ ok: true });
    expect((await getCandidates(db, { limit: 500 })).map((c) => c.id)).not.toContain(customer.id);
    const again = await executeAction(inviteToRole, csm, { customerId: String(customer.id), roleId: String(beta.id) });
    expect(!again.ok && again.fieldErrors?.roleId).toEqual([
      "Candidate Customer already holds or is invited to Beta tester (labs).",
    ]);
    const [{ id: assignmentId }] = await queryRows<{ id: number }>(
      db,
      sql`select id from role_assignments where customer_id = ${customer.id}`,
    );
    expect(
      await executeAction(changeRoleStatus, csm, { assignmentId: String(assignmentId), status: "active" }),
    ).toMatchObject({ ok: true });
    expect((await balanceOf(customer.id)).row.milestone).toBe(13);
  });

  it("a referral of a new customer creates them with 'referred by', books +3 for the advocate and puts them on the leaderboard", async () => {
    const advocate = await createCustomer({ milestone: 12, name: "Referring Advocate" });
    const result = await executeAction(logCommunityActivity, csm, {
      customerId: String(advocate.id),
      kind: "referred_customer",
      occurredAt: now(),
      referredName: "Referred Newcomer",
      referredEmail: "newcomer@referred.example",
    });
    expect(result).toMatchObject({ ok: true, message: "Referral logged." });
    const referredId = (result.ok && (result.data as { referredCustomerId: number }).referredCustomerId) || 0;
    const [referred] = await db.select().from(customers).where(eq(customers.id, referredId));
    expect(referred).toMatchObject({ name: "Referred Newcomer", referredById: advocate.id, milestone: 1 });
    const { row, balance } = await balanceOf(advocate.id);
    expect(balance).toBeCloseTo(3, 6);
    expect(row.milestone).toBe(13);
    expect((await getLeaderboard(db, { limit: 100 })).find((l) => l.customerId === advocate.id)).toMatchObject({
      activities: 1,
      referrals: 1,
    });
    const missing = await executeAction(logCommunityActivity, csm, {
      customerId: String(advocate.id),
      kind: "referred_customer",
      occurredAt: now(),
    });
    expect(!missing.ok && missing.fieldErrors?.referredName).toEqual([
      "Enter the referred customer's name, or the email of one already in Hourglass.",
    ]);
  });

  it("asks: capacity 2 a quarter; the third ask is refused with a warning unless 'ask anyway'", async () => {
    const advocate = await createCustomer({ milestone: 13, name: "Busy Advocate" });
    for (const kind of ["reference_call", "review"]) {
      expect(
        await executeAction(logAsk, csm, { customerId: String(advocate.id), kind, outcome: "accepted" }),
      ).toMatchObject({ ok: true });
    }
    const third = await executeAction(logAsk, csm, {
      customerId: String(advocate.id),
      kind: "case_study",
      outcome: "pending",
    });
    expect(!third.ok && third.fieldErrors?.askAnyway).toEqual([
      'Busy Advocate was already asked 2 times this quarter (capacity 2). Tick "Ask anyway" if it is worth it.',
    ]);
    expect(
      await executeAction(logAsk, csm, {
        customerId: String(advocate.id),
        kind: "case_study",
        outcome: "pending",
        askAnyway: "on",
      }),
    ).toMatchObject({ ok: true, message: "Ask logged (3 of 2 this quarter)." });
  });

  it("the roster pages 25 at a time (30 → 25 + 5): active, then invited, then retired, each by name; role, status and name filters narrow it; a renamed customer sorts and is found by the new name", async () => {
    const token = `Roster${Date.now().toString(36)}`;
    // A role of its own: no other test changes its counts while this one compares them.
    const [beta] = await db
      .insert(advocateRoles)
      .values({ key: token.toLowerCase(), name: `${token} role` })
      .returning();
    const people = [];
    for (let i = 0; i < 30; i++) {
      const customer = await createCustomer({ milestone: 11, name: `${token} ${String(i).padStart(2, "0")}` });
      expect(
        await executeAction(inviteToRole, csm, { customerId: String(customer.id), roleId: String(beta.id) }),
      ).toMatchObject({ ok: true });
      const [{ id }] = await queryRows<{ id: number }>(
        db,
        sql`select id from role_assignments where customer_id = ${customer.id}`,
      );
      people.push({ customer, assignmentId: id });
    }
    // 27, 28, 29 become active; 00 and 01 retire: expected order 27 28 29 | 02 … 26 | 00 01.
    for (const i of [27, 28, 29])
      await executeAction(changeRoleStatus, csm, { assignmentId: String(people[i].assignmentId), status: "active" });
    for (const i of [0, 1])
      await executeAction(changeRoleStatus, csm, { assignmentId: String(people[i].assignmentId), status: "retired" });
    const names = (entries: { customerName: string }[]) => entries.map((e) => e.customerName.slice(-2));
    const expected = [
      "27",
      "28",
      "29",
      ...Array.from({ length: 25 }, (_, k) => String(k + 2).padStart(2, "0")),
      "00",
      "01",
    ];

    const first = await getRosterPage(db, { q: token.toLowerCase(), page: 1, pageSize: 25 });
    const second = await getRosterPage(db, { q: token, page: 2, pageSize: 25 });
    expect([first.total, first.entries.length, second.total, second.entries.length]).toEqual([30, 25, 30, 5]);
    expect([...names(first.entries), ...names(second.entries)]).toEqual(expected);
    expect(first.entries[0]).toMatchObject({ roleName: beta.name, status: "active", asksUsed: 0 });

    expect(
      (await getRosterPage(db, { q: token, status: "retired", page: 1, pageSize: 25 })).entries.map((e) => e.status),
    ).toEqual(["retired", "retired"]);
    expect(
      (await getRosterPage(db, { q: token, status: "active", roleId: beta.id, page: 1, pageSize: 25 })).total,
    ).toBe(3);
    const [other] = await db.select().from(advocateRoles).where(eq(advocateRoles.key, "beta_tester"));
    expect((await getRosterPage(db, { q: token, roleId: other.id, page: 1, pageSize: 25 })).total).toBe(0);
    expect((await getRosterPage(db, { q: `${token}%`, page: 1, pageSize: 25 })).total).toBe(0);

    const [counted] = await queryRows<{ active: number; invited: number; retired: number }>(
      db,
      sql`select (count(*) filter (where status = 'active'))::int as active, (count(*) filter (where status = 'invited'))::int as invited,
            (count(*) filter (where status = 'retired' and retired_at > now() - interval '90 days'))::int as retired
          from role_assignments where role_id = ${beta.id}`,
    );
    expect((await getRosterSummary(db)).find((r) => r.roleId === beta.id)).toMatchObject(counted);
    expect(
      (await getCustomerRoles(db, { customerId: people[28].customer.id })).map((e) => [e.roleName, e.status]),
    ).toEqual([[beta.name, "active"]]);

    // Renamed, 29 sorts first among the active and is found by its new name only.
    await db.execute(sql`update customers set name = ${`${token} 0`} where id = ${people[29].customer.id}`);
    const renamed = await getRosterPage(db, { q: token, page: 1, pageSize: 3 });
    expect(renamed.entries.map((e) => e.customerName)).toEqual([`${token} 0`, `${token} 27`, `${token} 28`]);
    expect((await getRosterPage(db, { q: `${token} 0`, page: 1, pageSize: 25 })).total).toBe(11); // 00–09 and the renamed one
    expect((await getRosterPage(db, { q: `${token} 29`, page: 1, pageSize: 25 })).total).toBe(0);
  });
});
