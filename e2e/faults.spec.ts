import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { get } from "node:http";
import { availableParallelism } from "node:os";
import { startPrivatePostgres, type PrivatePostgres } from "@/testing/private-postgres";
import { demoMember, expect, LoginPage, test } from "./fixtures";

// A second app server on a PostgreSQL of this spec's own, so stopping the database disturbs no other test.
const port = Number(process.env.E2E_FAULT_PORT ?? 3299);
const origin = `http://localhost:${port}`;
let database: PrivatePostgres;
let app: ChildProcess;

async function waitForHealth(expected: number) {
  await expect
    .poll(
      async () =>
        await fetch(`${origin}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(expected);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await startPrivatePostgres();
  const env = { ...process.env, DATABASE_URL: database.url };
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/seed.ts", "--customers", "20"], {
    env,
    stdio: "pipe",
  });
  app = spawn(process.execPath, ["scripts/start.mjs", "-p", String(port)], { env, stdio: "ignore" });
  await waitForHealth(200);
});

test.afterAll(() => {
  app?.kill();
  database?.destroy();
});

test("while PostgreSQL is down every page says the database is unavailable and health is 503; the page comes back by itself", async ({
  page,
}) => {
  const member = demoMember("csm");
  await new LoginPage(page).signInAs("csm", `${origin}/login`);

  database.stop();
  await waitForHealth(503);
  await page.goto(`${origin}/customers`);
  await expect(page.getByRole("heading", { name: "The database is unavailable" })).toBeVisible();
  await expect(page.getByText("comes back by itself")).toBeVisible();

  database.start();
  // No reload: the page notices the database is back and renders the customers.
  await expect(page.getByRole("heading", { name: "Customers" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("current-member")).toContainText(member.name);
  await waitForHealth(200);
});

test("the server runs one process per core, and one that dies is replaced while the others keep answering", async () => {
  const workers = () =>
    execFileSync("ps", ["-o", "pid=", "--ppid", String(app.pid)])
      .toString()
      .split("\n")
      .map((line) => Number(line.trim()))
      .filter(Boolean);
  await expect.poll(() => workers().length, { timeout: 30_000 }).toBe(availableParallelism());
  const before = workers();
  process.kill(before[0], "SIGKILL");
  await expect.poll(() => workers().includes(before[0]), { timeout: 10_000, intervals: [20] }).toBe(false);
  // Once it is gone, new visitors are answered by the others (and by its replacement when ready).
  const statuses = await Promise.all(Array.from({ length: 10 }, () => healthOnNewConnection()));
  expect(statuses).toEqual(Array(10).fill(200));
  await expect.poll(() => workers().length, { timeout: 60_000 }).toBe(before.length);
});

/** Each call on a connection of its own, as a new visitor's browser would open. */
function healthOnNewConnection(): Promise<number> {
  return new Promise((resolve) => {
    get(`${origin}/api/health`, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on("error", () => resolve(0));
  });
}
