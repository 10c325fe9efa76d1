import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Playwright's own Chromium if installed, else the system one: Debian's `chromium-headless-shell`
 * for tests (the old headless shell, which took half the CPU of the full browser here and so halved
 * the browser suite on two cores), or the full `chromium` where a measurement wants the real browser.
 */
export function findChromium({ fullBrowser = false }: { fullBrowser?: boolean } = {}): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    safe(() => chromium.executablePath()),
    fullBrowser ? undefined : "/usr/bin/chromium-headless-shell",
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
