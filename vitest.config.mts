import { availableParallelism } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const resolve = {
  alias: {
    "@": root,
    // Outside Next's react-server build `server-only` throws on import; the tests run server code directly.
    "server-only": path.join(root, "testing/server-only-stub.ts"),
    // As in next.config.js: catalogs are compiled, so use-intl formats them without a parser.
    "use-intl/format-message": createRequire(import.meta.url).resolve("use-intl/format-message/format-only"),
  },
};
// use-intl imports its formatter by package name: it must go through Vite for the alias to reach it.
const server = { deps: { inline: ["use-intl", "next-intl"] } };
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
          server,
          name: "unit",
          include: [`${include}*.test.ts`],
          exclude: [`${include}*.db.test.ts`, "node_modules/**"],
        },
      },
      {
        resolve,
        // *.db.test.ts run against a real PostgreSQL: a fresh database per file (testing/).
        test: {
          server,
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
