import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("where a saved form returns to", () => {
  it("the delight queue with its search and page, or a customer's page", () => {
    expect(safeReturnPath("/delight?q=acme&queuePage=3")).toBe("/delight?q=acme&queuePage=3");
    expect(safeReturnPath("/delight")).toBe("/delight");
    expect(safeReturnPath("/customers/42")).toBe("/customers/42");
  });
  it("never another site or another page", () => {
    for (const bad of [
      "//evil.test",
      "https://evil.test",
      "/delightful",
      "/customers/x",
      "/settings",
      "/delight?next=//x",
      "/delight\\x",
      7,
    ])
      expect(safeReturnPath(bad), String(bad)).toBeNull();
  });
});
