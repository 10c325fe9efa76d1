import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { ensureBook } from "./bench/book";
import {
  bookWriter,
  captureStatements,
  cpuLoopMs,
  explainStatements,
  firstLoadJs,
  loadTest,
  measureIngestion,
  timeLogInteractionAction,
  timeBacktest,
  timePage,
  timeRefresh,
  timeStatements,
} from "./bench/measure";
import { printReport, TARGETS } from "./bench/report";
import { type AppServer, signIn, startApp } from "./bench/server";
import { runScript, UsageError } from "./run-script";

/**
 * `npm run bench`: a book of 100,000 customers and 5,000,000 interactions (or `--customers` and
 * `--interactions`) on the PostgreSQL in DATABASE_URL (reused when its database holds the same
 * book), the production build, and the figures of issues #8 and #22. Prints a table and writes
 * bench/results.json (bench/results-1m.json for a book of 1,000,000).
 */
runScript("bench", async () => {
  const { values } = parseArgs({
    options: {
      customers: { type: "string", default: "100000" },
      interactions: { type: "string", default: "5000000" },
      heavy: { type: "string", default: "50000" },
      runs: { type: "string", default: "40" },
      port: { type: "string", default: "3400" },
      fresh: { type: "boolean", default: false },
      "skip-build": { type: "boolean", default: false },
      /** Only the pages, and each page's statements with EXPLAIN (ANALYZE, BUFFERS) into bench/plans.md. */
      explain: { type: "boolean", default: false },
      /** Default: hourglass_bench for the 100,000-customer book, hourglass_bench_1m and the like for others. */
      database: { type: "string" },
    },
  });
  const serverUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 5) throw new UsageError("--runs must be a whole number of at least 5.");
  const log = (line: string) => console.log(line);

  const customers = Number(values.customers);
  // hourglass_bench and bench/results.json for the default book; hourglass_bench_1m and
  // bench/results-1m.json for a million, and the like.
  const size =
    customers === 100_000 ? "" : customers % 1_000_000 === 0 ? `${customers / 1_000_000}m` : `${customers / 1000}k`;
  const database = values.database ?? (size ? `hourglass_bench_${size}` : "hourglass_bench");
  const resultsFile = size ? `bench/results-${size}.json` : "bench/results.json";
  const book = await ensureBook(
    serverUrl,
    database,
    {
      customers,
      interactions: Number(values.interactions),
      heavy: Number(values.heavy),
      seed: 42,
      now: "2026-11-24",
    },
    values.fresh,
    log,
  );
  const db = postgres(book.url, { max: 1, onnotice: () => {} });
  const [heavy] =
    await db`select customer_id as id, count(*)::int as interactions from interactions group by customer_id order by count(*) desc limit 1`;
  // A long-standing paying customer: the 1,001st by id (or the last, in a small book).
  const [typical] =
    await db`with paying as (select id from customers where status = 'active' and milestone between 9 and 11)
    select p.id, (select count(*)::int from interactions i where i.customer_id = p.id) as interactions
    from paying p order by p.id offset least(1000, (select count(*) - 1 from paying)) limit 1`;
  const [search] = await db`select split_part(name, ' ', 2) as term from customers order by id limit 1`;
  const [{ version, autovacuum }] =
    await db`select current_setting('server_version') as version, current_setting('autovacuum') as autovacuum`;
  // With autovacuum off (as on this project's bench machine) the last run's writes would stay as
  // dead rows, and index-only scans would visit the heap for them: vacuum as autovacuum would have.
  if (autovacuum === "off") {
    log("Vacuuming the book (autovacuum is off on this server)…");
    await db`vacuum (analyze)`;
  }
  await db.end();

  if (!values["skip-build"]) {
    log("Building the production app…");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed.");
  }

  const cpuLoopAtStart = cpuLoopMs();
  mkdirSync("bench", { recursive: true });
  const sqlLog = path.resolve("bench", ".statements.jsonl");
  const port = Number(values.port);
  const app = await startApp(book.url, port);
  let capture: AppServer | undefined;
  const writer = bookWriter(book.url);
  try {
    await waitForQuietDatabase(book.url);
    capture = await startApp(book.url, port + 1, { sqlLog });
    const { header: cookie, cookies } = await signIn(app.origin, "manager");
    const { header: captureCookie } = await signIn(capture.origin, "manager");
    const pages = [
      { name: "/", path: "/", target: TARGETS.overview },
      { name: "/journey (Marketing Hourglass)", path: "/journey?model=hourglass", target: TARGETS.journey },
      { name: "/journey (Customer Value Journey)", path: "/journey?model=cvj", target: TARGETS.journey },
      { name: "/journey (SCALE)", path: "/journey?model=scale", target: TARGETS.journey },
      {
        name: "/journey (Marketing Hourglass, plan growth)",
        path: "/journey?model=hourglass&plan=growth",
        target: TARGETS.journey,
      },
      {
        name: "/revenue (bridge, retention, renewals, ARR at risk, cohorts)",
        path: "/revenue",
        target: TARGETS.overview,
      },
      { name: "/risk", path: "/risk", target: TARGETS.list },
      {
        name: "/risk, nothing written since the last view",
        path: "/risk",
        target: TARGETS.list,
        quiet: true,
        reference: true,
      },
      { name: "/customers", path: "/customers", target: TARGETS.list },
      {
        name: `/customers?q=${search.term}`,
        path: `/customers?q=${encodeURIComponent(search.term)}`,
        target: TARGETS.list,
      },
      {
        name: "/customers?page=2000 (sorted by name)",
        path: "/customers?sort=name&page=2000",
        target: TARGETS.list,
      },
      {
        name: `/customers/[id] (${typical.interactions} interactions)`,
        path: `/customers/${typical.id}`,
        target: TARGETS.customer,
      },
      {
        name: `/customers/[id] (${heavy.interactions.toLocaleString("en")} interactions)`,
        path: `/customers/${heavy.id}`,
        target: TARGETS.customer,
      },
      { name: "/tasks?assignee=all (My day over every open task)", path: "/tasks?assignee=all", target: TARGETS.list },
      { name: "/delight (queue of unanswered debits)", path: "/delight", target: TARGETS.list },
      { name: "/advocates (candidates, roster, leaderboard)", path: "/advocates", target: TARGETS.list },
      {
        name: "/risk/how (text only: the floor of any signed-in page)",
        path: "/risk/how",
        target: TARGETS.customer,
        reference: true,
      },
      {
        name: "/login, signed out (no session, no SQL: the floor of any page)",
        path: "/login",
        target: TARGETS.customer,
        reference: true,
        signedOut: true,
      },
    ];
    const pageResults = [];
    const plans: string[] = [];
    for (const page of pages) {
      log(`Timing ${page.name}…`);
      // A write commits before every request, as on a busy day: no page is served from the
      // snapshot cache unless the row says so.
      const signedOut = "signedOut" in page;
      const timing = await timePage(
        app.origin,
        page.path,
        signedOut ? "" : cookie,
        runs,
        page.quiet ? undefined : writer.write,
      );
      await writer.write();
      const statements = await captureStatements(capture.origin, page.path, signedOut ? "" : captureCookie, sqlLog);
      const sql = await timeStatements(book.url, statements, runs);
      // What rendering adds to the page's own SQL: compared with the signed-in floor in the report.
      const overheadMs = Math.round((timing.total.p50 - (statements.length > 0 ? sql.p50 : 0)) * 10) / 10;
      pageResults.push({ ...page, ...timing, statements: statements.length, sql, overheadMs });
      if (values.explain)
        plans.push(
          `## ${page.name}\n`,
          ...(await explainStatements(book.url, statements)).map(
            (p) => `### ${p.ms} ms\n\n\`\`\`sql\n${p.query}\n\`\`\`\n\n\`\`\`\n${p.plan}\n\`\`\`\n`,
          ),
        );
    }
    capture.stop();
    capture = undefined;
    if (values.explain) {
      writeFileSync(
        "bench/plans.md",
        `# Query plans at ${book.counts.customers} customers / ${book.counts.interactions} interactions\n\n${plans.join("\n")}`,
      );
      for (const page of pageResults) log(`${page.name}: page p50 ${page.total.p50} ms, SQL p50 ${page.sql.p50} ms`);
      return;
    }
    await waitForQuietDatabase(book.url);
    // Every server process has rendered a page a few dozen times so far: warm them all up first.
    await loadTest(app.origin, ["/risk"], cookie, 20, 5, "warm-up");
    log("Load on /risk with 20 clients, nothing written…");
    const quietLoad = await loadTest(app.origin, ["/risk"], cookie, 20, 20, "nothing written meanwhile");
    log("Load on /risk with 20 clients while a write commits every 50 ms…");
    let stopWriting = writer.keepWriting(50);
    const busyLoad = await loadTest(app.origin, ["/risk"], cookie, 20, 20, "a write committed every 50 ms");
    await stopWriting();
    // Each client on its own page of the list, and a write between any two requests of one client:
    // no view can be shared or kept, every request reads the database.
    log("Load on 20 different pages of /risk with a write every 50 ms…");
    stopWriting = writer.keepWriting(50);
    const uncachedLoad = await loadTest(
      app.origin,
      Array.from({ length: 20 }, (_, i) => `/risk?page=${i + 1}`),
      cookie,
      20,
      20,
      "each client its own page, a write every 50 ms",
    );
    await stopWriting();
    log("The floor page under the same load…");
    stopWriting = writer.keepWriting(50);
    const floorLoad = await loadTest(app.origin, ["/risk/how"], cookie, 20, 20, "the floor page, a write every 50 ms");
    await stopWriting();
    log("Timing the log-interaction server action…");
    const action = await timeLogInteractionAction(app.origin, cookie, Number(typical.id), runs);
    log("Timing the backtest at each horizon (each uncached)…");
    const backtest = await timeBacktest(app.origin, cookie);
    log("Ingesting through the API…");
    const ingestion = await measureIngestion(app.origin, book.url, 4, 10);
    log("Timing the periodic refresh, after the writes above and then with nothing new…");
    const refresh = [
      await timeRefresh(book.url, "after this run's writes"),
      await timeRefresh(book.url, "nothing new"),
    ];
    log("First-load JavaScript per route…");
    const javascript = await firstLoadJs(app.origin, cookies, [
      ...new Set(
        pages.filter((p) => !("signedOut" in p)).map((p) => p.path.split("?")[0].replace(/\/\d+$/, `/${typical.id}`)),
      ),
    ]);

    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "unknown",
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres: version,
        platform: `${os.platform()} ${os.release()}`,
        cpuLoopMs: { atStart: cpuLoopAtStart, atEnd: cpuLoopMs() },
      },
      book: { ...book, url: undefined },
      member: "manager (the whole book)",
      pages: pageResults,
      action: { name: "log an interaction (server action)", ...action.action },
      actionWithRefresh: { name: "log an interaction, then the page's refresh", ...action.withRefresh },
      backtest,
      ingestion,
      loads: [quietLoad, busyLoad, uncachedLoad, floorLoad],
      refresh,
      javascript,
      nextVersion: JSON.parse(readFileSync("node_modules/next/package.json", "utf8")).version,
    };
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    printReport(results);
  } finally {
    capture?.stop();
    app.stop();
    await writer.end();
  }
});

/** The server refreshes every risk score when it starts; measure after that, not during it. */
async function waitForQuietDatabase(url: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    let quiet = 0;
    while (quiet < 3) {
      const [{ busy }] =
        await client`select count(*)::int as busy from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`;
      quiet = busy === 0 ? quiet + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}
