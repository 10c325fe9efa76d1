import "server-only";
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";

/**
 * A token bucket per API token, kept in `api_rate_buckets` so that every app process and server
 * draws from the same one: `capacity` requests at once, refilled at `perSecond`. Times come from
 * the database's clock unless a test passes `now`.
 */
/** What a take decided, and the bucket as the RateLimit-* headers report it. */
export type RateLimitState = {
  /** Seconds to wait before the next request is allowed (Retry-After), or 0 when this one may go. */
  wait: number;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  reset: number;
};

export function createRateLimiter({ capacity, perSecond }: { capacity: number; perSecond: number }) {
  const state = (tokens: number, wait: number): RateLimitState => ({
    wait,
    limit: capacity,
    remaining: Math.max(0, Math.floor(tokens)),
    reset: Math.max(0, Math.ceil((capacity - tokens) / perSecond)),
  });
  return {
    async take(runner: Queryable, tokenId: number, now?: Date): Promise<RateLimitState> {
      const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
      // Statements in other transactions may carry an earlier now(): time never runs backwards here.
      const refilled = sql`least(${capacity}::float8, b.tokens + greatest(0, extract(epoch from ${at} - b.at))::float8 * ${perSecond}::float8)`;
      // One statement decides, so concurrent requests in any process cannot spend the same token.
      // A full bucket is the same as no row, hence the insert; no row returned means refused.
      const [taken] = await queryRows<{ tokens: number }>(
        runner,
        sql`insert into api_rate_buckets as b (token_id, tokens, at)
          select ${tokenId}::int, ${capacity}::float8 - 1, ${at} where ${capacity}::float8 >= 1
          on conflict (token_id) do update set tokens = ${refilled} - 1, at = greatest(b.at, excluded.at)
            where ${refilled} >= 1
          returning b.tokens`,
      );
      if (taken) return state(Number(taken.tokens), 0);
      // The wait is at least 1 s: the bucket may have refilled since, but this request was refused.
      const [row] = await queryRows<{ tokens: number }>(
        runner,
        sql`select coalesce((select ${refilled} from api_rate_buckets b where b.token_id = ${tokenId}::int), ${capacity}::float8) as tokens`,
      );
      const tokens = Number(row.tokens);
      return state(tokens, Math.max(1, Math.ceil((1 - tokens) / perSecond)));
    },
  };
}
