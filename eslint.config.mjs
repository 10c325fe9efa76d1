import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import i18next from "eslint-plugin-i18next";

// The floors, each importing only the floors below it (docs/architecture.md):
// app → components → server → db → lib. Tests may reach anywhere.
const FLOORS = ["app", "components", "server", "db", "lib"];
const below = (floor) => FLOORS.slice(FLOORS.indexOf(floor) + 1);
const above = (floor) => FLOORS.slice(0, FLOORS.indexOf(floor));
const floorZones = FLOORS.filter((floor) => above(floor).length > 0).map((floor) => ({
  target: `./${floor}`,
  from: [...above(floor).map((upper) => `./${upper}`), "./testing", "./scripts", "./e2e"],
  message: `${floor}/ may import only ${
    below(floor).length
      ? below(floor)
          .map((f) => `${f}/`)
          .join(", ")
      : "pure modules and packages"
  }: move the code down a floor, or pass what it needs in.`,
}));

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "components/**", "server/**", "db/**", "lib/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "import/no-restricted-paths": ["error", { zones: floorZones }] },
  },
  {
    // lib/ is pure: domain math, validation, formatting. No database, network, files or framework.
    files: ["lib/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "drizzle-orm",
                "drizzle-orm/*",
                "postgres",
                "@electric-sql/*",
                "next",
                "next/*",
                "next-auth",
                "next-auth/*",
                "react",
                "server-only",
              ],
              message: "lib/ holds pure modules: no database, framework or I/O. Put this in server/ or db/.",
            },
            {
              group: [
                "node:fs",
                "node:fs/*",
                "node:child_process",
                "node:net",
                "node:http",
                "node:https",
                "fs",
                "child_process",
              ],
              message: "lib/ holds pure modules: no file or network I/O.",
            },
          ],
        },
      ],
    },
  },
  {
    // One kind of link: components/ui/link.tsx prefetches on intent, not on sight.
    files: ["app/**", "components/**"],
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: 'Use { Link } from "@/components/ui/link".' }] },
      ],
    },
  },
  {
    // Every word a person reads comes from a catalog (messages/): text between tags and the
    // attributes people read or hear. Strings without a letter ("—", "·", "×") are not words.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-text-only",
          "jsx-attributes": { include: ["aria-label", "placeholder", "title", "alt", "label", "aria-description"] },
          words: { exclude: [/^[^\p{L}]*$/u] },
        },
      ],
    },
  },
  {
    // Playwright fixtures receive a callback named `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    ".data/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
