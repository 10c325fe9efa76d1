import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { connection, type Database, poolOptions } from "./index";
import * as schema from "./schema";

/**
 * Read replicas (DATABASE_REPLICA_URLS, comma-separated): where dashboard pages read when no
 * write of the member's is younger than readYourWritesMs(). A replica is used only while it
 * answers and its lag is at most DATABASE_REPLICA_MAX_LAG_SECONDS; otherwise reads go to the
 * primary. Writes, and reads inside actions and the API, always use the primary (`db`).
 */
export type ReplicaHealth = { name: string; status: "ok" | "lagging" | "down"; lagSeconds: number | null };

type Replica = {
  name: string;
  client: postgres.Sql;
  db: Database;
  health: ReplicaHealth;
  checkedAt: number;
  checking: Promise<ReplicaHealth> | null;
};

const CHECK_EVERY_MS = 1_000;
const CHECK_TIMEOUT_MS = 1_000;

const globalForReplicas = globalThis as unknown as { hourglassReplicas?: { urls: string; replicas: Replica[] } };

export function maxReplicaLagSeconds(): number {
  const configured = Number(process.env.DATABASE_REPLICA_MAX_LAG_SECONDS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 2;
}

/**
 * A member's reads stay on the primary this long after their write: longer than any replica that
 * is used can be behind (its lag bound, plus the second since its lag was last read, plus a margin),
 * so their own change is on every page they open.
 */
export function readYourWritesMs(): number {
  return (maxReplicaLagSeconds() + CHECK_EVERY_MS / 1000 + 2) * 1000;
}

function configuredReplicas(): Replica[] {
  const urls = (process.env.DATABASE_REPLICA_URLS ?? "").trim();
  if (!urls || !process.env.DATABASE_URL) return [];
  if (globalForReplicas.hourglassReplicas?.urls === urls) return globalForReplicas.hourglassReplicas.replicas;
  const replicas = urls
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean)
    .map((url, index): Replica => {
      // A replica that does not answer is skipped, not waited for.
      const client = postgres(url, poolOptions(2));
      // By position in the list: /api/health is public, and a replica's address is nobody's business there.
      const name = `replica ${index + 1}`;
      return {
        name,
        client,
        db: drizzle(client, { schema, casing: "snake_case" }),
        health: { name, status: "down", lagSeconds: null },
        checkedAt: 0,
        checking: null,
      };
    });
  globalForReplicas.hourglassReplicas = { urls, replicas };
  return replicas;
}

/**
 * How far behind the primary a replica is, in seconds: 0 when it has replayed everything it
 * received while streaming (an idle primary sends nothing, so the last replay's age says nothing
 * then), else the age of the last transaction it replayed. A server not in recovery is current.
 */
async function measureLag(replica: Replica): Promise<number> {
  const [row] = await replica.client<{ lag: number | null }[]>`
    select case
      when not pg_is_in_recovery() then 0
      when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
        and exists (select 1 from pg_stat_wal_receiver where status = 'streaming') then 0
      else extract(epoch from now() - pg_last_xact_replay_timestamp())::float8
    end as lag`;
  return row.lag ?? Number.POSITIVE_INFINITY;
}

async function check(replica: Replica): Promise<ReplicaHealth> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("timeout")), CHECK_TIMEOUT_MS).unref(),
  );
  try {
    const lag = await Promise.race([measureLag(replica), timeout]);
    const lagSeconds = Number.isFinite(lag) ? Math.round(lag * 1000) / 1000 : null;
    replica.health = {
      name: replica.name,
      status: lag <= maxReplicaLagSeconds() ? "ok" : "lagging",
      lagSeconds,
    };
  } catch {
    replica.health = { name: replica.name, status: "down", lagSeconds: null };
  }
  replica.checkedAt = Date.now();
  return replica.health;
}

/** Each replica's state, checked again when the last check is older than a second. */
export async function replicaHealth(): Promise<ReplicaHealth[]> {
  return Promise.all(
    configuredReplicas().map((replica) => {
      if (Date.now() - replica.checkedAt < CHECK_EVERY_MS) return replica.health;
      replica.checking ??= check(replica).finally(() => {
        replica.checking = null;
      });
      return replica.checking;
    }),
  );
}

/** Whether DATABASE_REPLICA_URLS names any replica: without one every read is on the primary. */
export function hasReplicas(): boolean {
  return connection().kind === "postgres" && configuredReplicas().length > 0;
}

let turn = 0;

/**
 * The database a dashboard read should use: a healthy replica (taking turns), or the primary when
 * the member wrote within readYourWritesMs(), when none is configured, or none is healthy.
 */
export async function readerFor({ lastWriteAt }: { lastWriteAt: number | null }): Promise<Database> {
  const primary = connection().db;
  if (connection().kind !== "postgres") return primary;
  if (lastWriteAt !== null && Date.now() - lastWriteAt < readYourWritesMs()) return primary;
  const replicas = configuredReplicas();
  if (replicas.length === 0) return primary;
  const health = await replicaHealth();
  const healthy = replicas.filter((_, i) => health[i].status === "ok");
  if (healthy.length === 0) return primary;
  return healthy[turn++ % healthy.length].db;
}

export async function closeReplicas(): Promise<void> {
  const current = globalForReplicas.hourglassReplicas;
  globalForReplicas.hourglassReplicas = undefined;
  await Promise.all((current?.replicas ?? []).map((replica) => replica.client.end({ timeout: 5 })));
}
