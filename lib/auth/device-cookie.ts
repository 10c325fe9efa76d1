import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * OWASP's device cookie: a browser that has signed in to an account holds a signed token naming
 * that account, so failures from elsewhere cannot lock it out (server/auth/sign-in-gate.ts).
 */
export const DEVICE_COOKIE = "hourglass-device";
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

const mac = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(`device:${payload}`).digest("base64url");

export const newDeviceNonce = () => randomBytes(16).toString("base64url");

/** The cookie's value for an account (by email) on one device (its nonce). */
export function signDevice(secret: string, email: string, nonce: string): string {
  const payload = `${Buffer.from(email.toLowerCase()).toString("base64url")}.${nonce}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The device's nonce when the cookie is genuine and names this account; null otherwise. */
export function verifyDevice(secret: string, value: string | undefined, email: string): string | null {
  const [account, nonce, signature, extra] = (value ?? "").split(".");
  if (!account || !nonce || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, `${account}.${nonce}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(account, "base64url").toString() === email.toLowerCase() ? nonce : null;
}
