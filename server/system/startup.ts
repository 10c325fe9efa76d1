import { parseTrustProxy } from "@/lib/auth/client-address";
import { db } from "@/db";
import { DatabaseUnreachableError } from "@/db/connection-error";
import { migrateDatabase } from "@/db/migrate";
import { workTick } from "@/server/jobs/worker";
import { refreshRollups } from "./periodic-refresh";

// Balances decay, silence grows and time in stage passes without any write: refresh this often.
const ROLLUP_REFRESH_MS = 10 * 60 * 1000;

function scheduleRollupRefresh() {
  const run = () =>
    refreshRollups(db).catch((error: unknown) =>
      console.error("Hourglass: periodic refresh failed:", error instanceof Error ? error.message : error),
    );
  void run();
  setInterval(run, ROLLUP_REFRESH_MS).unref();
}

// Digests, webhook posts and playbook emails wait at most this long.
const JOB_TICK_MS = 30 * 1000;

/** Every process works the job queue: jobs are claimed with `skip locked`, so they never run twice at once. */
function scheduleJobs() {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await workTick(db);
    } catch (error) {
      console.error("Hourglass: background jobs failed:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  void tick();
  setInterval(tick, JOB_TICK_MS).unref();
}

/**
 * Runs once when the server starts: refuses to run without a secret in production, then
 * migrates so the first request does not wait. An unreachable database stops the server with
 * a message naming the host, instead of failing every request later.
 */
export async function startServer(): Promise<void> {
  if (process.env.NODE_ENV === "production" && !process.env.AUTH_SECRET) {
    console.error(
      "Hourglass: AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` (npm run demo does this for you).",
    );
    process.exit(1);
  }
  try {
    parseTrustProxy(process.env.TRUST_PROXY);
  } catch (error) {
    console.error(`Hourglass: ${(error as Error).message}`);
    process.exit(1);
  }
  try {
    await migrateDatabase();
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) {
      console.error(`Hourglass: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  // `npm start` runs several server processes; one of them refreshes (scripts/start.mjs).
  if (process.env.HOURGLASS_PERIODIC_REFRESH !== "off") scheduleRollupRefresh();
  if (process.env.HOURGLASS_JOBS !== "off") scheduleJobs();
}
