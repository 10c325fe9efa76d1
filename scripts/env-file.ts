import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const ENV_FILE = path.join(process.cwd(), ".env.local");

/**
 * Makes sure .env.local has a session secret (generated once, kept across restarts so sessions
 * survive) and trusts the host, as a self-hosted demo on localhost needs. Returns what it added.
 */
export function ensureDemoEnvFile(): string[] {
  const current = existsSync(ENV_FILE) ? readFileSync(ENV_FILE, "utf8") : "";
  const has = (key: string) => new RegExp(`^${key}=`, "m").test(current);
  const additions: string[] = [];
  if (!has("AUTH_SECRET")) additions.push(`AUTH_SECRET=${randomBytes(32).toString("base64")}`);
  if (!has("AUTH_TRUST_HOST")) additions.push("AUTH_TRUST_HOST=true");
  if (additions.length > 0) {
    const separator = current && !current.endsWith("\n") ? "\n" : "";
    writeFileSync(ENV_FILE, `${current}${separator}${additions.join("\n")}\n`, { mode: 0o600 });
  }
  return additions.map((line) => line.split("=")[0]);
}
