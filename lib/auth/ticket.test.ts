import { describe, expect, it } from "vitest";
import { generate } from "otplib";
import { issueTicket, readTicket } from "./ticket";
import { hashRecoveryCode, isRecoveryCode, newRecoveryCodes, newTotpSecret, verifyTotp } from "./two-factor";

const SECRET = "a-test-secret-of-enough-length-000";

describe("sign-in tickets", () => {
  it("name the member while genuine, of their purpose and unexpired", () => {
    const now = Date.parse("2026-12-01T10:00:00Z");
    const ticket = issueTicket(SECRET, 42, "needs-code", 300, now);
    expect(readTicket(SECRET, ticket, "needs-code", now + 299_000)).toBe(42);
    expect(readTicket(SECRET, ticket, "needs-code", now + 301_000)).toBeNull();
    expect(readTicket(SECRET, ticket, "signed-in", now)).toBeNull();
    expect(readTicket("another-secret-of-enough-length-00", ticket, "needs-code", now)).toBeNull();
    expect(readTicket(SECRET, ticket.replace(".42.", ".43."), "needs-code", now)).toBeNull();
    expect(readTicket(SECRET, undefined, "needs-code", now)).toBeNull();
  });
});

describe("two-factor codes", () => {
  it("a current code is good once: the same time step again is refused", async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret });
    const step = await verifyTotp(secret, code, null);
    expect(step).not.toBeNull();
    expect(await verifyTotp(secret, code, step)).toBeNull();
    const wrong = String((Number(code) + 500_000) % 1_000_000).padStart(6, "0");
    expect(await verifyTotp(secret, wrong, null)).toBeNull();
    expect(await verifyTotp(secret, "12345", null)).toBeNull();
  });

  it("recovery codes are ten, distinct, recognisable, and hashed the same however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(isRecoveryCode(code)).toBe(true);
    expect(hashRecoveryCode(` ${codes[0].toUpperCase()} `)).toBe(hashRecoveryCode(codes[0]));
    expect(isRecoveryCode("123456")).toBe(false);
  });
});
