/** Where members reach this Hourglass, for links in emails and webhooks (AUTH_URL, as Auth.js reads it). */
export const baseUrl = () =>
  (process.env.AUTH_URL ?? process.env.HOURGLASS_URL ?? "http://localhost:3000").replace(/\/$/, "");
