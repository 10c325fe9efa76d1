import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "@/testing/databases";
import { findChromium } from "@/e2e/chromium-path";
import { runScript, UsageError } from "./run-script";

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: "inherit", env });
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new UsageError(`${path.basename(script)} ${args[0] ?? ""} failed (exit code ${code}).`)),
    );
  });
}

/**
 * End-to-end tests on the production build in a real Chromium, against a fresh database made
 * for this run (a new database on the DATABASE_URL server, or a new embedded one) and dropped after.
 */
runScript("test:e2e", async () => {
  const chromium = findChromium();
  if (!chromium) {
    throw new UsageError(
      "No Chromium found for the browser tests. Install one with `apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH.",
    );
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true",
    CHROMIUM_PATH: chromium,
    // The test language (lib/i18n/locales.ts) is offered only here, for the overflow check.
    HOURGLASS_PSEUDO_LOCALE: "on",
  };
  const baseUrl = process.env.DATABASE_URL;
  const databaseName = uniqueDatabaseName("hourglass_e2e");
  const dataDir = baseUrl ? null : mkdtempSync(path.join(os.tmpdir(), "hourglass-e2e-"));
  if (baseUrl) env.DATABASE_URL = await createDatabase(baseUrl, databaseName);
  else env.PGLITE_DATA_DIR = dataDir ?? undefined;
  try {
    await run("node_modules/tsx/dist/cli.mjs", ["scripts/seed.ts", "--customers", "300"], env);
    if (process.env.E2E_SKIP_BUILD !== "1")
      await run("node_modules/next/dist/bin/next", ["build"], { ...env, HOURGLASS_BUILD_SKIP_TYPECHECK: "1" });
    await run("node_modules/@playwright/test/cli.js", ["test", ...process.argv.slice(2)], env);
  } finally {
    if (baseUrl) await dropDatabase(baseUrl, databaseName);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});
