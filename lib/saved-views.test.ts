import { describe, expect, it } from "vitest";
import { SAVED_VIEW_LIST_INFO, SAVED_VIEW_LISTS, showsView, viewHref, viewQuery } from "./saved-views";
import { saveViewSchema } from "./validation/saved-views";

describe("Saved views: only a list's own filters and sort are kept", () => {
  it("risk: keeps view, owner, stage, plan, minMrr, sort and dir in that order; drops page, empty and unknown parameters", () => {
    expect(
      viewQuery("risk", "?dir=asc&page=3&plan=growth&stage=&utm=x&view=watch&owner=all&minMrr=500&sort=mrr&stage=2"),
    ).toBe("view=watch&owner=all&plan=growth&minMrr=500&sort=mrr&dir=asc");
  });

  it("each list keeps exactly the parameters its page reads", () => {
    const everything = new URLSearchParams(
      [
        "view=watch&owner=7&stage=3&plan=pro&minMrr=1&sort=mrr&dir=desc&q=acme&status=active&balanceBelow=0",
        "assignee=all&priority=high&source=playbook&queue=mine&role=2&model=cvj&cohort=2026-01&page=2&queuePage=4",
        "logPage=2&cursor=abc&kind=debits",
      ].join("&"),
    );
    const kept = Object.fromEntries(
      SAVED_VIEW_LISTS.map((list) => [list, [...new URLSearchParams(viewQuery(list, everything)).keys()]]),
    );
    expect(kept).toEqual({
      risk: ["view", "owner", "stage", "plan", "minMrr", "sort", "dir"],
      customers: ["q", "owner", "stage", "status", "plan", "balanceBelow", "sort", "dir"],
      tasks: ["assignee", "priority", "source"],
      delight: ["queue", "q"],
      advocates: ["role", "status", "q"],
      journey: ["model", "owner", "plan", "cohort", "status", "stage"],
    });
  });

  it("keeps the first of repeated values, trims them, and drops values over 200 characters or with a NUL", () => {
    expect(viewQuery("customers", "q=%20acme%20&q=other&plan=" + "x".repeat(201) + "&status=active%00")).toBe("q=acme");
  });

  it("the same filters in another order with a page number give the same query, so the URL matches its view", () => {
    const view = { list: "customers" as const, query: viewQuery("customers", "plan=pro&q=big spender") };
    expect(viewHref(view)).toBe("/customers?q=big+spender&plan=pro");
    expect(showsView(view, "/customers", "page=2&plan=pro&q=big%20spender&status=")).toBe(true);
    expect(showsView(view, "/customers", "plan=pro")).toBe(false);
    expect(showsView(view, "/risk", "plan=pro&q=big+spender")).toBe(false);
  });

  it("a view without filters opens its list as it starts", () => {
    expect(viewHref({ list: "tasks", query: "" })).toBe(SAVED_VIEW_LIST_INFO.tasks.path);
  });

  it("the save form's query is cut down before it is stored", () => {
    const parsed = saveViewSchema.parse({ list: "journey", query: "model=cvj&page=9&x=1", name: "CVJ" });
    expect(parsed).toEqual({ list: "journey", query: "model=cvj", name: "CVJ", shared: false, pinned: false });
  });
});
