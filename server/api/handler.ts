import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { databaseErrorCode, isDatabaseUnavailable } from "@/db/connection-error";
import { apiTokens } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { createRateLimiter } from "./rate-limit";
import { type ApiScope, hashApiToken } from "@/lib/api/tokens";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_BATCH = 1000;

const limiter = createRateLimiter({
  capacity: Number(process.env.API_RATE_BURST ?? 120),
  perSecond: Number(process.env.API_RATE_PER_SECOND ?? 50),
});

export type ApiCaller = { tokenId: number; name: string; actor: { id: null; label: string } };

async function authenticate(request: Request, scope: ApiScope): Promise<ApiCaller> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const unauthorized = new ApiError(401, "unauthorized", "Send a valid API token as 'Authorization: Bearer <token>'.", {
    headers: { "WWW-Authenticate": "Bearer" },
  });
  if (!match) throw unauthorized;
  const [token] = await db
    .select({ id: apiTokens.id, name: apiTokens.name, scopes: apiTokens.scopes, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashApiToken(match[1])), isNull(apiTokens.revokedAt)));
  if (!token) throw unauthorized;
  if (!token.scopes.includes(scope)) throw new ApiError(403, "forbidden", `This token lacks the '${scope}' scope.`);
  // Last use, at most once a minute per token: no write on every request.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiTokens.id, token.id));
  }
  return { tokenId: token.id, name: token.name, actor: { id: null, label: `api:${token.name}` } };
}

export async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  const tooLarge = new ApiError(
    413,
    "payload_too_large",
    `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; send smaller batches.`,
  );
  if (declared > MAX_BODY_BYTES) throw tooLarge;
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The body is not valid JSON.");
  }
}

/** Maps any failure to a JSON answer: expected ones to their status, the database down to 503. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) return error.toResponse();
  if (isDatabaseUnavailable(error)) {
    return new ApiError(503, "unavailable", "The database is unavailable. Nothing was saved; retry shortly.", {
      headers: { "Retry-After": "5" },
    }).toResponse();
  }
  const code = databaseErrorCode(error);
  if (code === "23505" || code === "40001" || code === "40P01") {
    return new ApiError(
      409,
      "conflict",
      "Another request changed the same records at the same time. Nothing was saved; retry.",
      { headers: { "Retry-After": "1" } },
    ).toResponse();
  }
  console.error("[api] unexpected error:", error);
  return new ApiError(
    500,
    "internal",
    "Something went wrong on our side. Nothing was saved; retry, and tell us if it persists.",
  ).toResponse();
}

/** Every /api/v1 route: token and scope, per-token rate limit, and errors as JSON. */
export function apiRoute<P>(
  scope: ApiScope,
  handler: (context: { request: Request; caller: ApiCaller; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const caller = await authenticate(request, scope);
      const wait = await limiter.take(db, caller.tokenId);
      if (wait > 0)
        throw new ApiError(429, "rate_limited", `Too many requests for this token; retry in ${wait} s.`, {
          headers: { "Retry-After": String(wait) },
        });
      return await handler({ request, caller, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
