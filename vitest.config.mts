import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const resolve = {
  alias: {
    "@": root,
    // Outside Next's react-server build `server-only` throws on import; the tests run server code directly.
    "server-only": path.join(root, "testing/server-only-stub.ts"),
  },
};
const include = "{app,components,server,db,lib,scripts,testing}/**/";

export default defineConfig({
  test: {
    env: { NEXT_TELEMETRY_DISABLED: "1" },
    // Vitest's default (cores − 1) runs one file at a time on 2 cores, while the database tests spend
    // most of their time waiting on PostgreSQL: two at once took the suite from 468 to 263 s there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: [`${include}*.test.ts`],
          exclude: [`${include}*.db.test.ts`, "node_modules/**"],
        },
      },
      {
        resolve,
        // *.db.test.ts run against a real PostgreSQL: a fresh database per file (testing/).
        test: {
          name: "db",
          include: [`${include}*.db.test.ts`],
          globalSetup: ["testing/global-setup.ts"],
          setupFiles: ["testing/setup.ts"],
          // A whole-book write (a fitted scoring rebuilds every balance) on two busy cores has needed more than 30 s.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
