/** The cookies Auth.js keeps the session in (the `__Secure-` one over HTTPS; long ones split into `.0`, `.1`…). */
export const SESSION_COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function isSessionCookie(name: string): boolean {
  return SESSION_COOKIE_NAMES.some((prefix) => name.startsWith(prefix));
}
