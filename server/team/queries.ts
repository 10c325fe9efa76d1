import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { members } from "@/db/schema";

export type SessionMember = Pick<typeof members.$inferSelect, "id" | "name" | "email" | "role">;

export async function findMemberForSignIn(email: string) {
  const [member] = await db
    .select({
      id: members.id,
      name: members.name,
      email: members.email,
      role: members.role,
      active: members.active,
      passwordHash: members.passwordHash,
    })
    .from(members)
    .where(eq(members.email, email.trim().toLowerCase()))
    .limit(1);
  return member;
}

/** The member behind a session, if it still exists and is active: checked on every request. */
export async function getActiveMember(id: number): Promise<SessionMember | undefined> {
  const [member] = await db
    .select({ id: members.id, name: members.name, email: members.email, role: members.role })
    .from(members)
    .where(and(eq(members.id, id), eq(members.active, true)))
    .limit(1);
  return member;
}

export async function listMembers() {
  return db
    .select({ id: members.id, name: members.name, email: members.email, role: members.role, active: members.active })
    .from(members)
    .orderBy(sql`${members.active} desc`, members.name);
}

/** Members who can own customers: the owner pickers and filters. */
export async function listActiveMembers() {
  return db
    .select({ id: members.id, name: members.name, role: members.role })
    .from(members)
    .where(eq(members.active, true))
    .orderBy(members.name);
}
