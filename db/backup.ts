import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import postgres from "postgres";

/** A problem the person running the command can fix: said in one line, no stack trace. */
export class BackupError extends Error {}

/** Where the book lives: a PostgreSQL URL, or the embedded database's data directory. */
export type BackupTarget = { url: string } | { dataDir: string };

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const checksumFile = (file: string) => `${file}.sha256`;

/** libpq's environment for a URL: the password never appears on a command line (or in `ps`). */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const parsed = new URL(url);
  return {
    ...process.env,
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || "5432",
    PGUSER: decodeURIComponent(parsed.username),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
    PGSSLMODE: parsed.searchParams.get("sslmode") ?? process.env.PGSSLMODE ?? "prefer",
  };
}

function run(tool: "pg_dump" | "pg_restore", args: string[], url: string): void {
  const result = spawnSync(tool, args, { env: libpqEnv(url), encoding: "utf8" });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT")
    throw new BackupError(
      `${tool} was not found. Install the PostgreSQL client tools of your server's version (Debian: apt-get install postgresql-client).`,
    );
  if (result.status !== 0) throw new BackupError(`${tool} failed: ${result.stderr.trim().split("\n").pop()}`);
}

/**
 * A consistent, compressed backup with a checksum beside it (FILE.sha256, as `sha256sum` writes):
 * PostgreSQL's custom-format `pg_dump` (one snapshot, while the app keeps running), or the embedded
 * database's data directory as a gzipped tarball (stop the server first: PGlite is one process's).
 */
export async function backupDatabase(target: BackupTarget, file: string): Promise<{ bytes: number; sha256: string }> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  if ("url" in target) {
    run("pg_dump", ["--format=custom", "--compress=6", "--no-owner", "--no-privileges", "--file", partial], target.url);
  } else {
    if (!existsSync(target.dataDir)) throw new BackupError(`There is no embedded database at ${target.dataDir}.`);
    const db = new PGlite(target.dataDir, { extensions: { pg_trgm } });
    try {
      await db.waitReady;
      const dump = await db.dumpDataDir("gzip");
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
  }
  // Only a complete backup gets the final name, and its checksum.
  renameSync(partial, file);
  const bytes = readFileSync(file);
  const digest = sha256(bytes);
  writeFileSync(checksumFile(file), `${digest}  ${path.basename(file)}\n`);
  return { bytes: bytes.length, sha256: digest };
}

/** The backup's bytes, once its checksum file says they are what was written. */
function verifiedBackup(file: string): Buffer {
  if (!existsSync(file)) throw new BackupError(`There is no backup at ${file}.`);
  if (!existsSync(checksumFile(file)))
    throw new BackupError(`${checksumFile(file)} is missing: without it the backup cannot be checked.`);
  const bytes = readFileSync(file);
  const expected = readFileSync(checksumFile(file), "utf8").trim().split(/\s+/)[0];
  if (sha256(bytes) !== expected)
    throw new BackupError(`${file} does not match its checksum: the file is damaged or incomplete.`);
  return bytes;
}

/**
 * Restores a backup into an empty database (or a data directory that does not exist yet): a
 * database with tables in it is refused, so a restore never mixes two books or overwrites one.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  const bytes = verifiedBackup(file);
  const isDump = bytes.subarray(0, 5).toString("latin1") === "PGDMP";
  if ("url" in target) {
    if (!isDump) throw new BackupError(`${file} is a backup of the embedded database, not of PostgreSQL.`);
    const client = postgres(target.url, { max: 1, onnotice: () => {} });
    try {
      const [{ tables }] = await client<{ tables: number }[]>`
        select count(*)::int as tables from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
      if (tables > 0)
        throw new BackupError(
          `The database holds ${tables} tables already: restore into an empty database (createdb a new one and point DATABASE_URL at it).`,
        );
    } finally {
      await client.end();
    }
    const database = decodeURIComponent(new URL(target.url).pathname.slice(1));
    run(
      "pg_restore",
      ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", database, file],
      target.url,
    );
    // pg_restore gives PostgreSQL's internal tables' row counts, not statistics: plan with real ones at once.
    const analyze = postgres(target.url, { max: 1, onnotice: () => {} });
    await analyze`analyze`;
    await analyze.end();
    return;
  }
  if (isDump)
    throw new BackupError(`${file} is a PostgreSQL backup: set DATABASE_URL to the empty database to restore it into.`);
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0)
    throw new BackupError(
      `${target.dataDir} holds a database already: move it aside (or set PGLITE_DATA_DIR to a new folder) and restore again.`,
    );
  const db = new PGlite(target.dataDir, {
    extensions: { pg_trgm }, // The type tells PGlite the tarball is gzipped.
    loadDataDir: new Blob([new Uint8Array(bytes)], { type: "application/x-gzip" }),
  });
  await db.waitReady;
  await db.close();
}
