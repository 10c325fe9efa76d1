import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: { url: string; name: string } | null;
  }
}

/**
 * With DATABASE_URL: one fresh, migrated template database per run; every test file then gets
 * its own copy of it (testing/setup.ts) and the run drops them all. Without it: each test file
 * migrates its own in-memory embedded database.
 */
export default async function setup(project: TestProject) {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    project.provide("templateDatabase", null);
    return;
  }
  const name = uniqueDatabaseName("hourglass_test_tpl");
  const url = await createDatabase(baseUrl, name);
  process.env.DATABASE_URL = url;
  const { migrateDatabase } = await import("@/db/migrate");
  const { closeDatabase } = await import("@/db");
  await migrateDatabase();
  await closeDatabase();
  process.env.DATABASE_URL = baseUrl;
  project.provide("templateDatabase", { url: baseUrl, name });
  return async () => {
    await dropDatabase(baseUrl, name);
  };
}
