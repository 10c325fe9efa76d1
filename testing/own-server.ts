import { afterAll, beforeAll } from "vitest";
import { closeDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { startPrivatePostgres, type PrivatePostgres } from "./private-postgres";

/**
 * For a test file that must not share a PostgreSQL server with the others: starts one of its
 * own, points the app's database at it and migrates before the file's tests, and removes it after.
 * Returns a getter for the server (to stop and start it).
 */
export function runOnOwnPostgresServer(): () => PrivatePostgres {
  let server: PrivatePostgres | undefined;
  beforeAll(async () => {
    server = await startPrivatePostgres();
    await closeDatabase();
    process.env.DATABASE_URL = server.url;
    await migrateDatabase();
  }, 60_000);
  afterAll(async () => {
    await closeDatabase();
    server?.destroy();
  });
  return () => {
    if (!server) throw new Error("The test's own PostgreSQL server has not started yet.");
    return server;
  };
}
