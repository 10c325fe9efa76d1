import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { jobs, outreachMessages, playbooks, tasks } from "@/db/schema";
import type { SessionMember } from "@/lib/permissions";
import { executeAction } from "@/server/actions/execute";
import { getTimeline } from "@/server/customers/timeline";
import { runDueJobs } from "@/server/jobs/worker";
import { logInteraction } from "@/server/ledger/commands";
import { asSessionMember, createCustomer, createMember, writeFingerprint } from "@/testing/factories";
import { startSmtpServer } from "@/testing/smtp-server";
import { saveOutreachSettings, sendOutreach } from "./commands";

let csm: SessionMember;
let admin: SessionMember;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  csm = asSessionMember(await createMember({ role: "csm", name: "Sam CSM" }));
  admin = asSessionMember(await createMember({ role: "admin" }));
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());
afterEach(() => {
  delete process.env.SMTP_URL;
  smtp.state.reject = false;
});

const email = (customerId: number, subject = "Hello {{customer}}") =>
  executeAction(sendOutreach, csm, {
    customerId: String(customerId),
    subject,
    body: "Hi {{customer}}, {{owner}} here.",
  });

const quietDays = (days: number) => executeAction(saveOutreachSettings, admin, { quietDays: String(days) });

describe("an email to a customer", () => {
  it("goes through the SMTP server in SMTP_URL, merged, and is logged as an outbound email on the timeline", async () => {
    process.env.SMTP_URL = smtp.url;
    const customer = await createCustomer({ name: "Mia Kunde", email: "mia@kunde.test", ownerId: csm.id });
    const before = smtp.received.length;
    expect(await email(customer.id)).toMatchObject({
      ok: true,
      message: expect.stringContaining("Email sent to mia@kunde.test"),
    });
    expect(smtp.received.slice(before)).toHaveLength(1);
    expect(smtp.received[before].to).toEqual(["mia@kunde.test"]);
    expect(smtp.received[before].raw).toContain("Subject: Hello Mia Kunde");
    expect(smtp.received[before].raw).toContain("Hi Mia Kunde, Sam CSM here.");
    const [message] = await db.select().from(outreachMessages).where(eq(outreachMessages.customerId, customer.id));
    expect(message).toMatchObject({ status: "sent", subject: "Hello Mia Kunde", sentById: csm.id });
    const { entries } = await getTimeline(db, { customerId: customer.id, kind: "interactions" });
    expect(entries[0]).toMatchObject({
      title: "Outbound email",
      detail: "Email: Hello Mia Kunde",
      direction: "outbound",
    });
  });

  it("with no SMTP_URL stays in the outbox, still logged on the timeline", async () => {
    const customer = await createCustomer({ email: "outbox@kunde.test" });
    expect(await email(customer.id)).toMatchObject({
      ok: true,
      message: expect.stringContaining("kept in the outbox"),
    });
    const [message] = await db.select().from(outreachMessages).where(eq(outreachMessages.customerId, customer.id));
    expect(message.status).toBe("outbox");
    expect(message.interactionId).not.toBeNull();
  });

  it("a fatigued customer's fourth email (3 unanswered in 21 days) is refused with the reason, and nothing is sent or written", async () => {
    process.env.SMTP_URL = smtp.url;
    expect(await quietDays(0)).toMatchObject({ ok: true });
    const customer = await createCustomer({ name: "Tired GmbH", email: "tired@kunde.test" });
    for (let n = 1; n <= 3; n++) expect(await email(customer.id, `Try ${n}`), `email ${n}`).toMatchObject({ ok: true });
    const sent = smtp.received.length;
    const fingerprint = await writeFingerprint();
    const fourth = await email(customer.id, "Try 4");
    expect(fourth).toMatchObject({
      ok: false,
      message:
        "Tired GmbH is fatigued: 3 contacts in 21 days without a reply. Pause outreach and change the conversation.",
    });
    expect(smtp.received.length).toBe(sent);
    expect(await writeFingerprint()).toEqual(fingerprint);
    expect(await quietDays(7)).toMatchObject({ ok: true });
  });

  it("a second email within the 7 quiet days is refused; a customer without an address is refused", async () => {
    const customer = await createCustomer({ name: "Busy AG", email: "busy@kunde.test" });
    expect(await email(customer.id)).toMatchObject({ ok: true });
    expect(await email(customer.id)).toMatchObject({
      ok: false,
      message: expect.stringContaining("Busy AG was emailed today; the team waits 7 days between emails"),
    });
    const silent = await createCustomer({ name: "No Mail", email: null });
    expect(await email(silent.id)).toMatchObject({
      ok: false,
      message: expect.stringContaining("has no email address"),
    });
  });

  it("a mail server that refuses (550) leaves nothing sent or logged, and says so", async () => {
    process.env.SMTP_URL = smtp.url;
    smtp.state.reject = true;
    const customer = await createCustomer({ email: "bounce@kunde.test" });
    const fingerprint = await writeFingerprint();
    const result = await email(customer.id);
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining("The mail server did not take the email (SMTP 550)"),
    });
    expect(await writeFingerprint()).toEqual(fingerprint);
  });
});

describe("a playbook's email step", () => {
  it("is sent by the job worker once; for a fatigued customer it is not sent and the task says why", async () => {
    process.env.SMTP_URL = smtp.url;
    const [playbook] = await db
      .insert(playbooks)
      .values({
        name: "Detractors",
        trigger: "nps_detractor",
        taskTitle: "Call {{customer}}",
        emailSubject: "Sorry, {{customer}}",
        emailBody: "We hear you.",
      })
      .returning();
    const happy = await createCustomer({ name: "Fresh Ltd", email: "fresh@kunde.test" });
    const tired = await createCustomer({ name: "Worn Ltd", email: "worn@kunde.test" });
    for (const customer of [happy, tired])
      expect(
        await executeAction(logInteraction, csm, {
          customerId: String(customer.id),
          typeKey: "nps_detractor",
          occurredAt: new Date().toISOString(),
          channel: "survey",
          direction: "inbound",
          summary: "NPS 3",
        }),
      ).toMatchObject({ ok: true });
    // Three calls after the NPS answer, none answered: fatigued by the rule's own count when the job runs.
    await queryRows(
      db,
      sql`insert into interactions (customer_id, occurred_at, type_id, channel, direction, summary, source)
        select ${tired.id}, now() + make_interval(secs => n), (select id from interaction_types where key = 'call'), 'phone', 'outbound', 'Call', 'ui'
        from generate_series(1, 3) n`,
    );
    const before = smtp.received.length;
    await runDueJobs(db);
    await runDueJobs(db);
    const mails = smtp.received.slice(before);
    expect(mails.map((mail) => mail.to[0])).toEqual(["fresh@kunde.test"]);
    const [tiredTask] = await db.select().from(tasks).where(eq(tasks.customerId, tired.id));
    expect(tiredTask.note).toContain("Email step not sent: Worn Ltd is fatigued");
    const done = await db.select().from(jobs).where(eq(jobs.kind, "playbook_email"));
    expect(done.map((job) => job.status)).toEqual(["done", "done"]);
    await db.update(playbooks).set({ active: false }).where(eq(playbooks.id, playbook.id));
  });
});
