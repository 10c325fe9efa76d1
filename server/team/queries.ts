import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { referenceCached } from "@/db/reference-cache";
import { apiTokens, members } from "@/db/schema";

/** Every member, active ones first, by name: Settings → Team. */
export async function listMembers(db: Queryable) {
  return db
    .select({ id: members.id, name: members.name, email: members.email, role: members.role, active: members.active })
    .from(members)
    .orderBy(sql`${members.active} desc`, members.name);
}

/** Members who can own customers: the owner pickers and filters, kept until one changes. */
export const listActiveMembers = referenceCached(async (db: Queryable) =>
  db
    .select({ id: members.id, name: members.name, role: members.role })
    .from(members)
    .where(eq(members.active, true))
    .orderBy(members.name),
);

/** Every API token, newest first, with who created it (never the token itself). */
export async function listApiTokens(db: Queryable) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdBy: members.name,
    })
    .from(apiTokens)
    .leftJoin(members, eq(members.id, apiTokens.createdById))
    .orderBy(desc(apiTokens.createdAt));
}
