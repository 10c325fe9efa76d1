import { is, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { cache } from "react";
import { type Queryable, queryRows } from "./index";

type Generation = { instance: string; generation: number };

/**
 * Where the reference data stands in this database. While React renders a page, once per
 * database: every reference read of one page agrees. Anywhere else (an action, a job, a test),
 * at every call: a read that follows a write sees it.
 */
const currentGeneration = cache(async (db: Queryable): Promise<Generation> => {
  const [row] = await queryRows<{ instance: string; generation: string }>(
    db,
    // A database made from a template keeps its row: its name tells them apart.
    sql`select instance || '/' || current_database() as instance, generation from reference_generation`,
  );
  return { instance: row.instance, generation: Number(row.generation) };
});

/**
 * Keeps what `load` read in memory for as long as the reference data it reads has not changed.
 *
 * Settings, journey models, members, scoring versions, playbooks and interaction types change a
 * few times a day and are read on every page, each a round trip of its own. Triggers move
 * `reference_generation` on in every transaction that writes one of those tables (migration 0026),
 * from this server, another one, a job or psql. A value read after seeing generation N holds
 * everything up to N, so it is handed out to every request that sees N or less; a request that
 * sees more reads it again. Inside a transaction, `load` runs as it is: the transaction's own
 * reads must see its own writes.
 *
 * The value is shared by every request, so it is frozen: a caller that changed it would change it
 * for all.
 */
export function referenceCached<Result>(load: (db: Queryable) => Promise<Result>): (db: Queryable) => Promise<Result> {
  let kept: (Generation & { value: Promise<Result> }) | null = null;
  return async (db) => {
    // `is`, not instanceof: the server's bundles can hold more than one copy of drizzle's classes.
    if (is(db, PgTransaction)) return load(db);
    const seen = await currentGeneration(db);
    if (kept && kept.instance === seen.instance && kept.generation >= seen.generation) return kept.value;
    const entry = { ...seen, value: load(db).then(deepFreeze) };
    kept = entry;
    try {
      return await entry.value;
    } catch (error) {
      if (kept === entry) kept = null;
      throw error;
    }
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
