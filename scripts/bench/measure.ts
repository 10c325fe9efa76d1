import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { chromium, type Cookie } from "@playwright/test";
import autocannon from "autocannon";
import postgres from "postgres";
import { poolOptions } from "@/db";
import { hashApiToken } from "@/lib/api/tokens";
import type { RefreshReport } from "@/server/system/periodic-refresh";
import { findChromium } from "@/e2e/chromium-path";
import { CHROMIUM_ARGS } from "./server";

export type Timing = { n: number; p50: number; p95: number; min: number; max: number };

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
  };
}

const WARMUP = 3;

/**
 * The same fixed CPU-bound loop, timed three times (median): how fast one core of this machine is
 * right now. A shared virtual machine's speed drifts over a day; this lets runs be compared.
 */
export function cpuLoopMs(): number {
  const samples = [0, 1, 2].map(() => {
    const started = performance.now();
    let sum = 0;
    for (let i = 0; i < 300_000_000; i++) sum += i % 7;
    if (sum < 0) throw new Error("unreachable");
    return performance.now() - started;
  });
  return Math.round(samples.sort((a, b) => a - b)[1]);
}

/**
 * Sequential signed-in requests: time to the first byte and to the end of the (streamed) response.
 * `beforeEach` runs before each request, outside the timing (the benchmark commits a write there).
 */
