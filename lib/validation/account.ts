import { z } from "zod";
import { message } from "@/lib/error-messages";
import { id, requiredText } from "./fields";
import { fails } from "./messages";

const newPassword = z
  .string(fails("account.newPasswordMissing"))
  .min(12, fails("account.passwordTooShort"))
  .max(200, fails("field.atMost", { max: 200 }));

/** Changing one's password: the current one, and the new one twice. */
export const changePasswordSchema = z
  .object({
    current: z.string(fails("account.currentPasswordMissing")).min(1, fails("account.currentPasswordMissing")).max(200),
    next: newPassword,
    confirm: z.string(fails("account.newPasswordAgain")),
  })
  .refine((input) => input.next === input.confirm, { ...fails("account.newPasswordsDiffer"), path: ["confirm"] })
  .refine((input) => input.next !== input.current, {
    ...fails("account.passwordUnchanged"),
    path: ["next"],
  });

export const twoFactorCodeSchema = z.object({
  code: z
    .string(fails("account.codeMissing"))
    .trim()
    .regex(/^\d{6}$/, fails("account.codeMissing")),
});

export const confirmWithPasswordSchema = z.object({
  password: z.string(fails("account.passwordMissing")).min(1, fails("account.passwordMissing")).max(200),
});

export const securitySettingsSchema = z.object({
  requireAdminTwoFactor: z
    .enum(["on"], fails("account.tickOrLeave"))
    .optional()
    .transform((value) => value === "on"),
});

/** Accepting an invitation: the password the invitee chooses, twice. */
export const acceptInvitationSchema = z
  .object({
    token: z.string().min(20, fails("invitation.linkIncomplete")).max(200),
    password: newPassword,
    confirm: z.string(fails("invitation.passwordAgain")),
  })
  .refine((input) => input.password === input.confirm, { ...fails("invitation.passwordsDiffer"), path: ["confirm"] });

export const inviteMemberSchema = z.object({
  name: requiredText(120, {
    missing: message("team.memberNameMissing"),
    tooLong: message("field.atMost", { max: 120 }),
  }),
  email: z.string(fails("team.emailMissing")).trim().toLowerCase().email(fails("field.emailInvalid")).max(320),
  role: z.enum(["admin", "manager", "csm", "viewer"], fails("choose.role")),
  /** Where the app is reached, for the link: set by the server from the request, not by the form. */
  origin: z.string().url().max(300).optional(),
});

export const invitationIdSchema = z.object({ invitationId: id(message("choose.invitation")) });
