import "server-only";
import type { Queryable } from "@/db";
import { accountThrottle, addressThrottle, deviceThrottle } from "./throttle";

/**
 * Who is trying to sign in: the account, the client's address (null when unknown: no shared key
 * stands in for it), and the device's nonce when the browser holds a genuine device cookie for
 * this account (lib/auth/device-cookie.ts).
 */
export type SignInAttempt = { email: string; address: string | null; device: string | null };

const deviceKey = ({ email, device }: SignInAttempt) => `${email}:${device}`;

/**
 * Seconds before this attempt may check its password; 0 to go on. A known device answers only for
 * its own failures, so nobody can lock an account's owner out from elsewhere; unknown devices face
 * the back-off per address and per account.
 */
export async function admitSignIn(db: Queryable, attempt: SignInAttempt, now?: Date): Promise<number> {
  if (attempt.device) return deviceThrottle.attempt(db, deviceKey(attempt), now);
  const addressWait = attempt.address ? await addressThrottle.wait(db, attempt.address, now) : 0;
  return addressWait || accountThrottle.attempt(db, attempt.email, now);
}

export async function signInFailed(db: Queryable, attempt: SignInAttempt, now?: Date): Promise<void> {
  if (!attempt.device && attempt.address) await addressThrottle.fail(db, attempt.address, now);
}

export async function signInSucceeded(db: Queryable, attempt: SignInAttempt): Promise<void> {
  if (attempt.device) await deviceThrottle.succeed(db, deviceKey(attempt));
  else await accountThrottle.succeed(db, attempt.email);
}
