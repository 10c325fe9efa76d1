import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { members } from "@/db/schema";
import type { SessionMember } from "@/lib/permissions";
import type { MemberPreferences } from "@/lib/i18n/locales";

/** The member an email signs in as, with the password hash to check; undefined when there is none. */
export async function findMemberForSignIn(db: Queryable, { email }: { email: string }) {
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
export async function getActiveMember(
  db: Queryable,
  { id }: { id: number },
): Promise<
  (SessionMember & { sessionsValidAfter: Date | null; twoFactor: boolean; preferences: MemberPreferences }) | undefined
> {
  const [member] = await db
    .select({
      id: members.id,
      name: members.name,
      email: members.email,
      role: members.role,
      sessionsValidAfter: members.sessionsValidAfter,
      twoFactor: sql<boolean>`${members.totpEnabledAt} is not null`,
      preferences: { locale: members.locale, timeZone: members.timeZone, theme: members.theme },
    })
    .from(members)
    .where(and(eq(members.id, id), eq(members.active, true)))
    .limit(1);
  return member;
}
