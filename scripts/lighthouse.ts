import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Cookie } from "@playwright/test";
import postgres from "postgres";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "@/testing/databases";
import { findChromium } from "@/e2e/chromium-path";
import { CHROMIUM_ARGS, signIn, startApp } from "./bench/server";
import { runScript, UsageError } from "./run-script";

const PAGES = ["/", "/risk", "/journey", "/customers/:id", "/tasks"];
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3230);
/** Desktop preset: accessibility and best practices. Mobile preset (slow 4G, 4× slower CPU): speed. */
const TARGETS = {
  accessibility: 95,
  bestPractices: 95,
  performance: 95,
  lcpMs: 2000,
  tbtMs: 150,
  cls: 0.05,
  inpMs: 200,
};
const LOGGED = 5;

type Report = {
  categories: Record<string, { score: number | null }>;
  audits: Record<
    string,
    {
      id: string;
      score: number | null;
      numericValue?: number;
      scoreDisplayMode: string;
      details?: { items?: { description?: string; url?: string; issueType?: string }[] };
    }
  >;
};

type PageResult = {
  page: string;
  accessibility: number;
  bestPractices: number;
  mobile: { performance: number; lcpMs: number; tbtMs: number; cls: number };
};

/** Runs a script; on failure names it by its first `named` arguments only (the rest may carry a session cookie). */
function run(args: string[], env: NodeJS.ProcessEnv, named = args.length) {
  const result = spawnSync(process.execPath, args, { env, stdio: "inherit" });
  if (result.status !== 0)
    throw new UsageError(`${args.slice(0, named).join(" ")} failed (exit code ${result.status}).`);
}

/**
 * Interaction to next paint while logging interactions on a customer's page, on a phone-sized
 * screen with the CPU slowed 4× as Lighthouse's mobile preset does: the slowest of the interactions
 * (choosing the type, typing the summary, pressing Log) over a few logs, from the browser's own
 * event timing.
 */
async function logInteractionInp(chromePath: string, url: string, cookies: Cookie[]): Promise<number> {
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      isMobile: true,
      hasTouch: true,
    });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    // A person reads the page before logging: the measure starts once it has loaded and settled, as
    // an early key press would time the page's hydration, not the form.
    await page.goto(url, { waitUntil: "networkidle" });
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      const slowest = { ms: 0 };
      (window as unknown as { slowestInteraction: typeof slowest }).slowestInteraction = slowest;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEventTiming & { interactionId?: number })[])
          if (entry.interactionId) slowest.ms = Math.max(slowest.ms, entry.duration);
      }).observe({ type: "event", buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
    });
    const form = page.getByRole("form", { name: "Log an interaction" });
    for (let i = 0; i < LOGGED; i++) {
      await form.getByLabel("What happened").focus();
      await page.keyboard.press("ArrowDown");
      await form.getByLabel("Summary").click();
      await page.keyboard.type(`Lighthouse check ${i + 1}`);
      await form.getByRole("button", { name: "Log interaction" }).tap();
      await page
        .getByText(`Lighthouse check ${i + 1}`)
        .first()
        .waitFor();
      await form.getByRole("button", { name: "Log interaction" }).and(page.locator(":enabled")).waitFor();
    }
    // Event timing entries arrive after the frame they end in is painted.
    await page.waitForTimeout(500);
    return Math.round(
      await page.evaluate(() => (window as unknown as { slowestInteraction: { ms: number } }).slowestInteraction.ms),
    );
  } finally {
    await browser.close();
  }
}

function misses(result: PageResult): string[] {
  const { mobile } = result;
  return [
    result.accessibility < TARGETS.accessibility && `accessibility ${result.accessibility}`,
    result.bestPractices < TARGETS.bestPractices && `best practices ${result.bestPractices}`,
    mobile.performance < TARGETS.performance && `mobile performance ${mobile.performance}`,
    mobile.lcpMs >= TARGETS.lcpMs && `LCP ${mobile.lcpMs} ms`,
    mobile.tbtMs >= TARGETS.tbtMs && `TBT ${mobile.tbtMs} ms`,
    mobile.cls >= TARGETS.cls && `CLS ${mobile.cls}`,
  ].filter((miss): miss is string => typeof miss === "string");
}

/**
 * Lighthouse on the main pages, signed in as a manager, on the production build over a fresh demo
 * book: accessibility and best practices with the desktop preset, and speed with the default mobile
 * preset (simulated slow 4G and a 4× slower CPU). Writes bench/lighthouse.json; fails below a target.
 */
