import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The floors (docs/architecture.md): app → components → server → db → lib, enforced by `npm run lint`.
// Each case lints a file that is not on disk, placed on a floor, with one import.
let eslint: ESLint;
// The first lint loads the config, parser and import resolver (3 s alone, over 5 s on a busy
// machine): done here, with room, so that each case times only its own lint.
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  await eslint.lintText("export const used = 1;\n", { filePath: "lib/fixture.ts" });
}, 60_000);

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = value;\n`, { filePath });
  return result.messages
    .filter((m) => m.ruleId === "import/no-restricted-paths" || m.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

describe("a wrong-way import fails lint", () => {
  it.each([
    ["lib/fixture.ts", 'import { db as value } from "@/db";', /lib\/ may import only pure modules/],
    ["lib/fixture.ts", 'import { sql as value } from "drizzle-orm";', /no database, framework or I\/O/],
    ["lib/fixture.ts", 'import { readFileSync as value } from "node:fs";', /no file or network I\/O/],
    ["db/fixture.ts", 'import { getRiskList as value } from "@/server/risk/queries";', /db\/ may import only lib\//],
    ["db/fixture.ts", 'import { getRiskList as value } from "../server/risk/queries";', /db\/ may import only lib\//],
    ["server/fixture.ts", 'import { RiskTable as value } from "@/components/risk/risk-table";', /server\/ may import/],
    ["components/fixture.tsx", 'import value from "@/app/(dashboard)/page";', /components\/ may import/],
    ["server/fixture.ts", 'import { createCustomer as value } from "@/testing/factories";', /server\/ may import/],
  ])("%s: %s", async (filePath, source, message) => {
    const errors = await importErrors(filePath, source);
    expect(errors.length, errors.join("\n")).toBe(1);
    expect(errors[0]).toMatch(message);
  });
});

describe("imports down the floors pass", () => {
  it.each([
    ["app/fixture.tsx", 'import { RiskTable as value } from "@/components/risk/risk-table";'],
    ["components/fixture.tsx", 'import { getRiskList as value } from "@/server/risk/queries";'],
    ["server/fixture.ts", 'import { db as value } from "@/db";'],
    ["db/fixture.ts", 'import { balanceFromInteractions as value } from "@/lib/ledger";'],
    ["lib/fixture.ts", 'import { z as value } from "zod";'],
  ])("%s: %s", async (filePath, source) => {
    expect(await importErrors(filePath, source)).toEqual([]);
  });
});
