import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, withDatabase } from "@/testing/databases";
import { type PrivatePostgres, startPrivatePostgres } from "@/testing/private-postgres";
import { backupDatabase, restoreDatabase } from "./backup";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** Every table's rows, hashed in a fixed order: equal fingerprints mean equal contents. */
async function fingerprint(query: Query): Promise<Record<string, string>> {
  const tables = await query(
    `select schemaname || '.' || tablename as name from pg_tables
     where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
  );
  const entries: [string, string][] = [];
  for (const { name } of tables) {
    const [row] = await query(
      `select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from ${name} t`,
    );
    entries.push([String(name), String(row.hash)]);
  }
  return Object.fromEntries(entries);
}

/** A small book written with plain SQL: customers and their interactions. */
async function write(query: Query, label: string, customers: number) {
  await query(`insert into customers (name, email, company, plan)
    select '${label} ' || g, '${label}-' || g || '@example.test', 'Backup AG', 'growth' from generate_series(1, ${customers}) g`);
  await query(`insert into interactions (customer_id, occurred_at, type_id, direction, summary)
    select c.id, now() - make_interval(days => g), (select id from interaction_types order by id limit 1), 'inbound', '${label}'
    from customers c, generate_series(1, 3) g where c.name like '${label} %'`);
}

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), "hourglass-backup-"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("npm run backup / npm run restore on PostgreSQL", () => {
  let server: PrivatePostgres;
  beforeAll(async () => {
    server = await startPrivatePostgres();
  }, 60_000);
  afterAll(() => server.destroy());

  it("backup → more writes → restore into an empty database equals the book at the backup, to every row", async () => {
    const source = postgres(server.url, { max: 1, onnotice: () => {} });
    const query: Query = (text) => source.unsafe(text);
    await migratePostgres(drizzlePostgres(source), { migrationsFolder });
    await query(
      `insert into interaction_types (key, label, category) values ('login', 'Login', 'product') on conflict do nothing`,
    );
    await write(query, "before", 200);
    const atBackup = await fingerprint(query);
    const file = path.join(folder, "book.dump");
    const { sha256 } = await backupDatabase({ url: server.url }, file);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);

    await write(query, "after", 50);
    expect(await fingerprint(query)).not.toEqual(atBackup);
    await source.end();

    const restoredUrl = await createDatabase(server.url, "restored");
    await restoreDatabase({ url: restoredUrl }, file);
    const restored = postgres(restoredUrl, { max: 1, onnotice: () => {} });
    expect(await fingerprint((text) => restored.unsafe(text))).toEqual(atBackup);
    await restored.end();

    // A database with tables in it is refused, and left as it was.
    await expect(restoreDatabase({ url: restoredUrl }, file)).rejects.toThrow(/holds \d+ tables already/);
  }, 120_000);

  it("a damaged backup or a missing checksum is refused before anything is written", async () => {
    const file = path.join(folder, "damaged.dump");
    await backupDatabase({ url: server.url }, file);
    writeFileSync(file, "PGDMP and then nothing");
    const emptyUrl = await createDatabase(server.url, "never_written");
    await expect(restoreDatabase({ url: emptyUrl }, file)).rejects.toThrow(/does not match its checksum/);
    rmSync(`${file}.sha256`);
    await expect(restoreDatabase({ url: emptyUrl }, file)).rejects.toThrow(/sha256 is missing/);
    const client = postgres(withDatabase(server.url, "never_written"), { max: 1, onnotice: () => {} });
    const [{ tables }] = await client`select count(*)::int as tables from pg_tables where schemaname = 'public'`;
    await client.end();
    expect(tables).toBe(0);
  }, 60_000);
});

describe("npm run backup / npm run restore on the embedded database (PGlite)", () => {
  it("backup → more writes → restore into a new data directory equals the book at the backup; an existing one is refused", async () => {
    const dataDir = path.join(folder, "pglite");
    const source = new PGlite(dataDir, { extensions: { pg_trgm } });
    const query: Query = async (text) => (await source.query<Record<string, unknown>>(text)).rows;
    await migratePglite(drizzlePglite(source), { migrationsFolder });
    await query(
      `insert into interaction_types (key, label, category) values ('login', 'Login', 'product') on conflict do nothing`,
    );
    await write(query, "before", 100);
    const atBackup = await fingerprint(query);
    await source.close();

    const file = path.join(folder, "book.tar.gz");
    await backupDatabase({ dataDir }, file);
    const reopened = new PGlite(dataDir, { extensions: { pg_trgm } });
    await write(async (text) => (await reopened.query<Record<string, unknown>>(text)).rows, "after", 10);
    await reopened.close();

    const restoredDir = path.join(folder, "pglite-restored");
    await restoreDatabase({ dataDir: restoredDir }, file);
    expect(existsSync(restoredDir)).toBe(true);
    const restored = new PGlite(restoredDir, { extensions: { pg_trgm } });
    expect(await fingerprint(async (text) => (await restored.query<Record<string, unknown>>(text)).rows)).toEqual(
      atBackup,
    );
    await restored.close();
    await expect(restoreDatabase({ dataDir: restoredDir }, file)).rejects.toThrow(/holds a database already/);
    await expect(restoreDatabase({ url: "postgres://postgres@127.0.0.1:1/none" }, file)).rejects.toThrow(
      /backup of the embedded database/,
    );
  }, 120_000);
});
