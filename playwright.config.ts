import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/chromium-path";

const port = Number(process.env.E2E_PORT ?? 3210);

// Run through `npm run test:e2e` (scripts/e2e.ts): it prepares a fresh database and the build.
export default defineConfig({
  testDir: "e2e",
  forbidOnly: true,
  retries: 0,
  // One worker: the embedded database serves one process, and on 2 cores a second browser
  // competing with the server made timings flaky.
  workers: 1,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    // Kept for a failed test only, without the screencast (a seventh of the suite's time on two cores).
    trace: { mode: "retain-on-failure", screenshots: false },
    launchOptions: {
      executablePath: findChromium(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `node scripts/start.mjs -p ${port}`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
