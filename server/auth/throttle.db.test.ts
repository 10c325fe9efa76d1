import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { separateConnections } from "@/testing/separate-connections";
import { accountThrottle, addressThrottle, createLoginThrottle } from "./throttle";

const T0 = Date.parse("2026-03-01T09:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);
let counter = 0;
const unique = (name: string) => `${name}-${Date.now().toString(36)}${(counter++).toString(36)}@example.test`;

const rowsIn = async (scope: string) =>
  (
    await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from login_throttles where scope = ${scope}`,
    )
  )[0].count;

describe("sign-in throttling, shared through the database", () => {
  it("5 free failures, then 30 s, 60 s, 120 s … capped at 900 s; success clears it", async () => {
    const email = unique("a");
    let now = 0;
    for (let i = 0; i < 5; i++) await accountThrottle.fail(db, email, at(now));
    expect(await accountThrottle.wait(db, email, at(now))).toBe(0);
    await accountThrottle.fail(db, email, at(now));
    expect(await accountThrottle.wait(db, email, at(now))).toBe(30);
    now += 30;
    await accountThrottle.fail(db, email, at(now));
    expect(await accountThrottle.wait(db, email, at(now))).toBe(60);
    await accountThrottle.fail(db, email, at(now));
    expect(await accountThrottle.wait(db, email, at(now))).toBe(120);
    for (let i = 0; i < 10; i++) await accountThrottle.fail(db, email, at(now));
    expect(await accountThrottle.wait(db, email, at(now))).toBe(900);
    await accountThrottle.succeed(db, email);
    expect(await accountThrottle.wait(db, email, at(now))).toBe(0);
  });

  it("the wait counts down: locked for 30 s, 10.5 s later ⌈19.5⌉ = 20 s, 30 s later free", async () => {
    const email = unique("countdown");
    for (let i = 0; i < 6; i++) await accountThrottle.fail(db, email, at(0));
    expect(await accountThrottle.wait(db, email, at(10.5))).toBe(20);
    expect(await accountThrottle.wait(db, email, at(30))).toBe(0);
  });

  it("an address has 20 free failures, then 30 s; accounts and addresses count apart", async () => {
    const address = `203.0.113.${counter++}`;
    for (let i = 0; i < 20; i++) await addressThrottle.fail(db, address, at(0));
    expect(await addressThrottle.wait(db, address, at(0))).toBe(0);
    expect(await accountThrottle.wait(db, address, at(0))).toBe(0);
    await addressThrottle.fail(db, address, at(0));
    expect(await addressThrottle.wait(db, address, at(0))).toBe(30);
  });

  it("failures older than the 15-minute window start over", async () => {
    const throttle = createLoginThrottle({ scope: "test-window", freeFailures: 1 });
    const email = unique("b");
    await throttle.fail(db, email, at(0));
    await throttle.fail(db, email, at(16 * 60));
    expect(await throttle.wait(db, email, at(16 * 60))).toBe(0);
  });

  it("stores neither the email nor the address, only their SHA-256", async () => {
    const email = unique("private");
    await accountThrottle.fail(db, email, at(0));
    const keys = await queryRows<{ key: string }>(db, sql`select key from login_throttles`);
    expect(keys.length).toBeGreaterThan(0);
    for (const { key } of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
    await accountThrottle.succeed(db, email);
  });

  it("25 failures fired in parallel on separate connections are all counted: 20 free, then 30·2⁴ = 480 s", async () => {
    const address = `198.51.100.${counter++}`;
    const runners = separateConnections(5);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => addressThrottle.fail(runners[i % runners.length], address, at(0))),
    );
    expect(await addressThrottle.wait(db, address, at(0))).toBe(480);
  });

  it("an attempt is counted before its password is checked: 5 free, the 6th goes on and locks for 30 s, the 7th waits; a success clears it", async () => {
    const email = unique("attempt");
    for (let i = 0; i < 6; i++) expect(await accountThrottle.attempt(db, email, at(0)), `attempt ${i + 1}`).toBe(0);
    expect(await accountThrottle.attempt(db, email, at(10))).toBe(20);
    // A refused attempt is not counted: the lock stays 30 s, not 60 s.
    expect(await accountThrottle.wait(db, email, at(10))).toBe(20);
    expect(await accountThrottle.attempt(db, email, at(30))).toBe(0);
    await accountThrottle.succeed(db, email);
    expect(await accountThrottle.wait(db, email, at(30))).toBe(0);
  });

  it("25 guesses at one account fired in parallel on separate connections: exactly 6 (5 free + the one that locks) get to check a password", async () => {
    const email = unique("parallel");
    const runners = separateConnections(5);
    const waits = await Promise.all(
      Array.from({ length: 25 }, (_, i) => accountThrottle.attempt(runners[i % runners.length], email, at(0))),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(6);
    expect(waits.filter((wait) => wait === 30)).toHaveLength(19);
  });

  it("a failure deletes rows whose window and lock have passed, and keeps the rest (window 60 s, lock 300 s)", async () => {
    const scope = `test-purge-${counter++}`;
    const throttle = createLoginThrottle({
      scope,
      freeFailures: 1,
      baseSeconds: 300,
      maxSeconds: 300,
      windowSeconds: 60,
    });
    await throttle.fail(db, "stale", at(0));
    await throttle.fail(db, "locked", at(0));
    await throttle.fail(db, "locked", at(0));
    await throttle.fail(db, "fresh", at(50));
    expect(await rowsIn(scope)).toBe(3);
    await throttle.fail(db, "trigger", at(100));
    expect(await rowsIn(scope)).toBe(3);
    expect(await throttle.wait(db, "locked", at(100))).toBe(200);
    await throttle.succeed(db, "trigger");
    expect(await rowsIn(scope)).toBe(2);
  });
});
