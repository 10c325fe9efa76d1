import { z } from "zod";
import { describe, expect, it } from "vitest";
import { idParam, ownerIdParam, pageParam, param, stageRangeParam, withParams } from "./search-params";

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

  it("owner: 'mine' is the member, 'all' or nothing is everyone, an id is that member, and the fallback applies only without the parameter", () => {
    expect(ownerIdParam({ owner: "mine" }, 7)).toBe(7);
    expect(ownerIdParam({ owner: "all" }, 7, "mine")).toBeUndefined();
    expect(ownerIdParam({}, 7)).toBeUndefined();
    expect(ownerIdParam({}, 7, "mine")).toBe(7);
    expect(ownerIdParam({ owner: "12" }, 7, "mine")).toBe(12);
    expect(ownerIdParam({ owner: "nobody" }, 7)).toBeUndefined();
  });

  it("stage: the chosen stage's milestone range, nothing for an unknown stage", () => {
    const stages = [
      { id: 3, fromMilestone: 1, toMilestone: 3 },
      { id: 4, fromMilestone: 4, toMilestone: 6 },
    ];
    expect(stageRangeParam({ stage: "4" }, stages)).toEqual({ from: 4, to: 6 });
    expect(stageRangeParam({ stage: "9" }, stages)).toBeUndefined();
    expect(stageRangeParam({}, stages)).toBeUndefined();
  });
});
