import { describe, expect, it } from "vitest";
import { createLoginThrottle } from "./throttle";

describe("sign-in throttling", () => {
  it("5 free failures, then 30 s, 60 s, 120 s … capped at 900 s; success clears it", () => {
    const throttle = createLoginThrottle({ freeFailures: 5 });
    let now = 0;
    for (let i = 0; i < 5; i++) throttle.fail("a", now);
    expect(throttle.wait("a", now)).toBe(0);
    throttle.fail("a", now);
    expect(throttle.wait("a", now)).toBe(30);
    now += 30_000;
    throttle.fail("a", now);
    expect(throttle.wait("a", now)).toBe(60);
    for (let i = 0; i < 10; i++) throttle.fail("a", now);
    expect(throttle.wait("a", now)).toBe(900);
    throttle.succeed("a");
    expect(throttle.wait("a", now)).toBe(0);
  });

  it("failures older than the 15-minute window start over", () => {
    const throttle = createLoginThrottle({ freeFailures: 1 });
    throttle.fail("b", 0);
    throttle.fail("b", 16 * 60_000);
    expect(throttle.wait("b", 16 * 60_000)).toBe(0);
  });
});
