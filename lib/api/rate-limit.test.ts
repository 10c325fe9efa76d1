import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("API rate limit", () => {
  it("3 requests at once pass, the 4th waits 1 s at 1 per second, and passes again a second later", () => {
    const limiter = createRateLimiter({ capacity: 3, perSecond: 1 });
    expect([limiter.take("a", 0), limiter.take("a", 0), limiter.take("a", 0)]).toEqual([0, 0, 0]);
    expect(limiter.take("a", 0)).toBe(1);
    expect(limiter.take("b", 0)).toBe(0);
    expect(limiter.take("a", 1000)).toBe(0);
  });
});
