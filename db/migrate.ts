import path from "node:path";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { connection } from "./index";
import { ensureReferenceData } from "./reference-data";
import { describeConnectionError } from "./connection-error";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any constant works; it only has to be the same for every Hourglass process on one database.
const MIGRATION_LOCK_ID = 4_820_113;

/**
 * Applies the committed migrations, then the reference data (journey models, interaction
 * types, roles, settings). Idempotent; on PostgreSQL an advisory lock on a single connection
 * keeps two starting app servers from migrating at once.
 */
export async function migrateDatabase(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => {} });
    try {
      await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
      await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    } catch (error) {
      throw describeConnectionError(error, url);
    } finally {
      await client.end({ timeout: 5 });
    }
  } else {
    const { db } = connection();
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
  }
  await ensureReferenceData();
}
