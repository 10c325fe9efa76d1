import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { memberInvitations, members } from "@/db/schema";
import type { SessionMember } from "@/lib/permissions";
import { executeAction } from "@/server/actions/execute";
import { authenticate } from "@/server/auth/credentials";
import { asSessionMember, createMember, writeFingerprint } from "@/testing/factories";
import { startSmtpServer } from "@/testing/smtp-server";
import { acceptInvitation, findOpenInvitation, inviteMember, revokeInvitation } from "./invitations";

let admin: SessionMember;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let counter = 0;
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const email = () => `invitee-${Date.now().toString(36)}${counter++}@example.test`;

/** Invites through the action with no mail server: the link comes back to copy. */
async function invite(address: string, role = "csm") {
  const result = await executeAction(inviteMember, admin, {
    name: "Ines Invited",
    email: address,
    role,
    origin: "https://hourglass.example",
  });
  expect(result).toMatchObject({ ok: true });
  const link = (result as { data: { link: string } }).data.link;
  expect(link).toMatch(/^https:\/\/hourglass\.example\/invite\/[\w-]{40,}$/);
  return link.split("/").pop() as string;
}

beforeAll(async () => {
  admin = asSessionMember(await createMember({ role: "admin" }));
  smtp = await startSmtpServer();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

describe("invitations", () => {
  it("the invitee's own password opens a member of the invited role; the link then stops working", async () => {
    const address = email();
    const token = await invite(address, "manager");
    expect(await findOpenInvitation(db, token)).toMatchObject({ email: address, role: "manager" });
    // Only a hash of the token is stored.
    const [row] = await db.select().from(memberInvitations).where(eq(memberInvitations.email, address));
    expect(row.tokenHash).not.toContain(token);

    const accepted = await acceptInvitation(db, {
      token,
      password: "my own long password",
      confirm: "my own long password",
    });
    expect(accepted).toMatchObject({ ok: true });
    expect(await authenticate({ email: address, password: "my own long password" })).toMatchObject({
      role: "manager",
      name: "Ines Invited",
    });
    const again = await acceptInvitation(db, {
      token,
      password: "another long password",
      confirm: "another long password",
    });
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("expired or was already used") });
    expect(await findOpenInvitation(db, token)).toBeUndefined();
  });

  it("a short or mistyped password, an expired or revoked link are refused, and nothing is written", async () => {
    const token = await invite(email());
    const before = await writeFingerprint();
    expect(await acceptInvitation(db, { token, password: "short", confirm: "short" })).toMatchObject({
      ok: false,
      fieldErrors: { password: ["The password needs at least 12 characters."] },
    });
    expect(
      await acceptInvitation(db, { token, password: "my own long password", confirm: "my own long passwort" }),
    ).toMatchObject({ ok: false, fieldErrors: { confirm: ["The two passwords differ."] } });
    expect(await writeFingerprint()).toEqual(before);

    await db
      .update(memberInvitations)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(memberInvitations.tokenHash, hashOf(token)));
    expect(
      await acceptInvitation(db, { token, password: "my own long password", confirm: "my own long password" }),
    ).toMatchObject({ ok: false, message: expect.stringContaining("expired") });

    const revokedAddress = email();
    const revokedToken = await invite(revokedAddress);
    const [open] = await db.select().from(memberInvitations).where(eq(memberInvitations.email, revokedAddress));
    expect(await executeAction(revokeInvitation, admin, { invitationId: String(open.id) })).toMatchObject({ ok: true });
    expect(
      await acceptInvitation(db, {
        token: revokedToken,
        password: "my own long password",
        confirm: "my own long password",
      }),
    ).toMatchObject({ ok: false });
    expect(await executeAction(revokeInvitation, admin, { invitationId: String(open.id) })).toMatchObject({
      ok: false,
      message: "That invitation is no longer open.",
    });
  });

  it("expires 72 hours after it was sent; inviting the same address again replaces the open link", async () => {
    const address = email();
    const first = await invite(address);
    const [row] = await db.select().from(memberInvitations).where(eq(memberInvitations.email, address));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(72 * 3_600_000);
    const second = await invite(address);
    expect(await findOpenInvitation(db, first)).toBeUndefined();
    expect(await findOpenInvitation(db, second)).toBeDefined();
  });

  it("an email a member already has is refused at the field", async () => {
    const existing = await createMember();
    const result = await executeAction(inviteMember, admin, { name: "Twice", email: existing.email, role: "csm" });
    expect(!result.ok && result.fieldErrors?.email).toEqual(["A member with this email already exists."]);
  });

  it("with SMTP_URL set, the link goes by email to the invitee and is not shown to the admin", async () => {
    process.env.SMTP_URL = smtp.url;
    const address = email();
    const result = await executeAction(inviteMember, admin, {
      name: "Mailed Invitee",
      email: address,
      role: "viewer",
      origin: "https://hourglass.example",
    });
    delete process.env.SMTP_URL;
    expect(result).toMatchObject({ ok: true, message: `Invitation sent to ${address}.`, data: { link: null } });
    const mail = smtp.received.find((m) => m.to.includes(address));
    const token = /https:\/\/hourglass\.example\/invite\/([\w-]+)/.exec(mail?.raw.replace(/=\r?\n/g, "") ?? "")?.[1];
    expect(token).toBeDefined();
    expect(await findOpenInvitation(db, token as string)).toMatchObject({ email: address, role: "viewer" });
  });

  it("a viewer, CSM or manager cannot invite: refused, nothing written", async () => {
    for (const role of ["viewer", "csm", "manager"] as const) {
      const actor = asSessionMember(await createMember({ role }));
      const before = await writeFingerprint();
      const result = await executeAction(inviteMember, actor, { name: "X", email: email(), role: "admin" });
      expect(result.ok).toBe(false);
      expect(await writeFingerprint()).toEqual(before);
    }
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(members)
      .where(eq(members.role, "admin"));
    expect(row.n).toBeGreaterThan(0);
  });
});