export async function timePage(
  origin: string,
  path: string,
  cookie: string,
  runs: number,
  beforeEach?: () => Promise<void>,
) {
  const ttfb: number[] = [];
  const total: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + runs; i++) {
    await beforeEach?.();
    const started = performance.now();
    const response = await fetch(`${origin}${path}`, { headers: { cookie }, redirect: "manual" });
    const first = performance.now() - started;
    const body = await response.arrayBuffer();
    const done = performance.now() - started;
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}.`);
    if (i < WARMUP) continue;
    ttfb.push(first);
    total.push(done);
    bytes = body.byteLength;
  }
  return { ttfb: summarize(ttfb), total: summarize(total), bytes };
}

type Statement = { query: string; parameters: unknown[] };

/**
 * A connection that commits a write whenever asked: what any change to the book does to the
 * snapshot cache (db/snapshot-cache.ts), without changing the book. `select txid_current()` gives
 * the transaction an id, and its commit is a new snapshot for every server process.
 */
export function bookWriter(databaseUrl: string) {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const write = async () => {
    await client`select txid_current()`;
  };
  return {
    write,
    /** Writes every `intervalMs` until the returned function is called. */
    keepWriting(intervalMs: number) {
      let writing = true;
      const loop = (async () => {
        while (writing) {
          await write();
          await new Promise((resolve) => setTimeout(resolve, intervalMs));
        }
      })();
      return async () => {
        writing = false;
        await loop;
      };
    },
    end: () => client.end(),
  };
}

/** The statements one request of a page runs, read from the app's statement log (HOURGLASS_SQL_LOG). */
export async function captureStatements(
  origin: string,
  path: string,
  cookie: string,
  sqlLog: string,
): Promise<Statement[]> {
  writeFileSync(sqlLog, "");
  const response = await fetch(`${origin}${path}`, { headers: { cookie } });
  await response.arrayBuffer();
  await new Promise((resolve) => setTimeout(resolve, 100));
  return readFileSync(sqlLog, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Statement);
}

/**
 * A connection that sends a page's logged statements back as the app sent them, with the app's
 * session settings (JIT off: with it on, a replay paid compilation the page never did): a time
 * parameter goes as the text it was logged as ('infinity' is no JavaScript date).
 */
function replayClient(databaseUrl: string) {
  return postgres(databaseUrl, {
    ...poolOptions(10),
    max: 1,
    types: {
      date: {
        to: 1184,
        from: [1082, 1114, 1184],
        serialize: (value: unknown) => (value instanceof Date ? value.toISOString() : String(value)),
        parse: (value: string) => value,
      },
    },
  });
}

/** The same statements straight against the database, one after another on one connection. */
export async function timeStatements(
  databaseUrl: string,
  statements: readonly Statement[],
  runs: number,
): Promise<Timing> {
  const client = replayClient(databaseUrl);
  const samples: number[] = [];
  try {
    for (let i = 0; i < WARMUP + runs; i++) {
      const started = performance.now();
      for (const statement of statements)
        // Unnamed, as drizzle sends them: PostgreSQL plans each for its values. A named statement
        // switches to a generic plan after five runs, which can differ from the page's.
        await client.unsafe(statement.query, statement.parameters as postgres.ParameterOrJSON<never>[], {
          prepare: false,
        });
      if (i >= WARMUP) samples.push(performance.now() - started);
    }
  } finally {
    await client.end();
  }
  return summarize(samples);
}

/**
 * Next.js server actions are POSTs with the action's id; the body is encoded as React's client
 * would. The action answers with its result only; the form then refreshes the page, as timed in
 * `withRefresh`: the answer and then the page's server components (`RSC: 1`, as router.refresh asks).
 *
 * Timed after as many untimed runs as it times: no page request goes down the action's code, so a
 * freshly started server compiles it on its first few dozen calls (at 1,000,000 customers with the
 * periodic refresh off: p95 98 ms over the first 40 calls, 41–48 ms over each 40 after them). The
 * pages share their rendering code, so each page after the first is timed on warm code already.
 */
export async function timeLogInteractionAction(
  origin: string,
  cookie: string,
  customerId: number,
  runs: number,
): Promise<{ action: Timing; withRefresh: Timing }> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const actionId = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === "logInteractionAction",
  )?.[0];
  if (!actionId) throw new Error("logInteractionAction is not in the build's server-reference manifest.");
  const require = createRequire(import.meta.url);
  const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.edge.js") as {
    encodeReply: (value: unknown) => Promise<FormData | string>;
  };
  const samples: number[] = [];
  const withRefresh: number[] = [];
  const warmup = runs;
  for (let i = 0; i < warmup + runs; i++) {
    const form = new FormData();
    const fields = {
      customerId: String(customerId),
      typeKey: "call",
      occurredAt: new Date().toISOString(),
      channel: "phone",
      direction: "outbound",
      summary: `Benchmark call ${i}`,
      weight: "",
      requestKey: randomBytes(16).toString("hex"),
    };
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    const body = await encodeReply([null, form]);
    const started = performance.now();
    const response = await fetch(`${origin}/customers/${customerId}`, {
      method: "POST",
      headers: { cookie, "Next-Action": actionId, Accept: "text/x-component", Origin: origin },
      body,
    });
    const text = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200 || !text.includes("logged"))
      throw new Error(`The log-interaction action failed (${response.status}): ${text.slice(0, 200)}`);
    const refreshed = await fetch(`${origin}/customers/${customerId}`, { headers: { cookie, RSC: "1" } });
    if (!(await refreshed.text()).includes(`Benchmark call ${i}`))
      throw new Error(`The refreshed customer page does not show the interaction just logged (${refreshed.status}).`);
    if (i >= warmup) {
      samples.push(elapsed);
      withRefresh.push(performance.now() - started);
    }
  }
  return { action: summarize(samples), withRefresh: summarize(withRefresh) };
}

type BenchEvent = { externalId: string; customerId: number; type: string; occurredAt: string };

/**
 * Batches of 1,000 events through POST /api/v1/events from a few concurrent senders; then the same
 * batches as a bare INSERT into `interactions` (each in a transaction rolled back), one connection
 * per sender: what writing the rows alone costs on this table, its indexes and this machine.
 */
export async function measureIngestion(origin: string, databaseUrl: string, senders: number, batchesPerSender: number) {
  const client = postgres(databaseUrl, { max: senders, onnotice: () => {} });
  const token = `hg_${randomBytes(32).toString("base64url")}`;
  await client`insert into api_tokens (name, token_hash, prefix, scopes) values (${`bench ${new Date().toISOString()}`}, ${hashApiToken(token)}, ${token.slice(0, 10)}, ${["read", "write"]})`;
  const ids = (await client`select id from customers where status = 'active' order by random() limit 5000`).map((row) =>
    Number(row.id),
  );
  const types = ["login", "login", "login", "feature_adopted", "support_ticket", "bug_report", "praise", "error_hit"];
  const batch = (run: string, sender: number, b: number): BenchEvent[] =>
    Array.from({ length: 1000 }, (_, k) => ({
      externalId: `bench-${run}-${sender}-${b}-${k}`,
      customerId: ids[(sender * 7919 + b * 1000 + k) % ids.length],
      type: types[k % types.length],
      occurredAt: new Date(Date.now() - ((k * 977) % (30 * 86_400)) * 1000).toISOString(),
    }));
  const rate = async (send: (events: BenchEvent[]) => Promise<void>) => {
    const run = randomBytes(4).toString("hex");
    const started = performance.now();
    await Promise.all(
      Array.from({ length: senders }, async (_, sender) => {
        for (let b = 0; b < batchesPerSender; b++) await send(batch(run, sender, b));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const events = senders * batchesPerSender * 1000;
    return { events, seconds: Math.round(seconds * 100) / 100, eventsPerSecond: Math.round(events / seconds) };
  };
  try {
    const api = await rate(async (events) => {
      const response = await fetch(`${origin}/api/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ events }),
      });
      if (response.status !== 201)
        throw new Error(`Ingestion answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
      await response.arrayBuffer().catch(() => undefined);
    });
    const bare = await rate(async (events) => {
      const rows = [...events].sort((a, b) => a.customerId - b.customerId);
      await client
        .begin(async (tx) => {
          await tx`insert into interactions (customer_id, occurred_at, type_id, channel, direction, summary, source, external_id)
            select x.customer_id, x.occurred_at, t.id, 'in_app', 'inbound', '', 'api', x.external_id
            from json_to_recordset(${tx.json(rows.map((e) => ({ customer_id: e.customerId, occurred_at: e.occurredAt, type_key: e.type, external_id: e.externalId })))}::json)
              as x(customer_id int, occurred_at timestamptz, type_key text, external_id text)
            join interaction_types t on t.key = x.type_key`;
          throw new RolledBack();
        })
        .catch((error) => {
          if (!(error instanceof RolledBack)) throw error;
        });
    });
    return { ...api, senders, bareInsertPerSecond: bare.eventsPerSecond };
  } finally {
    await client.end();
  }
}

class RolledBack extends Error {}

/**
 * Concurrent signed-in clients (autocannon), client i on `paths[i % paths.length]`; p95 from every
 * response's own latency.
 */
export async function loadTest(
  origin: string,
  paths: readonly string[],
  cookie: string,
  connections: number,
  seconds: number,
  label: string,
) {
  const latencies: number[] = [];
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${origin}${paths[0]}`,
        connections,
        duration: seconds,
        headers: { cookie },
        setupClient: (client) =>
          client.setRequests([{ method: "GET", path: paths[next++ % paths.length], headers: { cookie } }]),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    label,
    path: paths.length === 1 ? paths[0] : `${paths[0]} … (${paths.length} pages)`,
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round((result.requests.total / seconds) * 10) / 10,
    latency: summarize(latencies),
    errors,
  };
}

