import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..");
const floor = JSON.parse(readFileSync(path.join(root, "security/version-floor.json"), "utf8")).floor as Record<
  string,
  string
>;

/** Compares x.y.z[-pre.N] versions: a prerelease sorts before its release. */
function compare(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split("-");
    return {
      core: core.split(".").map(Number),
      pre: pre ? pre.split(".").map((p) => (Number.isNaN(Number(p)) ? p : Number(p))) : null,
    };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i] - y.core[i];
  if (!x.pre || !y.pre) return x.pre ? -1 : y.pre ? 1 : 0;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const [p, q] = [x.pre[i], y.pre[i]];
    if (p === q) continue;
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    return typeof p === "number" && typeof q === "number" ? p - q : String(p).localeCompare(String(q));
  }
  return 0;
}

describe("patched versions", () => {
  it("the version comparison orders releases and prereleases: 16.4.6 > 16.4.5, 5.0.0-beta.32 > 5.0.0-beta.9, 5.0.0 > 5.0.0-beta.32", () => {
    expect(compare("16.4.6", "16.4.5")).toBeGreaterThan(0);
    expect(compare("5.0.0-beta.32", "5.0.0-beta.9")).toBeGreaterThan(0);
    expect(compare("5.0.0", "5.0.0-beta.32")).toBeGreaterThan(0);
    expect(compare("16.3.9", "16.4.0")).toBeLessThan(0);
  });

  it.each(Object.entries(floor))("the installed %s is at or above the patched floor %s", (name, minimum) => {
    const installed = JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8"))
      .version as string;
    expect(compare(installed, minimum), `${name} ${installed} < ${minimum}`).toBeGreaterThanOrEqual(0);
  });
});
