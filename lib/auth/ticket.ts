import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A short-lived, signed statement that the server checked something about a member: "signed-in"
 * (password, and code where needed, verified: Auth.js then issues the session) or "needs-code"
 * (password verified, the authenticator's code still to come).
 */
export type TicketPurpose = "signed-in" | "needs-code";

const mac = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(`ticket:${payload}`).digest("base64url");

export function issueTicket(
  secret: string,
  memberId: number,
  purpose: TicketPurpose,
  seconds: number,
  now = Date.now(),
) {
  const payload = `${purpose}.${memberId}.${Math.floor(now / 1000) + seconds}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The member id the ticket is for, while it is genuine, of this purpose and not expired; else null. */
export function readTicket(secret: string, ticket: unknown, purpose: TicketPurpose, now = Date.now()): number | null {
  if (typeof ticket !== "string") return null;
  const [kind, id, expires, signature, extra] = ticket.split(".");
  if (kind !== purpose || !id || !expires || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, `${kind}.${id}.${expires}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (Number(expires) * 1000 < now) return null;
  const memberId = Number(id);
  return Number.isSafeInteger(memberId) && memberId > 0 ? memberId : null;
}