runScript("lighthouse", async () => {
  const baseUrl = process.env.DATABASE_URL;
  const chromePath = findChromium({ fullBrowser: true });
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
    const { header, cookies } = await signIn(app.origin, "manager");
    const sql = postgres(databaseUrl, { max: 1 });
    const [customer] = await sql<{ id: number }[]>`select id from customers order by risk_score desc limit 1`;
    await sql.end();

    // Lighthouse's own CLI in plain Node: under tsx its functions sent to the browser lose a helper.
    const folder = mkdtempSync(path.join(os.tmpdir(), "hourglass-lighthouse-"));
    const lighthouse = (url: string, options: string[], { signedIn = true } = {}): Report => {
      const output = path.join(folder, "report.json");
      const once = () =>
        run(
          [
            "node_modules/lighthouse/cli/index.js",
            url,
            "--quiet",
            ...options,
            "--output=json",
            `--output-path=${output}`,
            ...(signedIn ? [`--extra-headers=${JSON.stringify({ Cookie: header })}`] : []),
            `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`,
          ],
          { ...process.env, CHROME_PATH: chromePath },
          2,
        );
      // Lighthouse now and then loses its own trace of a load (NO_NAVSTART): once more before giving up.
      try {
        once();
      } catch {
        once();
      }
      return JSON.parse(readFileSync(output, "utf8")) as Report;
    };
    const mobileFigures = (report: Report) => {
      const metric = (key: string) => report.audits[key]?.numericValue ?? Number.NaN;
      return {
        performance: Math.round((report.categories.performance?.score ?? 0) * 100),
        lcpMs: Math.round(metric("largest-contentful-paint")),
        tbtMs: Math.round(metric("total-blocking-time")),
        cls: Math.round(metric("cumulative-layout-shift") * 1000) / 1000,
      };
    };
    const results: PageResult[] = [];
    let floor: PageResult["mobile"] | undefined;
    try {
      // The framework's floor on this machine: the sign-in page, the smallest page there is.
      floor = mobileFigures(lighthouse(`${app.origin}/login`, ["--only-categories=performance"], { signedIn: false }));
      console.log(
        `${"/login (floor)".padEnd(16)} mobile: performance ${floor.performance}, LCP ${floor.lcpMs} ms, TBT ${floor.tbtMs} ms, CLS ${floor.cls}`,
      );
      for (const page of PAGES) {
        const url = `${app.origin}${page.replace(":id", String(customer.id))}`;
        const desktop = lighthouse(url, ["--preset=desktop", "--only-categories=accessibility,best-practices"]);
        const mobile = lighthouse(url, ["--only-categories=performance"]);
        const score = (report: Report, key: string) => Math.round((report.categories[key]?.score ?? 0) * 100);
        const failed = Object.values(desktop.audits)
          .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary")
          .map((audit) => audit.id);
        for (const id of failed)
          for (const item of desktop.audits[id]?.details?.items?.slice(0, 3) ?? [])
            console.log(`  ${id}: ${item.description ?? item.issueType ?? ""} ${item.url ?? ""}`.slice(0, 300));
        const result: PageResult = {
          page,
          accessibility: score(desktop, "accessibility"),
          bestPractices: score(desktop, "best-practices"),
          mobile: mobileFigures(mobile),
        };
        results.push(result);
        console.log(
          `${page.padEnd(16)} accessibility ${result.accessibility}  best practices ${result.bestPractices}  mobile: performance ${result.mobile.performance}, LCP ${result.mobile.lcpMs} ms, TBT ${result.mobile.tbtMs} ms, CLS ${result.mobile.cls}${failed.length > 0 ? `  (failed: ${failed.join(", ")})` : ""}`,
        );
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const logInteraction = {
      inpMs: await logInteractionInp(chromePath, `${app.origin}/customers/${customer.id}`, cookies),
      interactionsLogged: LOGGED,
    };
    console.log(`logging an interaction (mobile CPU): interaction to next paint ${logInteraction.inpMs} ms`);
    writeFileSync(
      "bench/lighthouse.json",
      `${JSON.stringify({ measuredAt: new Date().toISOString(), targets: TARGETS, floor, results, logInteraction }, null, 2)}\n`,
    );
    const missed = results.flatMap((result) => misses(result).map((miss) => `${result.page}: ${miss}`));
    if (logInteraction.inpMs >= TARGETS.inpMs) missed.push(`logging an interaction: INP ${logInteraction.inpMs} ms`);
    if (missed.length > 0) throw new UsageError(`Below target — ${missed.join("; ")}`);
  } finally {
    stop();
    await dropDatabase(baseUrl, name);
  }
});
