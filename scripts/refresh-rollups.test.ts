import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * `npm run refresh` (cron) runs the server's code under React's server condition, where a module
 * that pulls React's client half (next-intl's React entry, say) fails to load. The whole refresh
 * module graph must load there.
 */
describe("npm run refresh, as cron runs it", () => {
  it("the refresh's modules load under the react-server condition", () => {
    const run = spawnSync(
      process.execPath,
      [
        "node_modules/tsx/dist/cli.mjs",
        "--conditions=react-server",
        "--eval",
        'import("./server/system/periodic-refresh.ts").then(() => console.log("loaded"));',
      ],
      {
        env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" },
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("loaded");
  });
});
