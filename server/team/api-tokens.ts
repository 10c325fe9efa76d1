import { and, eq, isNull, sql } from "drizzle-orm";
import { defineAction } from "@/server/actions/execute";
import { generateApiToken } from "@/lib/api/tokens";
import { message } from "@/lib/error-messages";
import { NotFoundError } from "@/lib/errors";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-tokens";
import { apiTokens } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";

export const createApiToken = defineAction({
  permission: "tokens.manage",
  schema: createApiTokenSchema,
  async run(input, { member, tx }) {
    const { token, hash, prefix } = generateApiToken();
    const [row] = await tx
      .insert(apiTokens)
      .values({ name: input.name, scopes: input.scopes, tokenHash: hash, prefix, createdById: member.id })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, member, {
      action: "api_token.created",
      entityType: "api_token",
      entityId: row.id,
      after: { name: input.name, scopes: input.scopes, prefix },
    });
    return { message: message("done.tokens.created"), data: { token } };
  },
});

export const revokeApiToken = defineAction({
  permission: "tokens.manage",
  schema: revokeApiTokenSchema,
  async run(input, { member, tx }) {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, input.tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (!row) throw new NotFoundError(message("notFound.what.activeToken"));
    await recordAudit(tx, member, {
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: row.id,
      after: { revoked: true },
    });
    return { message: message("done.tokens.revoked", { name: row.name }) };
  },
});
