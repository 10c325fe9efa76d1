// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- next.config.js is CommonJS */
const createNextIntlPlugin = require("next-intl/plugin");
const path = require("node:path");
/* eslint-enable @typescript-eslint/no-require-imports */

// Each request's language, time zone and catalog (server/i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package folder; bundled, every query fails.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // `npm test` type-checks before it builds for the browser tests; checking again there cost CI 25 s.
  typescript: { ignoreBuildErrors: process.env.HOURGLASS_BUILD_SKIP_TYPECHECK === "1" },
  reactStrictMode: true,
  turbopack: {
    resolveAlias: {
      // The catalogs are compiled once per process (lib/i18n/compile-catalog.ts): use-intl formats
      // them with its lean formatter instead of parsing ICU. Relative, as Turbopack needs it.
      "use-intl/format-message": `./${path.relative(__dirname, require.resolve("use-intl/format-message/format-only"))}`,
    },
  },
  // The Content-Security-Policy (with a per-request nonce) and HSTS come from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
