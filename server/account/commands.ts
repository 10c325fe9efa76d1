import { eq, sql } from "drizzle-orm";
import QRCode from "qrcode";
import { members } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from "@/lib/auth/two-factor";
import { message } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import {
  changePasswordSchema,
  confirmWithPasswordSchema,
  securitySettingsSchema,
  twoFactorCodeSchema,
} from "@/lib/validation/account";
import { defineAction } from "@/server/actions/execute";
import { recordAudit } from "@/server/audit/record";
import { getSettings } from "@/server/settings/queries";
import { lockMember } from "@/server/team/members";
import { saveSettingsSection } from "@/server/settings/save";

async function assertPassword(password: string, hash: string, field: string) {
  if (!(await verifyPassword(password, hash)))
    throw new ValidationError(message("account.passwordWrong"), { [field]: [message("account.notCurrentPassword")] });
}

/** A new password; every session signed in before now ends (the action signs this browser in again). */
export const changePassword = defineAction({
  permission: "account.own",
  schema: changePasswordSchema,
  async run(input, { member, tx }) {
    const self = await lockMember(tx, member.id);
    await assertPassword(input.current, self.passwordHash, "current");
    await tx
      .update(members)
      .set({
        passwordHash: await hashPassword(input.next),
        sessionsValidAfter: new Date(),
        updatedAt: sql`now()`,
      })
      .where(eq(members.id, member.id));
    await recordAudit(tx, member, { action: "member.password_changed", entityType: "member", entityId: member.id });
    return { message: message("done.account.passwordChanged") };
  },
});

/** Step one of two-factor: a new secret, shown as a QR code and as text; on only once a code confirms it. */
export const startTwoFactor = defineAction({
  permission: "account.own",
  schema: confirmWithPasswordSchema,
  async run(input, { member, tx }) {
    const self = await lockMember(tx, member.id);
    await assertPassword(input.password, self.passwordHash, "password");
    if (self.totpEnabledAt) throw new ValidationError(message("account.twoFactorAlreadyOn"));
    const secret = newTotpSecret();
    await tx.update(members).set({ totpSecret: secret, totpLastStep: null }).where(eq(members.id, member.id));
    await recordAudit(tx, member, { action: "member.two_factor_started", entityType: "member", entityId: member.id });
    const uri = totpUri(member.email, secret);
    return {
      message: message("done.account.scanCode"),
      data: { secret, uri, qr: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) },
    };
  },
});

/** Step two: the app's code proves the secret arrived; two-factor is on and ten recovery codes are shown once. */
export const confirmTwoFactor = defineAction({
  permission: "account.own",
  schema: twoFactorCodeSchema,
  async run(input, { member, tx }) {
    const self = await lockMember(tx, member.id);
    if (self.totpEnabledAt) throw new ValidationError(message("account.twoFactorAlreadyOn"));
    if (!self.totpSecret) throw new ValidationError(message("account.startTwoFactorFirst"));
    const step = await verifyTotp(self.totpSecret, input.code, null);
    if (step === null)
      throw new ValidationError(message("account.codeWrong"), { code: [message("account.codeMismatch")] });
    const recoveryCodes = newRecoveryCodes();
    await tx
      .update(members)
      .set({ totpEnabledAt: sql`now()`, totpLastStep: step, recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) })
      .where(eq(members.id, member.id));
    await recordAudit(tx, member, { action: "member.two_factor_enabled", entityType: "member", entityId: member.id });
    return {
      message: message("done.account.twoFactorOn"),
      data: { recoveryCodes },
    };
  },
});

export const disableTwoFactor = defineAction({
  permission: "account.own",
  schema: confirmWithPasswordSchema,
  async run(input, { member, tx }) {
    const self = await lockMember(tx, member.id);
    await assertPassword(input.password, self.passwordHash, "password");
    const { security } = await getSettings(tx, ["security"]);
    if (member.role === "admin" && security.requireAdminTwoFactor)
      throw new ValidationError(message("account.adminsNeedTwoFactor"));
    await tx
      .update(members)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [] })
      .where(eq(members.id, member.id));
    await recordAudit(tx, member, { action: "member.two_factor_disabled", entityType: "member", entityId: member.id });
    return { message: message("done.account.twoFactorOff") };
  },
});

export const renewRecoveryCodes = defineAction({
  permission: "account.own",
  schema: confirmWithPasswordSchema,
  async run(input, { member, tx }) {
    const self = await lockMember(tx, member.id);
    await assertPassword(input.password, self.passwordHash, "password");
    if (!self.totpEnabledAt) throw new ValidationError(message("account.turnOnTwoFactorFirst"));
    const recoveryCodes = newRecoveryCodes();
    await tx
      .update(members)
      .set({ recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) })
      .where(eq(members.id, member.id));
    await recordAudit(tx, member, {
      action: "member.recovery_codes_renewed",
      entityType: "member",
      entityId: member.id,
    });
    return { message: message("done.account.newRecoveryCodes"), data: { recoveryCodes } };
  },
});

/** Whether admins must sign in with two-factor: until they turn it on, every page sends them to set it up. */
export const saveSecuritySettings = defineAction({
  permission: "settings.manage",
  schema: securitySettingsSchema,
  async run(input, { member, tx }) {
    await saveSettingsSection(tx, member, "security", input);
    return {
      message: message(
        input.requireAdminTwoFactor ? "done.account.adminsNeedTwoFactor" : "done.account.twoFactorOptional",
      ),
    };
  },
});
