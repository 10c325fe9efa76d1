import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { closeDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoIfEmpty } from "@/server/demo/seed";
import { ensureDemoEnvFile } from "./env-file";
import { runScript } from "./run-script";
import { BOOK_OPTIONS, bookFromOptions } from "./book-options";
import { parseArgs } from "node:util";

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...args], { stdio: "inherit", env: process.env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once("SIGINT", forward);
    process.once("SIGTERM", forward);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args[0]} exited with code ${code}`)),
    );
  });
}

runScript("demo", async () => {
  const added = ensureDemoEnvFile();
  if (added.length > 0) console.log(`Wrote ${added.join(" and ")} to .env.local.`);
  // The same files `next start` reads, so the seed and the server use one database.
  for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  await migrateDatabase();
  // `npm run demo -- --currency EUR --time-zone Europe/Berlin` seeds a book in another currency.
  const book = bookFromOptions(parseArgs({ options: BOOK_OPTIONS }).values);
  const summary = await seedDemoIfEmpty({
    customers: 2000,
    seed: 42,
    now: new Date(new Date().toISOString().slice(0, 10)),
    book,
  });
  console.log(
    summary
      ? `Seeded the demo book: ${summary.customers} customers and ${summary.interactions} interactions in ${summary.seconds.toFixed(1)} s.`
      : "The database already has data: keeping it (no new demo seed).",
  );
  // The embedded database allows one process per folder: release it before the server opens it.
  await closeDatabase();

  const next = "node_modules/next/dist/bin/next";
  await run(next, ["build"]);
  const port = process.env.PORT ?? "3000";
  console.log(
    `\nHourglass runs at http://localhost:${port} — sign in with admin@hourglass.demo / hourglass-demo (see README).\n`,
  );
  await run("scripts/start.mjs", ["-p", port]);
});
