import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
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

    // Lighthouse's own CLI in plain Node: under tsx its functions sent to the browser lose a helper.
    const folder = mkdtempSync(path.join(os.tmpdir(), "hourglass-lighthouse-"));
    const results: { page: string; accessibility: number; bestPractices: number }[] = [];
    try {
      for (const page of PAGES) {
        const output = path.join(folder, "report.json");
        const url = `${app.origin}${page.replace(":id", String(customer.id))}`;
        run(
          [
            "node_modules/lighthouse/cli/index.js",
            url,
            "--quiet",
            "--preset=desktop",
            "--only-categories=accessibility,best-practices",
            "--output=json",
            `--output-path=${output}`,
            `--extra-headers=${JSON.stringify({ Cookie: header })}`,
            `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`,
          ],
          { ...process.env, CHROME_PATH: chromePath },
        );
        const report = JSON.parse(readFileSync(output, "utf8")) as {
          categories: Record<string, { score: number | null }>;
          audits: Record<
            string,
            {
              id: string;
              score: number | null;
              scoreDisplayMode: string;
              details?: { items?: { description?: string; url?: string; issueType?: string }[] };
            }
          >;
        };
        const score = (key: string) => Math.round((report.categories[key]?.score ?? 0) * 100);
        const failed = Object.values(report.audits)
          .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary")
          .map((audit) => audit.id);
        for (const id of failed)
          for (const item of report.audits[id]?.details?.items?.slice(0, 3) ?? [])
            console.log(`  ${id}: ${item.description ?? item.issueType ?? ""} ${item.url ?? ""}`.slice(0, 300));
        results.push({ page, accessibility: score("accessibility"), bestPractices: score("best-practices") });
        console.log(
          `${page.padEnd(16)} accessibility ${score("accessibility")}  best practices ${score("best-practices")}${failed.length > 0 ? `  (failed: ${failed.join(", ")})` : ""}`,
        );
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
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
