import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("callback URL after sign-in", () => {
  it.each([
    ["/risk?owner=mine", "/risk?owner=mine"],
    ["https://evil.example/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/login", "/"],
    [null, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});
