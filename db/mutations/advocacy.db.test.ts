import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { balanceAt } from "@/lib/ledger";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { db, queryRows } from "../index";
import { getCandidates, getLeaderboard } from "../queries/advocacy";
import { getDelightQueue } from "../queries/delight";
import { advocateRoles, customers, delightMoments } from "../schema";
import { asSessionMember, createCustomer, createMember, writeFingerprint } from "../testing/factories";
import { changeRoleStatus, inviteToRole, logAsk, logCommunityActivity } from "./advocacy";
import { logDelightMoment } from "./delight";
import { logInteraction } from "./interactions";

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
    const logged = await executeAction(logInteraction, csm, { customerId: String(customer.id), typeKey: "complaint", occurredAt: now(), channel: "social", direction: "inbound", summary: "Tweeted about the outage" });
    const complaintId = (logged.ok && (logged.data as { id: number }).id) || 0;
    const inQueue = async () => (await getDelightQueue({ page: 1, pageSize: 500 })).rows.some((r) => r.interaction_id === complaintId);
    expect(await inQueue()).toBe(true);
    expect((await balanceOf(customer.id)).balance).toBeCloseTo(-3, 6);

    const result = await executeAction(logDelightMoment, csm, {
      customerId: String(customer.id), promptInteractionId: String(complaintId), prompt: "Tweeted about the outage", gesture: "Founder called and sent a care package",
      channel: "phone", cost: "45.00", occurredAt: now(), outcome: "Posted a thank-you", postedPublicly: "on",
    });
    expect(result).toMatchObject({ ok: true, message: "Delight moment logged." });
    expect(await inQueue()).toBe(false);
    expect((await balanceOf(customer.id)).balance).toBeCloseTo(0, 6);
    const [moment] = await db.select().from(delightMoments).where(eq(delightMoments.customerId, customer.id));
    expect(moment).toMatchObject({ costCents: 4500, postedPublicly: true, renewed: false, promptInteractionId: complaintId });
  });

  it("bad input is refused at the field and writes nothing; a viewer is refused", async () => {
    const customer = await createCustomer();
    const before = await writeFingerprint();
    const empty = await executeAction(logDelightMoment, csm, { customerId: String(customer.id), prompt: "", gesture: "", channel: "email", cost: "-1", occurredAt: now() });
    expect(!empty.ok && empty.fieldErrors).toMatchObject({ prompt: ["Say what prompted it."], gesture: ["Describe the gesture."], cost: ["MRR cannot be negative."] });
    const forged = await executeAction(logDelightMoment, viewer, { customerId: String(customer.id), prompt: "x", gesture: "y", channel: "email", cost: "0", occurredAt: now() });
    expect(forged.ok).toBe(false);
    expect(await writeFingerprint()).toEqual(before);
  });
});

describe("advocates", () => {
  it("a retained customer in credit is a candidate; invited then activated as beta tester, it moves to promoter (13)", async () => {
    const customer = await createCustomer({ milestone: 10, name: "Candidate Customer" });
    for (let i = 0; i < 2; i++) {
      await executeAction(logInteraction, csm, { customerId: String(customer.id), typeKey: "praise", occurredAt: now(), channel: "email", direction: "inbound", summary: "Love it" });
    }
    expect((await getCandidates(500)).map((c) => c.id)).toContain(customer.id);
    const [beta] = await db.select().from(advocateRoles).where(eq(advocateRoles.key, "beta_tester"));
    expect(await executeAction(inviteToRole, csm, { customerId: String(customer.id), roleId: String(beta.id) })).toMatchObject({ ok: true });
    expect((await getCandidates(500)).map((c) => c.id)).not.toContain(customer.id);
    const again = await executeAction(inviteToRole, csm, { customerId: String(customer.id), roleId: String(beta.id) });
    expect(!again.ok && again.fieldErrors?.roleId).toEqual(["Candidate Customer already holds or is invited to Beta tester (labs)."]);
    const [{ id: assignmentId }] = await queryRows<{ id: number }>(db, sql`select id from role_assignments where customer_id = ${customer.id}`);
    expect(await executeAction(changeRoleStatus, csm, { assignmentId: String(assignmentId), status: "active" })).toMatchObject({ ok: true });
    expect((await balanceOf(customer.id)).row.milestone).toBe(13);
  });

  it("a referral of a new customer creates them with 'referred by', books +3 for the advocate and puts them on the leaderboard", async () => {
    const advocate = await createCustomer({ milestone: 12, name: "Referring Advocate" });
    const result = await executeAction(logCommunityActivity, csm, {
      customerId: String(advocate.id), kind: "referred_customer", occurredAt: now(), referredName: "Referred Newcomer", referredEmail: "newcomer@referred.example",
    });
    expect(result).toMatchObject({ ok: true, message: "Referral logged." });
    const referredId = (result.ok && (result.data as { referredCustomerId: number }).referredCustomerId) || 0;
    const [referred] = await db.select().from(customers).where(eq(customers.id, referredId));
    expect(referred).toMatchObject({ name: "Referred Newcomer", referredById: advocate.id, milestone: 1 });
    const { row, balance } = await balanceOf(advocate.id);
    expect(balance).toBeCloseTo(3, 6);
    expect(row.milestone).toBe(13);
    expect((await getLeaderboard(100)).find((l) => l.customer_id === advocate.id)).toMatchObject({ activities: 1, referrals: 1 });
    const missing = await executeAction(logCommunityActivity, csm, { customerId: String(advocate.id), kind: "referred_customer", occurredAt: now() });
    expect(!missing.ok && missing.fieldErrors?.referredName).toEqual(["Enter the referred customer's name, or the email of one already in Hourglass."]);
  });

  it("asks: capacity 2 a quarter; the third ask is refused with a warning unless 'ask anyway'", async () => {
    const advocate = await createCustomer({ milestone: 13, name: "Busy Advocate" });
    for (const kind of ["reference_call", "review"]) {
      expect(await executeAction(logAsk, csm, { customerId: String(advocate.id), kind, outcome: "accepted" })).toMatchObject({ ok: true });
    }
    const third = await executeAction(logAsk, csm, { customerId: String(advocate.id), kind: "case_study", outcome: "pending" });
    expect(!third.ok && third.fieldErrors?.askAnyway).toEqual(['Busy Advocate was already asked 2 times this quarter (capacity 2). Tick "Ask anyway" if it is worth it.']);
    expect(await executeAction(logAsk, csm, { customerId: String(advocate.id), kind: "case_study", outcome: "pending", askAnyway: "on" })).toMatchObject({ ok: true, message: "Ask logged (3 of 2 this quarter)." });
  });
});
