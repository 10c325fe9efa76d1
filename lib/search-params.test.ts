import { z } from "zod";
import { describe, expect, it } from "vitest";
import { param, withParams } from "./search-params";

describe("URL parameters", () => {
  it("an empty 'balance below' field from the filter form means no filter, not 'below 0'", () => {
    expect(param({ balanceBelow: "" }, "balanceBelow", z.coerce.number().finite().optional(), undefined)).toBeUndefined();
    expect(param({ balanceBelow: "-2" }, "balanceBelow", z.coerce.number().finite().optional(), undefined)).toBe(-2);
  });

  it("unreadable values fall back to the default", () => {
    expect(param({ page: "abc" }, "page", z.coerce.number().int().min(1), 1)).toBe(1);
  });

  it("withParams keeps the other filters and drops emptied ones", () => {
    expect(withParams("/customers", { q: "ada", page: "3", plan: "" }, { page: undefined, sort: "mrr" })).toBe("/customers?q=ada&sort=mrr");
  });
});
