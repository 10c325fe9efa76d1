import type { Timing } from "./measure";

/** Issue #8's targets on a 2-core machine: server time p95 in ms, and the rest. */
export const TARGETS = {
  overview: 300,
  journey: 300,
  list: 200,
  customer: 150,
  ratio: 2,
  action: 50,
  backtestMs: 10_000,
  riskRps: 100,
  firstLoadKb: 250,
} as const;

type PageResult = {
  name: string;
  target: number;
  reference?: boolean;
  ttfb: Timing;
  total: Timing;
  statements: number;
  sql: Timing;
  ratio: number | null;
};
type LoadResult = {
  label: string;
  path: string;
  connections: number;
  requestsPerSecond: number;
  latency: Timing;
  errors: number;
};
type Results = {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    postgres: string;
    cpuLoopMs: { atStart: number; atEnd: number };
  };
  book: {
    customers: number;
    interactions: number;
    seedSeconds: number;
    reused: boolean;
    counts: { customers: number; interactions: number };
  };
  pages: PageResult[];
  action: Timing;
  /** Optional: results written before the backtest existed have none. */
  backtest?: { horizonDays: number; ms: number }[];
  ingestion: { events: number; senders: number; seconds: number; eventsPerSecond: number };
  loads: LoadResult[];
  javascript: { path: string; firstLoadKb: number; untilIdleKb: number }[];
};

const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

/** The figures as a table, each with its target and whether it was met. */
export function printReport(results: Results): void {
  const { machine, book } = results;
  console.log(`\nHourglass benchmark, ${results.date}`);
  console.log(
    `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}`,
  );
  console.log(
    `One core's speed: a fixed loop took ${machine.cpuLoopMs.atStart} ms at the start and ${machine.cpuLoopMs.atEnd} ms at the end (lower is faster)`,
  );
  console.log(
    `Book: ${book.counts.customers.toLocaleString("en")} customers, ${book.counts.interactions.toLocaleString("en")} interactions; seeded in ${book.seedSeconds.toFixed(0)} s${book.reused ? " (reused)" : ""}\n`,
  );
  const rows = results.pages.map((p) => [
    p.name,
    `${p.ttfb.p50} / ${p.ttfb.p95}`,
    `${p.total.p50} / ${p.total.p95}`,
    `< ${p.target}`,
    `${p.sql.p50} (${p.statements})`,
    p.ratio === null ? "—" : `${p.ratio}`,
    p.reference ? "(reference)" : mark(p.total.p95 < p.target && p.ratio !== null && p.ratio < TARGETS.ratio),
  ]);
  table(["page", "TTFB p50/p95 ms", "full p50/p95 ms", "target p95", "raw SQL p50 ms (stmts)", "page ÷ SQL", ""], rows);
  console.log("");
  table(
    ["measure", "figure", "target", ""],
    [
      [
        "log an interaction (server action) p50 / p95",
        `${results.action.p50} / ${results.action.p95} ms`,
        `p95 < ${TARGETS.action} ms`,
        mark(results.action.p95 < TARGETS.action),
      ],
      ...(results.backtest ?? []).map((run) => [
        `backtest page, ${run.horizonDays}-day horizon, uncached`,
        `${(run.ms / 1000).toFixed(1)} s`,
        `< ${TARGETS.backtestMs / 1000} s`,
        mark(run.ms < TARGETS.backtestMs),
      ]),
      [
        `API ingestion (${results.ingestion.senders} senders, batches of 1,000)`,
        `${results.ingestion.eventsPerSecond.toLocaleString("en")} events/s`,
        "",
        "",
      ],
      ...results.loads.map((load) => [
        `${load.path} with ${load.connections} clients, ${load.label}`,
        `${load.requestsPerSecond} req/s, p95 ${load.latency.p95} ms, ${load.errors} errors`,
        `≥ ${TARGETS.riskRps} req/s, 0 errors`,
        mark(load.requestsPerSecond >= TARGETS.riskRps && load.errors === 0),
      ]),
      ...results.javascript.map((j) => [
        `first-load JS ${j.path}`,
        `${j.firstLoadKb} KB gzip (${j.untilIdleKb} KB by idle)`,
        `< ${TARGETS.firstLoadKb} KB`,
        mark(j.firstLoadKb < TARGETS.firstLoadKb),
      ]),
    ],
  );
}

function table(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}
