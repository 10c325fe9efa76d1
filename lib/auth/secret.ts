/** The Auth.js secret, which also signs device cookies and sign-in tickets; the server does not start without it. */
export function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set.");
  return secret;
}
