import { describe, expect, it } from "vitest";
import { readSectionLimits } from "./search-params";

describe("My day's section sizes from the URL", () => {
  it("shows 25 per section unless a section asks for more, between 25 and 500", () => {
    expect(readSectionLimits({})).toEqual({ overdue: 25, today: 25, week: 25, later: 25 });
    expect(readSectionLimits({ "show-overdue": "75", "show-later": "abc" })).toEqual({
      overdue: 75,
      today: 25,
      week: 25,
      later: 25,
    });
    expect(readSectionLimits({ "show-today": "100000", "show-week": "-3" })).toEqual({
      overdue: 25,
      today: 500,
      week: 25,
      later: 25,
    });
  });
});
