import { describe, expect, it } from "vitest";
import { createMember } from "@/testing/factories";
import { authenticate } from "./credentials";

describe("sign-in with email and password", () => {
  it("the right password signs the member in, whatever the email's case", async () => {
    const member = await createMember({ email: "ines@example.test", password: "a long password 1", role: "manager" });
    expect(await authenticate({ email: " Ines@Example.TEST ", password: "a long password 1" })).toEqual({
      id: member.id,
      name: member.name,
      email: "ines@example.test",
      role: "manager",
    });
  });

  it("a wrong password, an unknown email and a deactivated member are all refused alike", async () => {
    await createMember({ email: "jonas@example.test", password: "jonas password 1" });
    await createMember({ email: "gone@example.test", password: "gone password 12", active: false });
    expect(await authenticate({ email: "jonas@example.test", password: "wrong" })).toBeNull();
    expect(await authenticate({ email: "nobody@example.test", password: "jonas password 1" })).toBeNull();
    expect(await authenticate({ email: "gone@example.test", password: "gone password 12" })).toBeNull();
  });

  it("malformed input is refused without a query error", async () => {
    expect(await authenticate({ email: "not-an-email", password: "x" })).toBeNull();
    expect(await authenticate(undefined)).toBeNull();
  });
});
