import "server-only";
import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";

/**
 * Sign-in throttling with back-off, per account and per client address, kept in `login_throttles`
 * so that every app process and server counts the same failures. After `freeFailures` failures
 * within the window, each further failure doubles the wait (from `baseSeconds`, at most
 * `maxSeconds`). The same for known and unknown emails. Times come from the database's clock
 * unless a test passes `now`.
 */
export function createLoginThrottle({
  scope,
  freeFailures,
  baseSeconds = 30,
  maxSeconds = 900,
  windowSeconds = 900,
}: {
  scope: string;
  freeFailures: number;
  baseSeconds?: number;
  maxSeconds?: number;
  windowSeconds?: number;
}) {
  const hashed = (key: string) => createHash("sha256").update(key).digest("hex");
  const timeOf = (now?: Date) => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`);
  const windowStart = (at: SQL) => sql`${at} - make_interval(secs => ${windowSeconds}::float8)`;
  // The exponent is capped so that power() cannot overflow; least() brings the wait to maxSeconds anyway.
  const lockedUntil = (failures: SQL, at: SQL) => sql`case when ${failures} > ${freeFailures}::int
    then ${at} + make_interval(secs => least(${maxSeconds}::float8, ${baseSeconds}::float8 * 2::float8 ^ least(${failures} - ${freeFailures}::int - 1, 60)))
    end`;

  /** Whether the failure was counted: with `unlessLocked`, a locked key's row is left as it is. */
  async function recordFailure(
    runner: Queryable,
    key: string,
    at: SQL,
    { unlessLocked }: { unlessLocked: boolean },
  ): Promise<boolean> {
    // One statement: failures from concurrent requests in any process are all counted.
    const failures = sql`case when t.last_failure_at > ${windowStart(sql`excluded.last_failure_at`)} then t.failures + 1 else 1 end`;
    const counted = await queryRows<{ counted: boolean }>(
      runner,
      sql`insert into login_throttles as t (scope, key, failures, last_failure_at, locked_until)
        values (${scope}, ${hashed(key)}, 1, ${at}, ${lockedUntil(sql`1`, at)})
        on conflict (scope, key) do update set
          failures = ${failures},
          last_failure_at = excluded.last_failure_at,
          locked_until = ${lockedUntil(failures, sql`excluded.last_failure_at`)}
        ${unlessLocked ? sql`where t.locked_until is null or t.locked_until <= excluded.last_failure_at` : sql``}
        returning true as counted`,
    );
    // Rows past their window and lock act as no row at all: removing them changes nothing but the
    // table's size. Each failure adds at most one row and removes up to 100; SKIP LOCKED never waits.
    await runner.execute(sql`
      delete from login_throttles where (scope, key) in (
        select scope, key from login_throttles
        where scope = ${scope} and last_failure_at <= ${windowStart(at)} and (locked_until is null or locked_until <= ${at})
        limit 100 for update skip locked)`);
    return counted.length > 0;
  }

  /** Seconds until `key` may try again; 0 when it may now. */
  async function wait(runner: Queryable, key: string, now?: Date): Promise<number> {
    const at = timeOf(now);
    const [row] = await queryRows<{ wait: number }>(
      runner,
      sql`select ceil(extract(epoch from locked_until - ${at}))::int as wait
        from login_throttles where scope = ${scope} and key = ${hashed(key)} and locked_until > ${at}`,
    );
    return row?.wait ?? 0;
  }

  return {
    wait,

    /**
     * Counts an attempt before its password is checked, unless `key` is locked: guesses sent in
     * parallel are then counted before any of them is answered, and the (freeFailures + 1)-th and
     * later wait. Answers 0 when the attempt may go on (a success then clears the count), else the
     * seconds to wait.
     */
    async attempt(runner: Queryable, key: string, now?: Date): Promise<number> {
      const counted = await recordFailure(runner, key, timeOf(now), { unlessLocked: true });
      if (counted) return 0;
      // The lock can run out between the two statements: this attempt was still not counted.
      return Math.max(1, await wait(runner, key, now));
    },

    async fail(runner: Queryable, key: string, now?: Date): Promise<void> {
      await recordFailure(runner, key, timeOf(now), { unlessLocked: false });
    },

    async succeed(runner: Queryable, key: string): Promise<void> {
      await runner.execute(sql`delete from login_throttles where scope = ${scope} and key = ${hashed(key)}`);
    },
  };
}

export const accountThrottle = createLoginThrottle({ scope: "account", freeFailures: 5 });
export const addressThrottle = createLoginThrottle({ scope: "address", freeFailures: 20 });
/** A known device's own failures (server/auth/sign-in-gate.ts): the account's limit, for that device alone. */
export const deviceThrottle = createLoginThrottle({ scope: "device", freeFailures: 5 });
/** Second-factor codes per member: 5 free, then the same back-off, so 6 digits cannot be guessed. */
export const codeThrottle = createLoginThrottle({ scope: "code", freeFailures: 5 });
