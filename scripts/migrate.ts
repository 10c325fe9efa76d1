import { closeDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { runScript } from "./run-script";

runScript("db:migrate", async () => {
  await migrateDatabase();
  console.log(`Migrations applied (${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded database"}).`);
  await closeDatabase();
});
