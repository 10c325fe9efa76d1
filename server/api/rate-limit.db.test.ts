import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { apiTokens } from "@/db/schema";
import { separateConnections } from "@/testing/separate-connections";
import { createRateLimiter } from "./rate-limit";

type Limiter = ReturnType<typeof createRateLimiter>;
/** The seconds a take says to wait (0: it passed). */
const waitOf = async (limiter: Limiter, ...args: Parameters<Limiter["take"]>): Promise<number> =>
  (await limiter.take(...args)).wait;

const T0 = Date.parse("2026-03-01T09:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);
let counter = 0;

async function tokenId(): Promise<number> {
  const name = `bucket ${Date.now().toString(36)}${(counter++).toString(36)}`;
  const [token] = await db
    .insert(apiTokens)
    .values({ name, tokenHash: `hash-${name}`, prefix: "hg_test", scopes: ["read"] })
    .returning();
  return token.id;
}

describe("API rate limit, shared through the database", () => {
  it("3 requests at once pass, the 4th waits 1 s at 1 per second, and passes again a second later", async () => {
    const limiter = createRateLimiter({ capacity: 3, perSecond: 1 });
    const [a, b] = [await tokenId(), await tokenId()];
    expect([
      await waitOf(limiter, db, a, at(0)),
      await waitOf(limiter, db, a, at(0)),
      await waitOf(limiter, db, a, at(0)),
    ]).toEqual([0, 0, 0]);
    expect(await waitOf(limiter, db, a, at(0))).toBe(1);
    expect(await waitOf(limiter, db, b, at(0))).toBe(0);
    expect(await waitOf(limiter, db, a, at(1))).toBe(0);
  });

  it("Retry-After rounds up: at 0.4 per second an empty bucket waits ⌈1 / 0.4⌉ = 3 s, a second later ⌈0.6 / 0.4⌉ = 2 s", async () => {
    const limiter = createRateLimiter({ capacity: 1, perSecond: 0.4 });
    const id = await tokenId();
    expect(await waitOf(limiter, db, id, at(0))).toBe(0);
    expect(await waitOf(limiter, db, id, at(0))).toBe(3);
    expect(await waitOf(limiter, db, id, at(1))).toBe(2);
  });

  it("refills up to the capacity only: after an idle hour 3 pass and the 4th waits 1 s", async () => {
    const limiter = createRateLimiter({ capacity: 3, perSecond: 1 });
    const id = await tokenId();
    for (let i = 0; i < 3; i++) await waitOf(limiter, db, id, at(0));
    const later = await Promise.all([0, 1, 2, 3].map(() => waitOf(limiter, db, id, at(3600))));
    expect(later.sort()).toEqual([0, 0, 0, 1]);
  });

  it("every app process draws from the same bucket: 2 taken by one limiter leave 1 of 3 to another", async () => {
    const [first, second] = [
      createRateLimiter({ capacity: 3, perSecond: 1 }),
      createRateLimiter({ capacity: 3, perSecond: 1 }),
    ];
    const id = await tokenId();
    await waitOf(first, db, id, at(0));
    await waitOf(first, db, id, at(0));
    expect([await waitOf(second, db, id, at(0)), await waitOf(second, db, id, at(0))]).toEqual([0, 1]);
  });

  it("25 requests in parallel on separate connections against a bucket of 10: exactly 10 pass, 15 wait 1 s", async () => {
    const limiter = createRateLimiter({ capacity: 10, perSecond: 1 });
    const id = await tokenId();
    const runners = separateConnections(5);
    const waits = await Promise.all(
      Array.from({ length: 25 }, (_, i) => waitOf(limiter, runners[i % runners.length], id, at(0))),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(10);
    expect(waits.filter((wait) => wait === 1)).toHaveLength(15);
  });

  it("reports the bucket: of 3 at 1 per second, after 2 taken 1 remains and it is full again in 2 s; refused, 0 remain and it is full in 3 s", async () => {
    const limiter = createRateLimiter({ capacity: 3, perSecond: 1 });
    const id = await tokenId();
    await limiter.take(db, id, at(0));
    expect(await limiter.take(db, id, at(0))).toEqual({ wait: 0, limit: 3, remaining: 1, reset: 2 });
    await limiter.take(db, id, at(0));
    expect(await limiter.take(db, id, at(0))).toEqual({ wait: 1, limit: 3, remaining: 0, reset: 3 });
  });
});
