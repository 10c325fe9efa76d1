import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthReport } from "@/server/system/health";
import type { PrivatePostgres } from "@/testing/private-postgres";
import { runOnOwnPostgresServer } from "@/testing/own-server";
import { type Database, db, queryRows } from "./index";
import { closeReplicas, hasReplicas, readerFor, readYourWritesMs, replicaHealth } from "./replicas";

// A primary and a streaming replica of the test's own (initdb, then pg_basebackup -R): this file
// stops the replica and pauses its replay, so it must not share a server with any other test.
const ownServer = runOnOwnPostgresServer();
let replica: PrivatePostgres;

beforeAll(async () => {
  replica = await ownServer().startReplica();
  process.env.DATABASE_REPLICA_URLS = replica.url;
  process.env.DATABASE_REPLICA_MAX_LAG_SECONDS = "1";
}, 60_000);

afterAll(async () => {
  delete process.env.DATABASE_REPLICA_URLS;
  delete process.env.DATABASE_REPLICA_MAX_LAG_SECONDS;
  await closeReplicas();
  replica?.destroy();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function onReplica(reader: Database): Promise<boolean> {
  const [row] = await queryRows<{ standby: boolean }>(reader, sql`select pg_is_in_recovery() as standby`);
  return row.standby;
}

/** Polls until the condition holds (replica state is read again at most once a second). */
async function eventually(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await sleep(200);
  }
  throw new Error(`Timed out waiting until ${what}.`);
}

async function replicaSees(name: string): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(
    await readerFor({ lastWriteAt: null }),
    sql`select count(*)::int as n from customers where name = ${name}`,
  );
  return rows[0].n === 1;
}

describe("read replicas (DATABASE_REPLICA_URLS)", () => {
  it("dashboard reads go to the streaming replica and see the primary's writes", async () => {
    // With a replica named, a member's write sets the read-your-writes cookie (server/reads/read-db.ts).
    expect(hasReplicas()).toBe(true);
    await eventually(async () => onReplica(await readerFor({ lastWriteAt: null })), "the replica is used");
    await db.execute(sql`insert into customers (name) values ('Written on the primary')`);
    await eventually(() => replicaSees("Written on the primary"), "the replica has replayed the write");
    const [state] = await replicaHealth();
    expect(state).toMatchObject({ name: "replica 1", status: "ok" });
  });

  it("a member who wrote reads the primary for readYourWritesMs (1 s lag bound + 3 s = 4,000 ms), then the replica again", async () => {
    expect(readYourWritesMs()).toBe(4_000);
    expect(await onReplica(await readerFor({ lastWriteAt: Date.now() }))).toBe(false);
    expect(await onReplica(await readerFor({ lastWriteAt: Date.now() - 3_900 }))).toBe(false);
    expect(await onReplica(await readerFor({ lastWriteAt: Date.now() - 4_100 }))).toBe(true);
  });

  it("a replica more than the lag bound behind is skipped until it catches up, and health says how far behind it is", async () => {
    const standby = (await import("postgres")).default(replica.url, { max: 1, onnotice: () => {} });
    try {
      await standby`select pg_wal_replay_pause()`;
      await db.execute(sql`insert into customers (name) values ('Written while replay is paused')`);
      await eventually(async () => (await replicaHealth())[0].status === "lagging", "the replica is reported lagging");
      expect(await onReplica(await readerFor({ lastWriteAt: null }))).toBe(false);
      const { body } = await healthReport();
      expect(body.db).toBe("ok");
      expect(body.replicas[0].status).toBe("lagging");
      expect(body.replicas[0].lagSeconds).toBeGreaterThan(1);

      await standby`select pg_wal_replay_resume()`;
      await eventually(() => replicaSees("Written while replay is paused"), "the replica has caught up and is used");
      await eventually(async () => (await replicaHealth())[0].lagSeconds === 0, "the replica reports no lag");
    } finally {
      await standby.end();
    }
  });

  it("a stopped replica is skipped (reads go to the primary, health answers 200 and says it is down), and used again once it is back", async () => {
    replica.stop();
    await eventually(async () => (await replicaHealth())[0].status === "down", "the replica is reported down");
    for (let i = 0; i < 5; i++) expect(await onReplica(await readerFor({ lastWriteAt: null }))).toBe(false);
    expect(await healthReport()).toEqual({
      status: 200,
      body: {
        db: "ok",
        replicas: [{ name: "replica 1", status: "down", lagSeconds: null }],
      },
    });

    replica.start();
    await eventually(async () => onReplica(await readerFor({ lastWriteAt: null })), "the replica is used again");
  });
});
