import { describe, expect, it } from "vitest";
import { addDays, localDay } from "./tasks";

describe("the member's calendar day", () => {
  it("2026-12-01 23:30 UTC is 2 December in Istanbul (UTC+3) and 1 December in New York", () => {
    const at = new Date("2026-12-01T23:30:00Z");
    expect(localDay(at, "Europe/Istanbul")).toBe("2026-12-02");
    expect(localDay(at, "America/New_York")).toBe("2026-12-01");
    expect(localDay(at, "UTC")).toBe("2026-12-01");
  });
  it("adding days crosses months and leap days: 2028-02-28 + 1 = 02-29, 2026-12-31 + 1 = 2027-01-01, 03-01 − 1 = 02-28", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
