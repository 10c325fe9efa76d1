import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { apiTokens, members } from "@/db/schema";

export async function listApiTokens() {
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
