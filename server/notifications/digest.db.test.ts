import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { jobs, memberPreferences, members, webhookDeliveries } from "@/db/schema";
import type { SessionMember } from "@/lib/permissions";
import { localDay } from "@/lib/tasks";
import { executeAction } from "@/server/actions/execute";
import { runDueJobs, workTick } from "@/server/jobs/worker";
import { asSessionMember, bookInteraction, createCustomer, createMember } from "@/testing/factories";
import { separateConnections } from "@/testing/separate-connections";
import { startSmtpServer } from "@/testing/smtp-server";
import { startWebhookReceiver } from "@/testing/webhook-receiver";
import { sendTestWebhook } from "./commands";
import { buildDigest } from "./digest";

/** A fixed-offset zone whose local hour right now passes `test` (Etc/GMT-5 is UTC+5). */
function zoneWhere(test: (hour: number) => boolean): string {
  for (let offset = -12; offset <= 14; offset++) {
    const zone = offset === 0 ? "UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
    const hour = Number(
      new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", hourCycle: "h23" }).format(new Date()),
    );
    if (test(hour)) return zone;
  }
  throw new Error("no such zone");
}

let csm: SessionMember;
const csmAtRisk: number[] = [];

beforeAll(async () => {
  csm = asSessionMember(await createMember({ role: "csm", name: "Dora Digest" }));
  // 12 of Dora's customers at risk with distinct scores, and 3 of someone else's.
  for (let n = 0; n < 12; n++) {
    const customer = await createCustomer({ ownerId: csm.id, name: `Dora ${n}` });
    await bookInteraction(csm, {
      customerId: customer.id,
      typeKey: "complaint",
      weight: -(5 + n * 3),
      summary: `Issue ${n}`,
    });
    csmAtRisk.push(customer.id);
  }
  for (let n = 0; n < 3; n++) {
    const customer = await createCustomer({ name: `Other ${n}` });
    await bookInteraction(csm, { customerId: customer.id, typeKey: "complaint", weight: -100, summary: "Elsewhere" });
  }
});

describe("the daily digest's content", () => {
  it("top 10 at risk equals the risk list for that member at that moment (independent SQL, the CSM's own customers)", async () => {
    const { content } = await buildDigest(db, csm, localDay(new Date(), "UTC"));
    const expected = await queryRows<{ id: number }>(
      db,
      sql`select id from customers where status = 'active' and owner_id = ${csm.id}
        and risk_score >= (select (value->>'atRiskScore')::float8 from settings where key = 'risk')
        order by risk_score desc, id limit 10`,
    );
    expect(content.first).toBe(true);
    expect(content.newInTopTen.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    expect(content.newInTopTen).toHaveLength(10);
    expect(csmAtRisk).toEqual(expect.arrayContaining(content.newInTopTen.map((row) => row.id)));
  });

  it("a manager's digest ranks the whole book", async () => {
    const manager = asSessionMember(await createMember({ role: "manager" }));
    const { content } = await buildDigest(db, manager, localDay(new Date(), "UTC"));
    const expected = await queryRows<{ id: number }>(
      db,
      sql`select id from customers where status = 'active'
        and risk_score >= (select (value->>'atRiskScore')::float8 from settings where key = 'risk')
        order by risk_score desc, id limit 10`,
    );
    expect(content.newInTopTen.map((row) => row.id)).toEqual(expected.map((row) => row.id));
  });
});

describe("one digest per member per day", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    process.env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await smtp.close();
  });

  it("across two processes ticking together three times and a restarted one ticking twice: one email for the member past 08:00, none for the one before", async () => {
    const lateZone = zoneWhere((hour) => hour >= 9 && hour <= 22);
    const earlyZone = zoneWhere((hour) => hour <= 6);
    const morning = await createMember({
      role: "csm",
      name: "Morning",
      email: `morning-${Date.now()}@team.test`,
      timeZone: lateZone,
    });
    const night = await createMember({
      role: "csm",
      name: "Night",
      email: `night-${Date.now()}@team.test`,
      timeZone: earlyZone,
    });
    const [one, two = one] = separateConnections(2);
    for (let round = 0; round < 3; round++) await Promise.all([workTick(one), workTick(two)]);
    const [restarted] = separateConnections(1);
    await workTick(restarted);
    await workTick(restarted);
    const to = (member: { email: string }) => smtp.received.filter((mail) => mail.to.includes(member.email));
    expect(to(morning)).toHaveLength(1);
    expect(to(morning)[0].raw).toContain("Good morning Morning");
    expect(to(night)).toHaveLength(0);
    const digestJobs = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "digest"), sql`${jobs.payload}->>'memberId' = ${String(morning.id)}`));
    expect(digestJobs.map((job) => [job.key, job.status])).toEqual([
      [`digest:${morning.id}:${localDay(new Date(), lateZone)}`, "done"],
    ]);
  });

  it("the next digest names a risk that rose by a step since the last one, with the driver that caused it", async () => {
    await db
      .update(members)
      .set({ timeZone: zoneWhere((hour) => hour >= 9 && hour <= 22) })
      .where(eq(members.id, csm.id));
    await workTick(db);
    const [target] = csmAtRisk;
    await bookInteraction(csm, { customerId: target, typeKey: "complaint", weight: -30, summary: "Invoices lost" });
    const { content } = await buildDigest(db, csm, "2099-01-01");
    expect(content.first).toBe(false);
    // Both of today's complaints (−5 at the start, −30 now) drove the rise: one grouped driver.
    expect(content.riskRises).toEqual([expect.objectContaining({ id: target, driver: "2 × Complaint today" })]);
    expect(content.riskRises[0].to - content.riskRises[0].from).toBeGreaterThanOrEqual(1);
  });
});

