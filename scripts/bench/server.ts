import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chromium, type Cookie } from "@playwright/test";
import { DEMO_MEMBERS, DEMO_PASSWORD } from "@/lib/demo/members";
import type { MemberRole } from "@/lib/permissions";
import { findChromium } from "@/e2e/chromium-path";

export type AppServer = { origin: string; process: ChildProcess; stop: () => void };

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/**
 * `npm start` (one server process per core) on the production build against the bench database,
 * like a real install. With `sqlLog`, one process that writes every statement it runs to that file
 * and does no periodic refresh: the server the benchmark reads each page's SQL from.
 */
export async function startApp(
  databaseUrl: string,
  port: number,
  { sqlLog }: { sqlLog?: string } = {},
): Promise<AppServer> {
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true",
    DATABASE_URL: databaseUrl,
    // The benchmark's own clients would otherwise hit the per-token API limit.
    API_RATE_BURST: "100000",
    API_RATE_PER_SECOND: "100000",
    ...(sqlLog
      ? { HOURGLASS_SQL_LOG: sqlLog, WEB_CONCURRENCY: "1", HOURGLASS_PERIODIC_REFRESH: "off", HOURGLASS_JOBS: "off" }
      : {}),
  };
  const child = spawn(process.execPath, ["scripts/start.mjs", "-p", String(port)], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const status = await fetch(`${origin}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { origin, process: child, stop: () => child.kill() };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  child.kill();
  throw new Error("The app did not answer /api/health within 2 minutes.");
}

/** Signs in through the real form in Chromium and hands back the session cookie for plain HTTP clients. */
export async function signIn(origin: string, role: MemberRole): Promise<{ header: string; cookies: Cookie[] }> {
  const member = DEMO_MEMBERS.find((m) => m.role === role);
  if (!member) throw new Error(`No demo member with the role ${role}.`);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/login`);
    await page.getByLabel("Email").fill(member.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("current-member").waitFor({ timeout: 60_000 });
    const cookies = await page.context().cookies();
    return { header: cookies.map((c) => `${c.name}=${c.value}`).join("; "), cookies };
  } finally {
    await browser.close();
  }
}
