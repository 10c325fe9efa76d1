import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import type { SessionMember } from "@/lib/permissions";
import { getActiveMember } from "./members";
import { ForbiddenError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { auth } from "./auth";
import { isSessionCookie } from "@/lib/auth/session-cookie";

const MAX_REMEMBERED_SESSIONS = 1000;
const rememberedSessions = new Map<string, { memberId: number; expiresAt: number }>();

/**
 * The member id in this request's session cookie. Decrypting the cookie is the costliest step of
 * a signed-in request after rendering, and the same cookie always decrypts to the same session,
 * so each one is decrypted once and remembered until it expires. (Whether the member is still
 * active and what role they have is read from the database on every request.)
 */
async function sessionMemberId(): Promise<number | null> {
  const token = (await cookies())
    .getAll()
    .filter((cookie) => isSessionCookie(cookie.name))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join(";");
  if (!token) return null;
  const remembered = rememberedSessions.get(token);
  if (remembered && remembered.expiresAt > Date.now()) return remembered.memberId;
  rememberedSessions.delete(token);
  const session = await auth();
  const memberId = Number(session?.user?.id);
  if (!Number.isInteger(memberId) || memberId <= 0) return null;
  const expiresAt = (session?.cookieExpiresAt ?? 0) * 1000;
  if (expiresAt <= Date.now()) return memberId;
  if (rememberedSessions.size >= MAX_REMEMBERED_SESSIONS)
    rememberedSessions.delete(rememberedSessions.keys().next().value as string);
  rememberedSessions.set(token, { memberId, expiresAt });
  return memberId;
}

/** The signed-in, still active member of this request, read once per request. */
export const currentMember = cache(async (): Promise<SessionMember | null> => {
  const id = await sessionMemberId();
  if (id === null) return null;
  return (await getActiveMember(db, { id })) ?? null;
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
export async function requirePageMember(permission: Permission = "dashboard.read"): Promise<SessionMember> {
  const member = await currentMember();
  if (!member) redirect("/login");
  if (!can(member.role, permission)) redirect("/forbidden");
  return member;
}
