import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { admitSignIn, type SignInAttempt, signInFailed, signInSucceeded } from "./sign-in-gate";

let counter = 0;
const unique = (name: string) => `${name}-${Date.now().toString(36)}${(counter++).toString(36)}@example.test`;

/** One wrong password, as the sign-in action goes through it. */
async function failOnce(attempt: SignInAttempt): Promise<number> {
  const wait = await admitSignIn(db, attempt);
  if (wait === 0) await signInFailed(db, attempt);
  return wait;
}

describe("sign-in lockout that cannot be weaponised (device cookies)", () => {
  it("a stranger's 50 failures lock the stranger out, and not the owner's known browser", async () => {
    const email = unique("owner");
    const stranger: SignInAttempt = { email, address: `198.51.100.${counter % 250}`, device: null };
    const waits: number[] = [];
    for (let i = 0; i < 50; i++) waits.push(await failOnce(stranger));
    // 5 free attempts, then the account answers unknown devices with a wait.
    expect(waits.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(waits.slice(6).every((wait) => wait > 0)).toBe(true);
    expect(await admitSignIn(db, stranger)).toBeGreaterThan(0);
    // Even from the same address as the stranger, the owner's browser with its device cookie goes in.
    const owner: SignInAttempt = { email, address: stranger.address, device: "owner-nonce" };
    expect(await admitSignIn(db, owner)).toBe(0);
    await signInSucceeded(db, owner);
    // The stranger is still locked out.
    expect(await admitSignIn(db, stranger)).toBeGreaterThan(0);
  });

  it("a known device is locked by its own failures only: 5 free, then a wait; another device of the account is not", async () => {
    const email = unique("device");
    const phone: SignInAttempt = { email, address: "203.0.113.9", device: "phone" };
    const laptop: SignInAttempt = { email, address: "203.0.113.9", device: "laptop" };
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) waits.push(await failOnce(phone));
    expect(waits.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(waits[7]).toBeGreaterThan(0);
    expect(await admitSignIn(db, laptop)).toBe(0);
  });

  it("an unknown address gives no shared key: the account's limit still holds", async () => {
    const email = unique("nowhere");
    const attempt: SignInAttempt = { email, address: null, device: null };
    for (let i = 0; i < 6; i++) await failOnce(attempt);
    expect(await admitSignIn(db, attempt)).toBeGreaterThan(0);
    expect(await admitSignIn(db, { email: unique("other"), address: null, device: null })).toBe(0);
  });
});
