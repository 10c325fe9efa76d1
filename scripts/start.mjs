// `npm start`: the production server, one `next start` process per CPU core behind one port.
//
// A Node.js process renders on one core; with a single process the other cores idle while
// requests queue. Node's cluster module hands each incoming connection to one of the workers,
// and every worker is a plain `next start`: they share nothing but the database, like app
// servers behind a load balancer (docs/scaling.md).
//
// WEB_CONCURRENCY sets the number of workers (default: the CPU cores). The embedded database
// (no DATABASE_URL) can be opened by one process only, so without DATABASE_URL there is one.
import cluster from "node:cluster";
import os from "node:os";

const nextBin = new URL("../node_modules/next/dist/bin/next", import.meta.url).pathname;

function workerCount() {
  if (!process.env.DATABASE_URL) return 1;
  const requested = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism());
  return Number.isInteger(requested) && requested > 0 ? requested : 1;
}

// Every worker loads the HTTP guard first: the socket's address for the app, 400 for undecodable paths.
const httpGuard = new URL("./http-guard.mjs", import.meta.url).href;
cluster.setupPrimary({
  exec: nextBin,
  args: ["start", ...process.argv.slice(2)],
  execArgv: [...process.execArgv, "--import", httpGuard],
});

// One worker runs the periodic risk and journey refresh (unless HOURGLASS_PERIODIC_REFRESH=off
// turns it off: `npm run refresh` from cron does it); the others only serve requests.
const periodicRefresh = process.env.HOURGLASS_PERIODIC_REFRESH !== "off";
let refresher = null;
const fork = (refreshes) => {
  const worker = cluster.fork({ HOURGLASS_PERIODIC_REFRESH: periodicRefresh && refreshes ? "on" : "off" });
  if (refreshes) refresher = worker;
  return worker;
};

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
let recentRestarts = [];
let stopping = false;
let exitCode = 0;
const listening = new Set();
const stop = (signal) => {
  stopping = true;
  const running = Object.values(cluster.workers ?? {});
  if (running.length === 0) process.exit(exitCode);
  for (const worker of running) worker?.process.kill(signal);
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

cluster.on("listening", (worker) => listening.add(worker.id));
cluster.on("exit", (worker, code, signal) => {
  const wasServing = listening.delete(worker.id);
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
    return;
  }
  // A worker that could not start (no AUTH_SECRET, database unreachable) has printed why: stop.
  // One that stopped while serving is replaced.
  if (!wasServing) {
    exitCode = code || 1;
    stop("SIGTERM");
    return;
  }
  // …unless they keep stopping (a broken build, say): then stop instead of restarting forever.
  const now = Date.now();
  recentRestarts = recentRestarts.filter((at) => now - at < RESTART_WINDOW_MS);
  if (recentRestarts.length >= MAX_RESTARTS) {
    console.error(
      `Hourglass: server processes stopped ${MAX_RESTARTS + 1} times within a minute; stopping (see the errors above).`,
    );
    exitCode = 1;
    stop("SIGTERM");
    return;
  }
  recentRestarts.push(now);
  console.error(`Hourglass: a server process stopped (${signal ?? `exit code ${code}`}); starting a new one.`);
  fork(worker === refresher);
});

// The first worker migrates the database before it listens; the others start once it does, so
// the migrations never run twice at once.
const workers = workerCount();
fork(true).once("listening", () => {
  for (let i = 1; i < workers; i++) fork(false);
});
