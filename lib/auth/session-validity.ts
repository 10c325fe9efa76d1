/**
 * Whether a session ended with a password change: it was signed in before the member's sessions
 * were revoked. Both instants are the app's clock to the millisecond, so a session signed in a
 * moment before the change, in the same second, ends too.
 */
export const signedInBeforeRevocation = (signedInAtMs: number, sessionsValidAfter: Date | null) =>
  sessionsValidAfter !== null && signedInAtMs < sessionsValidAfter.getTime();
