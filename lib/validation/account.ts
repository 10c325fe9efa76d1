import { z } from "zod";
import { id, requiredText } from "./fields";

const newPassword = z
  .string({ message: "Choose a new password." })
  .min(12, "The password needs at least 12 characters.")
  .max(200, "At most 200 characters.");

/** Changing one's password: the current one, and the new one twice. */
export const changePasswordSchema = z
  .object({
    current: z.string({ message: "Enter your current password." }).min(1, "Enter your current password.").max(200),
    next: newPassword,
    confirm: z.string({ message: "Type the new password again." }),
  })
  .refine((input) => input.next === input.confirm, { message: "The two new passwords differ.", path: ["confirm"] })
  .refine((input) => input.next !== input.current, {
    message: "Choose a password different from the current one.",
    path: ["next"],
  });

export const twoFactorCodeSchema = z.object({
  code: z
    .string({ message: "Enter the 6-digit code your app shows." })
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code your app shows."),
});

export const confirmWithPasswordSchema = z.object({
  password: z.string({ message: "Enter your password." }).min(1, "Enter your password.").max(200),
});

export const securitySettingsSchema = z.object({
  requireAdminTwoFactor: z
    .enum(["on"], { message: "Tick the box or leave it empty." })
    .optional()
    .transform((value) => value === "on"),
});

/** Accepting an invitation: the password the invitee chooses, twice. */
export const acceptInvitationSchema = z
  .object({
    token: z.string().min(20, "This invitation link is not complete.").max(200),
    password: newPassword,
    confirm: z.string({ message: "Type the password again." }),
  })
  .refine((input) => input.password === input.confirm, { message: "The two passwords differ.", path: ["confirm"] });

export const inviteMemberSchema = z.object({
  name: requiredText(120, { missing: "Enter the member's name.", tooLong: "At most 120 characters." }),
  email: z
    .string({ message: "Enter an email address." })
    .trim()
    .toLowerCase()
    .email("Enter a valid email address, like name@company.com.")
    .max(320),
  role: z.enum(["admin", "manager", "csm", "viewer"], { message: "Choose a role." }),
  /** Where the app is reached, for the link: set by the server from the request, not by the form. */
  origin: z.string().url().max(300).optional(),
});

export const invitationIdSchema = z.object({ invitationId: id("an invitation") });
