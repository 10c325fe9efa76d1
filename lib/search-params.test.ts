import { z } from "zod";
import { describe, expect, it } from "vitest";
import { idParam, pageParam, param, withParams } from "./search-params";

describe("URL parameters", () => {
  it("an empty 'balance below' field from the filter form means no filter, not 'below 0'", () => {
    expect(
      param({ balanceBelow: "" }, "balanceBelow", z.coerce.number().finite().optional(), undefined),
    ).toBeUndefined();
    expect(param({ balanceBelow: "-2" }, "balanceBelow", z.coerce.number().finite().optional(), undefined)).toBe(-2);
  });

  it("unreadable values fall back to the default", () => {
    expect(param({ page: "abc" }, "page", z.coerce.number().int().min(1), 1)).toBe(1);
  });

  it("ids and pages past what the database holds fall back to the default instead of overflowing a query", () => {
    expect(param({ owner: "99999999999" }, "owner", idParam(), 0)).toBe(0);
    expect(param({ stage: "40000" }, "stage", idParam("smallint"), 0)).toBe(0);
    expect(param({ stage: "12" }, "stage", idParam("smallint"), 0)).toBe(12);
    expect(param({ page: "1e300" }, "page", pageParam, 1)).toBe(1);
  });

  it("withParams keeps the other filters and drops emptied ones", () => {
    expect(withParams("/customers", { q: "ada", page: "3", plan: "" }, { page: undefined, sort: "mrr" })).toBe(
      "/customers?q=ada&sort=mrr",
    );
  });
});
