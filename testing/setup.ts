import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "./databases";

const template = inject("templateDatabase");
const fileDatabase = template ? uniqueDatabaseName("hourglass_test") : null;

if (template && fileDatabase) {
  process.env.DATABASE_URL = await createDatabase(template.url, fileDatabase, template.name);
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
}

beforeAll(async () => {
  if (!template) {
    const { migrateDatabase } = await import("@/db/migrate");
    await migrateDatabase();
  }
});

afterAll(async () => {
  const { closeDatabase } = await import("@/db");
  await closeDatabase();
  if (template && fileDatabase) await dropDatabase(template.url, fileDatabase);
});
