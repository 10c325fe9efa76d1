import "server-only";
import { z } from "zod";
import { db } from "@/db";
import type { SessionMember } from "@/lib/permissions";
import { findMemberForSignIn } from "./members";
import { verifyPassword } from "@/lib/auth/password";
import { fails } from "@/lib/validation/messages";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email(fails("signIn.emailInvalid")).max(320),
  password: z.string().min(1, fails("account.passwordMissing")).max(200),
});

/** The member for these credentials, or null: never says whether the email exists. */
export async function authenticate(input: unknown): Promise<SessionMember | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const member = await findMemberForSignIn(db, { email: parsed.data.email });
  const valid = await verifyPassword(parsed.data.password, member?.passwordHash);
  if (!member || !valid || !member.active) return null;
  return { id: member.id, name: member.name, email: member.email, role: member.role };
}
