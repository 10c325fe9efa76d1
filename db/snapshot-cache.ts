import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "./index";

/**
 * Remembers what an expensive read returned for as long as the database provably holds the same
 * data, so that a team opening the same risk list in the same quiet minute runs its queries once.
 *
 * The proof is PostgreSQL's own snapshot (`pg_current_snapshot()`: the oldest running
 * transaction, one past the newest finished one, the ones running in between). Any transaction
 * that writes and commits — from this server, another one, a cron job or psql — changes it. So:
 *  - a result is kept only if the snapshot was the same before and after it was read: no commit
 *    happened in between, every query saw the same data;
 *  - it is handed out again only while the snapshot is still that one: nothing has changed since.
 * Values that move with the clock alone (decay, days of silence) are why an entry also expires
 * after `maxAgeMs`. Costs one tiny query per call; a write anywhere empties it for everyone.
 * `load` must read everything it depends on itself: a value read earlier in the request (a React
 * `cache()` included) could be older than the snapshot the result is kept under.
 */
export function snapshotCached<Args, Result>(
  load: (db: Queryable, args: Args) => Promise<Result>,
  {
    maxAgeMs = 30_000,
    maxEntries = 200,
    clock = Date.now,
  }: { maxAgeMs?: number; maxEntries?: number; clock?: () => number } = {},
): (db: Queryable, args: Args) => Promise<Result> {
  const entries = new Map<string, { snapshot: string; at: number; result: Promise<Result> }>();
  return async (db, args) => {
    const key = JSON.stringify(args);
    const snapshot = await currentSnapshot(db);
    const entry = entries.get(key);
    // An entry still being read at this same snapshot is shared: its result is at least this fresh.
    if (entry && entry.snapshot === snapshot && clock() - entry.at < maxAgeMs) return entry.result;
    const result = load(db, args);
    entries.delete(key);
    entries.set(key, { snapshot, at: clock(), result });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    try {
      const value = await result;
      if ((await currentSnapshot(db)) !== snapshot && entries.get(key)?.result === result) entries.delete(key);
      return value;
    } catch (error) {
      if (entries.get(key)?.result === result) entries.delete(key);
      throw error;
    }
  };
}

async function currentSnapshot(db: Queryable): Promise<string> {
  const [row] = await queryRows<{ snapshot: string }>(db, sql`select pg_current_snapshot()::text as snapshot`);
  return row.snapshot;
}
