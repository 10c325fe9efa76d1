/**
 * Sign-in throttling with back-off, per account and per client address, in this process's memory.
 * After `freeFailures` failures within the window, each further failure doubles the wait
 * (from `baseSeconds`, at most `maxSeconds`). The same for known and unknown emails.
 */
export function createLoginThrottle({ freeFailures, baseSeconds = 30, maxSeconds = 900, windowSeconds = 900 }: { freeFailures: number; baseSeconds?: number; maxSeconds?: number; windowSeconds?: number }) {
  const entries = new Map<string, { failures: number; lastFailure: number; lockedUntil: number }>();
  return {
    /** Seconds until `key` may try again; 0 when it may now. */
    wait(key: string, now = Date.now()): number {
      const entry = entries.get(key);
      return entry && entry.lockedUntil > now ? Math.ceil((entry.lockedUntil - now) / 1000) : 0;
    },
    fail(key: string, now = Date.now()): void {
      const previous = entries.get(key);
      const failures = previous && now - previous.lastFailure < windowSeconds * 1000 ? previous.failures + 1 : 1;
      const over = failures - freeFailures;
      const lockedUntil = over > 0 ? now + Math.min(maxSeconds, baseSeconds * 2 ** (over - 1)) * 1000 : 0;
      entries.set(key, { failures, lastFailure: now, lockedUntil });
    },
    succeed(key: string): void {
      entries.delete(key);
    },
  };
}

export const accountThrottle = createLoginThrottle({ freeFailures: 5 });
export const addressThrottle = createLoginThrottle({ freeFailures: 20 });
