/**
 * A token bucket per API token, in this process's memory: `capacity` requests at once, refilled
 * at `perSecond`. Behind several app servers each enforces its own share (docs/scaling.md).
 */
export function createRateLimiter({ capacity, perSecond }: { capacity: number; perSecond: number }) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Seconds to wait before the next request is allowed, or 0 when it may go now. */
    take(key: string, now = Date.now()): number {
      const bucket = buckets.get(key) ?? { tokens: capacity, at: now };
      bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / perSecond);
    },
  };
}
