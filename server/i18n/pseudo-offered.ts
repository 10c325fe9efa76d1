import "server-only";

/** The pseudo-locale (lib/i18n/pseudo.ts) is a test language: offered only where this is set. */
export const pseudoLocaleOffered = () => process.env.HOURGLASS_PSEUDO_LOCALE === "on";
