import { createHash, randomBytes } from "node:crypto";

export const API_SCOPES = ["read", "write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** A new token: shown once to its creator, only its hash is stored. */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = `hg_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, 10) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
