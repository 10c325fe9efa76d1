import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { MemberRole } from "@/lib/permissions";
import { expect, test } from "./fixtures";

/**
 * Every page a role can reach from the navigation, at a desktop and a phone size: no console error,
 * no serious or critical axe violation, no duplicate id, and on a phone no horizontal scrolling.
 * Pages are found by following links (one of each kind: /customers/12 stands for every customer).
 */
const ROLES: MemberRole[] = ["admin", "manager", "csm", "viewer"];
const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
const SKIP = /^\/(api|export)\/|\/export$|^\/login|\.csv$/;

const kindOf = (path: string) => path.replace(/\/\d+(?=\/|$)/g, "/:id");

async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator("a[href^='/']")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.filter((path) => !SKIP.test(path));
}

async function problemsOn(page: Page, phone: boolean): Promise<string[]> {
  const problems: string[] = [];
  const axe = await new AxeBuilder({ page }).analyze();
  for (const violation of axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical"))
    problems.push(
      `axe ${violation.id} (${violation.impact}): ${violation.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(", ")}`,
    );
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll("[id]"))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  if (duplicates.length > 0) problems.push(`duplicate ids: ${duplicates.join(", ")}`);
  if (phone) {
    const width = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
    }));
    if (width.scroll > width.view) problems.push(`scrolls sideways: ${width.scroll} px in ${width.view}`);
  }
  return problems;
}

for (const role of ROLES)
  for (const [size, viewport] of Object.entries(VIEWPORTS))
    test(`every page as ${role} at ${viewport.width}×${viewport.height}: no console error, no serious axe violation, no duplicate id${size === "phone" ? ", no sideways scroll" : ""}`, async ({
      page,
      signInAs,
    }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(viewport);
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await signInAs(role);

      const queue = ["/"];
      const seen = new Set<string>();
      const report: string[] = [];
      while (queue.length > 0) {
        const path = queue.shift() ?? "/";
        if (seen.has(kindOf(path))) continue;
        seen.add(kindOf(path));
        errors.length = 0;
        const response = await page.goto(path);
        await page.waitForLoadState("networkidle");
        const status = response?.status() ?? 0;
        const problems = status >= 400 ? [`answered ${status}`] : await problemsOn(page, size === "phone");
        problems.push(...errors.map((e) => `console: ${e}`));
        if (problems.length > 0) report.push(`${path}\n  ${problems.join("\n  ")}`);
        for (const link of await linksOn(page)) if (!seen.has(kindOf(link))) queue.push(link);
      }
      expect(seen.size, "pages visited").toBeGreaterThan(role === "viewer" ? 10 : 15);
      expect(report, `pages with problems as ${role}`).toEqual([]);
    });
