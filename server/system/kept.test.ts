import { afterEach, describe, expect, it, vi } from "vitest";
import { keptFor } from "./kept";

afterEach(() => vi.useRealTimers());

describe("keptFor", () => {
  it("computes once per key within the time, again after it, and keeps no failure", async () => {
    vi.useFakeTimers();
    const kept = keptFor<number>(1000);
    let calls = 0;
    const compute = async () => ++calls;
    expect((await kept("a", compute)).value).toBe(1);
    expect((await kept("a", compute)).value).toBe(1);
    expect((await kept("b", compute)).value).toBe(2);
    vi.advanceTimersByTime(1000);
    expect((await kept("a", compute)).value).toBe(3);
    await expect(kept("c", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect((await kept("c", compute)).value).toBe(4);
  });
});
