import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { databaseErrorCode, isDatabaseUnavailable } from "@/db/connection-error";
import { apiTokens } from "@/db/schema";
import {
  ForbiddenError,
  IdempotencyConflictError,
  type ItemError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from "@/lib/errors";
import { createRateLimiter, type RateLimitState } from "./rate-limit";
import type { ApiErrorBody } from "@/lib/api/schemas";
import { type ApiScope, hashApiToken } from "@/lib/api/tokens";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const limiter = createRateLimiter({
  capacity: Number(process.env.API_RATE_BURST ?? 120),
  perSecond: Number(process.env.API_RATE_PER_SECOND ?? 50),
});

export type ApiCaller = { tokenId: number; name: string; actor: { id: null; label: string } };

async function authenticate(request: Request): Promise<ApiCaller & { scopes: string[] }> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const unauthorized = new UnauthorizedError("Send a valid API token as 'Authorization: Bearer <token>'.");
  if (!match) throw unauthorized;
  const [token] = await db
    .select({ id: apiTokens.id, name: apiTokens.name, scopes: apiTokens.scopes, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashApiToken(match[1])), isNull(apiTokens.revokedAt)));
  if (!token) throw unauthorized;
  // Last use, at most once a minute per token: no write on every request.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiTokens.id, token.id));
  }
  return {
    tokenId: token.id,
    name: token.name,
    actor: { id: null, label: `api:${token.name}` },
    scopes: token.scopes,
  };
}

/** A request's query string read by a schema; a 400 naming each bad parameter otherwise. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (parsed.success) return parsed.data;
  const items = parsed.error.issues.map((issue) => ({ index: 0, field: issue.path.join("."), message: issue.message }));
  throw new ValidationError("Invalid query parameters.", {}, { code: "invalid_query", items });
}

export async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  const tooLarge = new PayloadTooLargeError(
    `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; send smaller batches.`,
  );
  if (declared > MAX_BODY_BYTES) throw tooLarge;
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError("The body is not valid JSON.", {}, { code: "invalid_json" });
  }
}

type ErrorBody = {
  status: number;
  code: string;
  message: string;
  errors?: ItemError[];
  headers?: Record<string, string>;
};

/** The one map from the app's typed errors (lib/errors.ts) to HTTP statuses and codes. */
function describe(error: unknown): ErrorBody {
  if (error instanceof ValidationError) {
    const { code, items } = error.details;
    const fields = Object.entries(error.fieldErrors).flatMap(([field, messages]) =>
      messages.map((message) => ({ index: 0, field, message })),
    );
    const errors = items ?? (fields.length > 0 ? fields : undefined);
    return { status: 400, code: code ?? (items ? "invalid_items" : "invalid_request"), message: error.message, errors };
  }
  if (error instanceof UnauthorizedError) {
    return { status: 401, code: "unauthorized", message: error.message, headers: { "WWW-Authenticate": "Bearer" } };
  }
  if (error instanceof ForbiddenError) return { status: 403, code: "forbidden", message: error.message };
  if (error instanceof NotFoundError) return { status: 404, code: "not_found", message: error.message };
  if (error instanceof PayloadTooLargeError) return { status: 413, code: "payload_too_large", message: error.message };
  if (error instanceof IdempotencyConflictError) {
    return { status: 422, code: "idempotency_conflict", message: error.message, errors: error.items };
  }
  if (error instanceof RateLimitedError) {
    const headers = { "Retry-After": String(error.retryAfterSeconds) };
    return { status: 429, code: "rate_limited", message: error.message, headers };
  }
  if (isDatabaseUnavailable(error)) {
    const message = "The database is unavailable. Nothing was saved; retry shortly.";
    return { status: 503, code: "unavailable", message, headers: { "Retry-After": "5" } };
  }
  const code = databaseErrorCode(error);
  if (code === "23505" || code === "40001" || code === "40P01") {
    const message = "Another request changed the same records at the same time. Nothing was saved; retry.";
    return { status: 409, code: "conflict", message, headers: { "Retry-After": "1" } };
  }
  console.error("[api] unexpected error:", error);
  const message = "Something went wrong on our side. Nothing was saved; retry, and tell us if it persists.";
  return { status: 500, code: "internal", message };
}

/** Any failure as the API's JSON error: `{ error: { code, message, errors? } }`, never a stack trace. */
export function errorResponse(error: unknown): Response {
  const { status, code, message, errors, headers } = describe(error);
  const body: z.output<typeof ApiErrorBody> = { error: { code, message, ...(errors ? { errors } : {}) } };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * A JSON answer whose body has the type of its schema in lib/api/schemas.ts, the one the OpenAPI
 * document describes it with. Outside production the body is also checked against it, so a test
 * that reaches a handler fails when the two part.
 */
export function apiJson<S extends z.ZodType>(schema: S, body: z.output<S>, init?: ResponseInit): Response {
  if (process.env.NODE_ENV !== "production") {
    const checked = schema.safeParse(body);
    if (!checked.success) throw new Error(`The response does not match its schema: ${checked.error.message}`);
  }
  return Response.json(body, init);
}

const rateLimitHeaders = ({ limit, remaining, reset }: RateLimitState) => ({
  "RateLimit-Limit": String(limit),
  "RateLimit-Remaining": String(remaining),
  "RateLimit-Reset": String(reset),
});

/** Every /api/v1 route: token and scope, per-token rate limit (reported on every answer), and errors as JSON. */
export function apiRoute<P>(
  scope: ApiScope,
  handler: (context: { request: Request; caller: ApiCaller; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let bucket: RateLimitState | undefined;
    let response: Response;
    try {
      const { scopes, ...caller } = await authenticate(request);
      bucket = await limiter.take(db, caller.tokenId);
      if (bucket.wait > 0)
        throw new RateLimitedError(`Too many requests for this token; retry in ${bucket.wait} s.`, bucket.wait);
      if (!scopes.includes(scope)) throw new ForbiddenError(null, `This token lacks the '${scope}' scope.`);
      response = await handler({ request, caller, params: await context.params });
    } catch (error) {
      response = errorResponse(error);
    }
    if (bucket) for (const [name, value] of Object.entries(rateLimitHeaders(bucket))) response.headers.set(name, value);
    return response;
  };
}
