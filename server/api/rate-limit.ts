import "server-only";
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";

/**
 * A token bucket per API token, kept in `api_rate_buckets` so that every app process and server
 * draws from the same one: `capacity` requests at once, refilled at `perSecond`. Times come from
 * the database's clock unless a test passes `now`.
 */
export function createRateLimiter({ capacity, perSecond }: { capacity: number; perSecond: number }) {
  return {
    /** Seconds to wait before the next request is allowed, or 0 when it may go now. */
    async take(runner: Queryable, tokenId: number, now?: Date): Promise<number> {
      const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
      // Statements in other transactions may carry an earlier now(): time never runs backwards here.
      const refilled = sql`least(${capacity}::float8, b.tokens + greatest(0, extract(epoch from ${at} - b.at))::float8 * ${perSecond}::float8)`;
      // One statement decides, so concurrent requests in any process cannot spend the same token.
      // A full bucket is the same as no row, hence the insert; no row returned means refused.
      const taken = await queryRows(
        runner,
        sql`insert into api_rate_buckets as b (token_id, tokens, at)
          select ${tokenId}::int, ${capacity}::float8 - 1, ${at} where ${capacity}::float8 >= 1
          on conflict (token_id) do update set tokens = ${refilled} - 1, at = greatest(b.at, excluded.at)
            where ${refilled} >= 1
          returning token_id`,
      );
      if (taken.length > 0) return 0;
      // Only for Retry-After. At least 1 s: the bucket may have refilled since, but this request was refused.
      const [row] = await queryRows<{ wait: number }>(
        runner,
        sql`select greatest(1, ceil((1 - coalesce((select ${refilled} from api_rate_buckets b where b.token_id = ${tokenId}::int), ${capacity}::float8)) / ${perSecond}::float8))::float8 as wait`,
      );
      return Number(row.wait);
    },
  };
}
