import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Playwright's own Chromium if installed, else the system one (Debian's `chromium`). */
export function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    safe(() => chromium.executablePath()),
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

function safe(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
