import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import type { SessionMember } from "@/lib/permissions";
import type { MemberPreferences } from "@/lib/i18n/locales";
import { getActiveMember } from "./members";
import { ForbiddenError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { auth } from "./auth";
import { hasTwoFactor } from "./second-factor";
import { getSettings } from "@/server/settings/queries";
import { isSessionCookie } from "@/lib/auth/session-cookie";
import { signedInBeforeRevocation } from "@/lib/auth/session-validity";

const MAX_REMEMBERED_SESSIONS = 1000;
type SessionClaims = { memberId: number; signedInAtMs: number };
const rememberedSessions = new Map<string, SessionClaims & { expiresAt: number }>();

/**
 * The member id in this request's session cookie. Decrypting the cookie is the costliest step of
 * a signed-in request after rendering, and the same cookie always decrypts to the same session,
 * so each one is decrypted once and remembered until it expires. (Whether the member is still
 * active and what role they have is read from the database on every request.)
 */
async function sessionClaims(): Promise<SessionClaims | null> {
  const token = (await cookies())
    .getAll()
    .filter((cookie) => isSessionCookie(cookie.name))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join(";");
  if (!token) return null;
  const remembered = rememberedSessions.get(token);
  if (remembered && remembered.expiresAt > Date.now()) return remembered;
  rememberedSessions.delete(token);
  const session = await auth();
  const memberId = Number(session?.user?.id);
  if (!Number.isInteger(memberId) || memberId <= 0) return null;
  const claims = { memberId, signedInAtMs: session?.signedInAtMs ?? 0 };
  const expiresAt = (session?.cookieExpiresAt ?? 0) * 1000;
  if (expiresAt <= Date.now()) return claims;
  if (rememberedSessions.size >= MAX_REMEMBERED_SESSIONS)
    rememberedSessions.delete(rememberedSessions.keys().next().value as string);
  rememberedSessions.set(token, { ...claims, expiresAt });
  return claims;
}

/** The signed-in, still active member of this request, read once per request. */
export const currentMember = cache(async (): Promise<(SessionMember & { preferences: MemberPreferences }) | null> => {
  const claims = await sessionClaims();
  if (claims === null) return null;
  const member = await getActiveMember(db, { id: claims.memberId });
  if (!member) return null;
  // A password change ends the sessions signed in before it.
  if (signedInBeforeRevocation(claims.signedInAtMs, member.sessionsValidAfter)) return null;
  return {
    id: member.id,
    name: member.name,
    email: member.email,
    role: member.role,
    preferences: member.preferences,
  };
});

/**
 * The gate for every page, action and route: no session → sign-in page; a role without the
 * permission → ForbiddenError (actions turn it into a message).
 */
export async function requireMember(permission: Permission = "dashboard.read"): Promise<SessionMember> {
  const member = await currentMember();
  if (!member) redirect("/login");
  if (!can(member.role, permission)) throw new ForbiddenError(permission);
  return member;
}

/** For pages: a member without the permission sees the "not for your role" page. */
export async function requirePageMember(
  permission: Permission = "dashboard.read",
  { twoFactorSetup = false }: { twoFactorSetup?: boolean } = {},
): Promise<SessionMember> {
  const member = await currentMember();
  if (!member) redirect("/login");
  if (!can(member.role, permission)) redirect("/forbidden");
  // Where the team requires it, an admin without two-factor sees only the page that sets it up.
  if (member.role === "admin" && !twoFactorSetup) {
    const { security } = await getSettings(db, ["security"]);
    if (security.requireAdminTwoFactor && !(await hasTwoFactor(db, member.id)))
      redirect("/settings/account?required=two-factor");
  }
  return member;
}
