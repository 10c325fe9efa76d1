import { eq, sql } from "drizzle-orm";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { members, settings } from "@/db/schema";
import { signedInBeforeRevocation } from "@/lib/auth/session-validity";
import { executeAction } from "@/server/actions/execute";
import { authenticate } from "@/server/auth/credentials";
import { checkSecondFactor, hasTwoFactor } from "@/server/auth/second-factor";
import { asSessionMember, createMember, DEFAULT_MEMBER_PASSWORD, writeFingerprint } from "@/testing/factories";
import { changePassword, confirmTwoFactor, disableTwoFactor, renewRecoveryCodes, startTwoFactor } from "./commands";

const nextStepCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

/** A member with two-factor on, as the two account actions leave them, and their recovery codes. */
async function withTwoFactor(role: "admin" | "csm" = "csm") {
  const row = await createMember({ role });
  const member = asSessionMember(row);
  const started = await executeAction(startTwoFactor, member, { password: DEFAULT_MEMBER_PASSWORD });
  const { secret } = (started as { data: { secret: string } }).data;
  const confirmed = await executeAction(confirmTwoFactor, member, { code: await generate({ secret }) });
  expect(confirmed).toMatchObject({ ok: true });
  return { member, secret, recoveryCodes: (confirmed as { data: { recoveryCodes: string[] } }).data.recoveryCodes };
}

describe("changing one's password", () => {
  it("needs the current password; the new one then signs in, the old one not, and sessions from before it end, even one signed in the moment before", async () => {
    const row = await createMember();
    const member = asSessionMember(row);
    const before = await writeFingerprint();
    const wrong = await executeAction(changePassword, member, {
      current: "not my password",
      next: "a brand new long password",
      confirm: "a brand new long password",
    });
    expect(!wrong.ok && wrong.fieldErrors?.current).toEqual(["That is not your current password."]);
    expect(await writeFingerprint()).toEqual(before);

    const signedInMomentBefore = Date.now();
    const changed = await executeAction(changePassword, member, {
      current: DEFAULT_MEMBER_PASSWORD,
      next: "a brand new long password",
      confirm: "a brand new long password",
    });
    expect(changed).toMatchObject({ ok: true });
    expect(await authenticate({ email: row.email, password: "a brand new long password" })).toMatchObject({
      id: row.id,
    });
    expect(await authenticate({ email: row.email, password: DEFAULT_MEMBER_PASSWORD })).toBeNull();
    const [{ sessionsValidAfter }] = await db.select().from(members).where(eq(members.id, row.id));
    expect(signedInBeforeRevocation(Date.now() - 5000, sessionsValidAfter)).toBe(true);
    expect(signedInBeforeRevocation(signedInMomentBefore, sessionsValidAfter)).toBe(true);
    expect(signedInBeforeRevocation(Date.now(), sessionsValidAfter)).toBe(false);
  });

  it("refuses a new password that is short, repeats the current one or is mistyped the second time", async () => {
    const member = asSessionMember(await createMember());
    const attempt = (next: string, confirm = next) =>
      executeAction(changePassword, member, { current: DEFAULT_MEMBER_PASSWORD, next, confirm });
    expect((await attempt("short")).ok).toBe(false);
    const same = await attempt(DEFAULT_MEMBER_PASSWORD);
    expect(!same.ok && same.fieldErrors?.next).toEqual(["Choose a password different from the current one."]);
    const mistyped = await attempt("a brand new long password", "a brand new long passwort");
    expect(!mistyped.ok && mistyped.fieldErrors?.confirm).toEqual(["The two new passwords differ."]);
  });
});

describe("two-factor sign-in", () => {
  it("is on only once a code from the app confirms the secret; a wrong code leaves it off", async () => {
    const member = asSessionMember(await createMember());
    const started = await executeAction(startTwoFactor, member, { password: DEFAULT_MEMBER_PASSWORD });
    const { secret, qr } = (started as { data: { secret: string; qr: string } }).data;
    expect(qr).toMatch(/^data:image\/png;base64,/);
    expect(await hasTwoFactor(db, member.id)).toBe(false);
    const wrong = String((Number(await generate({ secret })) + 500_000) % 1_000_000).padStart(6, "0");
    expect((await executeAction(confirmTwoFactor, member, { code: wrong })).ok).toBe(false);
    expect(await hasTwoFactor(db, member.id)).toBe(false);
    expect(await executeAction(confirmTwoFactor, member, { code: await generate({ secret }) })).toMatchObject({
      ok: true,
    });
    expect(await hasTwoFactor(db, member.id)).toBe(true);
  });

  it("at sign-in a code is good once, the code that confirmed the setup cannot be replayed, and each recovery code works once", async () => {
    const { member, secret, recoveryCodes } = await withTwoFactor();
    expect(recoveryCodes).toHaveLength(10);
    expect(await checkSecondFactor(db, member.id, await generate({ secret }))).toBeNull();
    const next = await nextStepCode(secret);
    expect(await checkSecondFactor(db, member.id, next)).toBe("authenticator");
    expect(await checkSecondFactor(db, member.id, next)).toBeNull();
    expect(await checkSecondFactor(db, member.id, recoveryCodes[3].toUpperCase())).toBe("recovery");
    expect(await checkSecondFactor(db, member.id, recoveryCodes[3])).toBeNull();
    expect(await checkSecondFactor(db, member.id, "abcd-efgh-jkmn")).toBeNull();
  });

  it("new recovery codes replace the old ones; turning it off needs the password", async () => {
    const { member, recoveryCodes } = await withTwoFactor();
    const renewed = await executeAction(renewRecoveryCodes, member, { password: DEFAULT_MEMBER_PASSWORD });
    const fresh = (renewed as { data: { recoveryCodes: string[] } }).data.recoveryCodes;
    expect(await checkSecondFactor(db, member.id, recoveryCodes[0])).toBeNull();
    expect(await checkSecondFactor(db, member.id, fresh[0])).toBe("recovery");
    const wrong = await executeAction(disableTwoFactor, member, { password: "not my password" });
    expect(!wrong.ok && wrong.fieldErrors?.password).toEqual(["That is not your current password."]);
    expect(await executeAction(disableTwoFactor, member, { password: DEFAULT_MEMBER_PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(await hasTwoFactor(db, member.id)).toBe(false);
  });

  it("where the team requires it for admins, an admin cannot turn it off", async () => {
    const { member } = await withTwoFactor("admin");
    await db
      .insert(settings)
      .values({ key: "security", value: { requireAdminTwoFactor: true } })
      .onConflictDoUpdate({ target: settings.key, set: { value: { requireAdminTwoFactor: true } } });
    const refused = await executeAction(disableTwoFactor, member, { password: DEFAULT_MEMBER_PASSWORD });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("Admins must keep two-factor") });
    expect(await hasTwoFactor(db, member.id)).toBe(true);
    await db.execute(sql`delete from settings where key = 'security'`);
  });
});
