/** Whether a session ended with a password change: it was signed in before the member's sessions were revoked. */
export const signedInBeforeRevocation = (signedInAtSeconds: number, sessionsValidAfter: Date | null) =>
  sessionsValidAfter !== null && signedInAtSeconds * 1000 < sessionsValidAfter.getTime();