/**
 * JavaScript of a cold first visit to each page, gzipped: `firstLoadKb` counts the scripts the
 * server's HTML asks for (what Next.js calls first-load JS); `untilIdleKb` adds everything loaded
 * later (charts fetched after hydration), to show what a person downloads in all.
 */
export async function firstLoadJs(origin: string, cookies: Cookie[], paths: readonly string[]) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const sizes: { path: string; scripts: number; firstLoadKb: number; untilIdleKb: number }[] = [];
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  try {
    for (const path of paths) {
      const context = await browser.newContext();
      await context.addCookies(cookies);
      const page = await context.newPage();
      const scripts = new Map<string, Promise<number>>();
      page.on("response", (response) => {
        if (response.request().resourceType() === "script")
          scripts.set(
            new URL(response.url()).pathname,
            response.body().then((body) => gzipSync(body).length),
          );
      });
      const navigation = await page.goto(`${origin}${path}`, { waitUntil: "networkidle" });
      const html = (await navigation?.text()) ?? "";
      const inHtml = new Set(
        [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map(
          (match) => new URL(match[1].replaceAll("&amp;", "&"), origin).pathname,
        ),
      );
      const gzipped = new Map(await Promise.all([...scripts].map(async ([name, size]) => [name, await size] as const)));
      const sum = (names: Iterable<string>) => [...names].reduce((total, name) => total + (gzipped.get(name) ?? 0), 0);
      sizes.push({ path, scripts: inHtml.size, firstLoadKb: kb(sum(inHtml)), untilIdleKb: kb(sum(gzipped.keys())) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return sizes;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement, slowest first: where a page's time goes. */
export async function explainStatements(databaseUrl: string, statements: readonly Statement[]) {
  const client = replayClient(databaseUrl);
  try {
    const plans: { query: string; ms: number; plan: string }[] = [];
    for (const statement of statements) {
      if (!/^\s*(select|with)\b/i.test(statement.query)) continue;
      const rows = await client.unsafe(
        `explain (analyze, buffers) ${statement.query}`,
        statement.parameters as postgres.ParameterOrJSON<never>[],
      );
      const plan = rows.map((row) => String(row["QUERY PLAN"])).join("\n");
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
      plans.push({ query: statement.query, ms, plan });
    }
    return plans.sort((a, b) => b.ms - a.ms);
  } finally {
    await client.end();
  }
}

/**
 * The backtest page at each horizon with the outcome proxies counted: URLs no one has opened in
 * this server's life, so each render computes the whole backtest (features over every monthly
 * cutoff, every score, the report) instead of the 15-minute copy.
 */
export async function timeBacktest(
  origin: string,
  cookie: string,
): Promise<{ horizonDays: number; ms: number; failed?: string }[]> {
  const results: { horizonDays: number; ms: number; failed?: string }[] = [];
  for (const horizonDays of [90, 60, 30]) {
    const start = performance.now();
    const response = await fetch(`${origin}/risk/backtest?horizon=${horizonDays}&proxies=on`, {
      headers: { cookie },
    });
    const body = await response.text();
    const ms = Math.round(performance.now() - start);
    // A page without its figures is a result too (at 1,000,000 customers it may give up): say so and go on.
    if (!response.ok || !body.includes('data-testid="backtest-auc"'))
      results.push({ horizonDays, ms, failed: `answered ${response.status} without its figures` });
    else results.push({ horizonDays, ms });
  }
  return results;
}

/**
 * One run of the periodic refresh (`npm run refresh -- --json`, the same code the server runs
 * every 10 minutes) against the book: its time per step and how many customers' scores it rewrote.
 * Waits its turn when a server process is refreshing at that moment.
 */
export async function timeRefresh(databaseUrl: string, label: string) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const run = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/refresh-rollups.ts", "--json"],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(`The refresh failed: ${run.stderr.slice(0, 300)}`);
    const report = JSON.parse(run.stdout.trim().split("\n").pop() ?? "null") as RefreshReport | null;
    if (report) return { label, ...report };
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
  throw new Error("The refresh never got its turn: a server process kept refreshing for five minutes.");
}
