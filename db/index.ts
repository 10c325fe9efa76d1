import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that runs queries: the database or a transaction inside it. */
export type Queryable = Database | Transaction;

type Connection =
  { kind: "postgres"; db: Database; client: postgres.Sql } | { kind: "pglite"; db: Database; client: PGlite };

const globalForDb = globalThis as unknown as { hourglassConnection?: Connection };

export function embeddedDataDir(): string {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

/**
 * HOURGLASS_SQL_LOG=<file> appends every statement with its parameters, one JSON line each: how
 * `npm run bench` replays a page's own SQL against the database, and how a test counts a write's
 * statements. A diagnostic, never for production: parameters are customer data. On PostgreSQL it
 * sees everything the driver sends (begin and commit included); on PGlite, what drizzle runs.
 */
function appendStatement(query: string, parameters: unknown[]): void {
  const file = process.env.HOURGLASS_SQL_LOG;
  if (file) appendFileSync(file, `${JSON.stringify({ query, parameters })}\n`);
}

/** How the app connects to a PostgreSQL server: the primary, and each read replica (db/replicas.ts). */
export function poolOptions(connectTimeoutSeconds: number): postgres.Options<Record<string, never>> {
  return {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connect_timeout: connectTimeoutSeconds,
    idle_timeout: 60,
    onnotice: () => {},
    // JIT compiles a plan in 150–300 ms; the booking statement's estimates cross its threshold even
    // for one row, and no page query runs long enough to win that back.
    connection: { jit: "off" },
  };
}

function connect(): Connection {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, {
      ...poolOptions(10),
      debug: process.env.HOURGLASS_SQL_LOG
        ? (_connection, query, parameters) => appendStatement(query, parameters)
        : undefined,
    });
    return { kind: "postgres", client, db: drizzlePostgres(client, { schema, casing: "snake_case" }) };
  }
  const dataDir = embeddedDataDir();
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir, { extensions: { pg_trgm } });
  const logger = process.env.HOURGLASS_SQL_LOG ? { logQuery: appendStatement } : undefined;
  return { kind: "pglite", client, db: drizzlePglite(client, { schema, casing: "snake_case", logger }) };
}

export function connection(): Connection {
  globalForDb.hourglassConnection ??= connect();
  return globalForDb.hourglassConnection;
}

/**
 * The one database client. Created on first use, so importing this module (as `next build`
 * does when it collects pages) never opens a database.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = connection().db;
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

/** Raw SQL returning rows, the same on postgres.js (an array) and PGlite (`{ rows }`). */
export async function queryRows<Row>(runner: Queryable, query: SQL): Promise<Row[]> {
  const result: unknown = await runner.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
}

/** Rows a raw insert, update or delete wrote: `count` on postgres.js, `affectedRows` on PGlite. */
export function rowsAffected(result: unknown): number {
  const { count, affectedRows } = result as { count?: number; affectedRows?: number };
  return count ?? affectedRows ?? 0;
}

export async function closeDatabase(): Promise<void> {
  const current = globalForDb.hourglassConnection;
  globalForDb.hourglassConnection = undefined;
  if (!current) return;
  if (current.kind === "postgres") await current.client.end({ timeout: 5 });
  else await current.client.close();
}