describe("webhooks", () => {
  it("a failing receiver is retried with back-off; every attempt is logged with its status; the signature verifies with the scheme's reference library", async () => {
    const receiver = await startWebhookReceiver([500, 503]);
    const member = asSessionMember(await createMember({ role: "viewer" }));
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    await db.insert(memberPreferences).values({ memberId: member.id, webhookUrl: receiver.url, webhookSecret: secret });
    expect(await executeAction(sendTestWebhook, member, {})).toMatchObject({ ok: true });
    for (let attempt = 0; attempt < 3; attempt++) {
      await runDueJobs(db);
      // The back-off has the job wait; the test does not.
      await db
        .update(jobs)
        .set({ runAt: sql`now()` })
        .where(and(eq(jobs.kind, "webhook"), eq(jobs.status, "queued")));
    }
    await receiver.close();
    const deliveries = await db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.memberId, member.id))
      .orderBy(webhookDeliveries.id);
    expect(deliveries.map((d) => [d.attempt, d.statusCode, d.error])).toEqual([
      [1, 500, "HTTP 500"],
      [2, 503, "HTTP 503"],
      [3, 200, null],
    ]);
    expect(new Set(receiver.received.map((hook) => hook.headers["webhook-id"])).size).toBe(1);
    const last = receiver.received[2];
    const verified = new Webhook(secret).verify(last.body, last.headers as Record<string, string>);
    expect(verified).toMatchObject({ type: "test", text: expect.stringContaining("Hourglass test message") });
    const [job] = await db
      .select()
      .from(jobs)
      .where(eq(jobs.id, deliveries[0].jobId as number));
    expect(job).toMatchObject({ status: "done", attempts: 3 });
  });

  it("a receiver that never answers 2xx is given up after its attempts, and the job shows as failed", async () => {
    const receiver = await startWebhookReceiver(Array(10).fill(500));
    const member = asSessionMember(await createMember({ role: "viewer" }));
    await db
      .insert(memberPreferences)
      .values({ memberId: member.id, webhookUrl: receiver.url, webhookSecret: "whsec_dGVzdA==" });
    expect(await executeAction(sendTestWebhook, member, {})).toMatchObject({ ok: true });
    for (let attempt = 0; attempt < 8; attempt++) {
      await runDueJobs(db);
      await db
        .update(jobs)
        .set({ runAt: sql`now()` })
        .where(and(eq(jobs.kind, "webhook"), eq(jobs.status, "queued")));
    }
    await receiver.close();
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.memberId, member.id));
    expect(deliveries).toHaveLength(6);
    const [job] = await db
      .select()
      .from(jobs)
      .where(eq(jobs.id, deliveries[0].jobId as number));
    expect(job).toMatchObject({ status: "failed", attempts: 6, lastError: "HTTP 500" });
  });
});
