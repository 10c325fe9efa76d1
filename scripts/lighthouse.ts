import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import postgres from "postgres";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "@/testing/databases";
import { findChromium } from "@/e2e/chromium-path";
import { CHROMIUM_ARGS, signIn, startApp } from "./bench/server";
import { runScript, UsageError } from "./run-script";

const PAGES = ["/", "/risk", "/journey", "/customers/:id"];
const MINIMUM = 95;
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3230);

function run(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, args, { env, stdio: "inherit" });
  if (result.status !== 0) throw new UsageError(`${args.join(" ")} failed (exit code ${result.status}).`);
}

/**
 * Lighthouse's accessibility and best-practices scores for the main pages, signed in as a manager, on
 * the production build over a fresh demo book: each must be at least 95. Writes bench/lighthouse.json.
 */
runScript("lighthouse", async () => {
  const baseUrl = process.env.DATABASE_URL;
  const chromePath = findChromium();
  if (!baseUrl)
    throw new UsageError("Set DATABASE_URL to a PostgreSQL server: the script makes its own database there.");
  if (!chromePath) throw new UsageError("No Chromium found: install one with `apt-get install -y chromium`.");
  const name = uniqueDatabaseName("hourglass_lighthouse");
  const databaseUrl = await createDatabase(baseUrl, name);
  const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" };
  let stop = () => {};
  try {
    run(["node_modules/tsx/dist/cli.mjs", "scripts/seed.ts", "--customers", "300"], env);
    if (process.env.LIGHTHOUSE_SKIP_BUILD !== "1") run(["node_modules/next/dist/bin/next", "build"], env);
    const app = await startApp(databaseUrl, PORT);
    stop = app.stop;
    const { header } = await signIn(app.origin, "manager");
    const sql = postgres(databaseUrl, { max: 1 });
    const [customer] = await sql<{ id: number }[]>`select id from customers order by risk_score desc limit 1`;
    await sql.end();

    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
    const results: { page: string; accessibility: number; bestPractices: number }[] = [];
    try {
      for (const page of PAGES) {
        const url = `${app.origin}${page.replace(":id", String(customer.id))}`;
        const result = await lighthouse(
          url,
          { port: chrome.port, output: "json", logLevel: "error", extraHeaders: { Cookie: header } },
          {
            ...desktopConfig,
            settings: { ...desktopConfig.settings, onlyCategories: ["accessibility", "best-practices"] },
          },
        );
        const categories = result?.lhr.categories;
        const score = (key: string) => Math.round((categories?.[key]?.score ?? 0) * 100);
        const failed = Object.values(result?.lhr.audits ?? {})
          .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary")
          .map((audit) => audit.id);
        results.push({ page, accessibility: score("accessibility"), bestPractices: score("best-practices") });
        console.log(
          `${page.padEnd(16)} accessibility ${score("accessibility")}  best practices ${score("best-practices")}${failed.length > 0 ? `  (failed: ${failed.join(", ")})` : ""}`,
        );
      }
    } finally {
      await chrome.kill();
    }
    writeFileSync(
      "bench/lighthouse.json",
      `${JSON.stringify({ measuredAt: new Date().toISOString(), minimum: MINIMUM, results }, null, 2)}\n`,
    );
    const low = results.filter((r) => r.accessibility < MINIMUM || r.bestPractices < MINIMUM);
    if (low.length > 0) throw new UsageError(`under ${MINIMUM}: ${low.map((r) => r.page).join(", ")}`);
  } finally {
    stop();
    await dropDatabase(baseUrl, name);
  }
});
