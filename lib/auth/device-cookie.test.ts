import { describe, expect, it } from "vitest";
import { signDevice, verifyDevice } from "./device-cookie";

const SECRET = "a-test-secret-of-enough-length-000";

describe("the device cookie", () => {
  it("names the account it was issued for, and only that one", () => {
    const value = signDevice(SECRET, "Ada@Example.test", "nonce-1");
    expect(verifyDevice(SECRET, value, "ada@example.test")).toBe("nonce-1");
    expect(verifyDevice(SECRET, value, "eve@example.test")).toBeNull();
  });

  it("is refused when forged, altered, signed with another secret, or absent", () => {
    const value = signDevice(SECRET, "ada@example.test", "nonce-1");
    const [account, , signature] = value.split(".");
    expect(verifyDevice(SECRET, `${account}.nonce-2.${signature}`, "ada@example.test")).toBeNull();
    expect(verifyDevice("another-secret-of-enough-length-00", value, "ada@example.test")).toBeNull();
    expect(verifyDevice(SECRET, `${value}.x`, "ada@example.test")).toBeNull();
    expect(verifyDevice(SECRET, "garbage", "ada@example.test")).toBeNull();
    expect(verifyDevice(SECRET, undefined, "ada@example.test")).toBeNull();
  });
});
