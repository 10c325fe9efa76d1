import { describe, expect, it } from "vitest";
import { exportRangeSchema } from "./exports";

describe("interactions export range", () => {
  it("takes two days in order from 2000 on; year 0 (which PostgreSQL rejects), reversed, or odd dates are refused", () => {
    expect(exportRangeSchema.safeParse({ from: "2026-01-01", to: "2026-01-31" }).success).toBe(true);
    for (const range of [
      { from: "0000-01-01", to: "2026-01-01" },
      { from: "1999-12-31", to: "2026-01-01" },
      { from: "2026-02-01", to: "2026-01-01" },
      { from: "2026-02-30", to: "2026-03-01" },
      { from: "2026-01-01\u0000", to: "2026-03-01" },
      { from: "yesterday", to: "today" },
    ]) {
      expect(exportRangeSchema.safeParse(range).success, JSON.stringify(range)).toBe(false);
    }
  });
});
