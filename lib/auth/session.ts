import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getActiveMember, type SessionMember } from "@/db/queries/members";
import { ForbiddenError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { auth } from "./index";

/** The signed-in, still active member of this request, read once per request. */
export const currentMember = cache(async (): Promise<SessionMember | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return (await getActiveMember(id)) ?? null;
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
