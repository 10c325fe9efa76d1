import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import { navItemsFor, settingsSectionsFor } from "@/components/layout/nav-items";
import type { MemberRole } from "@/lib/permissions";
import en from "@/messages/en";
import { expect, landingOf, revealCharts, test } from "./fixtures";

/**
 * Every page a role can reach by following links from the overview, one of each kind
 * (/customers/12 stands for every customer). The admin, who can open every page, walks them in
 * Chromium at 1440×900 and again at 390×844: no console error, no serious or critical axe
 * violation, no duplicate id, no sideways scrolling on a phone. The other roles' pages are the same
 * markup with less in it; their walk asks the server for each page and checks that no link leads
 * to a page the role may not open.
 */
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SKIP = /^\/(api|export)\/|\/export$|^\/login|\.csv$/;
// At phone size the same page is checked again with the rules whose outcome depends on layout.
const LAYOUT_RULES = [
  "color-contrast",
  "scrollable-region-focusable",
  "target-size",
  "aria-hidden-focus",
  "nested-interactive",
  "label-content-name-mismatch",
];

const kindOf = (path: string) => path.replace(/\/\d+(?=\/|$)/g, "/:id");

async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator("a[href^='/']")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.filter((path) => !SKIP.test(path));
}

async function axeProblems(page: Page, rules?: string[]): Promise<string[]> {
  // Legacy mode runs axe in the page itself; the default opens a blank page per run to merge
  // frames' results, which made the walk three times slower (the app has no frames to merge).
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  const axe = await (rules ? builder.withRules(rules) : builder).analyze();
  return axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `axe ${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
}

async function duplicateIds(page: Page): Promise<string[]> {
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll("[id]"))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  return duplicates.length > 0 ? [`duplicate ids: ${duplicates.join(", ")}`] : [];
}

async function sidewaysScroll(page: Page): Promise<string[]> {
  const width = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
  }));
  return width.scroll > width.view ? [`scrolls sideways at 390 px: ${width.scroll} px wide`] : [];
}

/** The navigation's and settings menu's pages for the role, and a customer: what every walk must reach. */
function expectedKinds(role: MemberRole): string[] {
  const t = createTranslator({ locale: "en", messages: en, namespace: "common" });
  return [
    ...navItemsFor(role, t).map((item) => item.href),
    ...settingsSectionsFor(role, t).map((section) => section.href),
    "/customers/:id",
  ];
}

test("every page as the admin at 1440×900 and 390×844: no console error, no serious axe violation, no duplicate id, no sideways scroll on a phone", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(600_000);
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.setViewportSize(DESKTOP);
  await signInAs("admin");

  const queue = ["/"];
  const seen = new Set<string>();
  const report: string[] = [];
  while (queue.length > 0) {
    const path = queue.shift() ?? "/";
    if (seen.has(kindOf(path))) continue;
    seen.add(kindOf(path));
    errors.length = 0;
    await page.setViewportSize(DESKTOP);
    const response = await page.goto(path);
    await page.waitForLoadState("networkidle");
    await revealCharts(page);
    const problems: string[] = [];
    if ((response?.status() ?? 0) >= 400) problems.push(`answered ${response?.status()}`);
    else {
      for (const link of await linksOn(page)) if (!seen.has(kindOf(link))) queue.push(link);
      problems.push(...(await axeProblems(page)), ...(await duplicateIds(page)));
      // Loaded afresh at phone size, as a phone would: charts measured at 1440 px take a moment
      // to shrink after a resize, and that moment is not what a phone user sees.
      await page.setViewportSize(PHONE);
      await page.goto(path);
      problems.push(...(await sidewaysScroll(page)), ...(await axeProblems(page, LAYOUT_RULES)));
    }
    problems.push(...errors.map((e) => `console: ${e}`));
    if (problems.length > 0) report.push(`${path}\n  ${problems.join("\n  ")}`);
  }
  expect(
    expectedKinds("admin").filter((kind) => !seen.has(kind)),
    "pages the walk did not reach",
  ).toEqual([]);
  expect(report, "pages with problems as the admin").toEqual([]);
});

for (const role of ["csm", "manager", "viewer"] as const)
  test(`every page as ${role} answers, and no link leads to a page the ${role} may not open`, async ({
    context,
    signInAs,
  }) => {
    await signInAs(role);
    const queue = ["/"];
    const seen = new Set<string>();
    const report: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift() ?? "/";
      if (seen.has(kindOf(path))) continue;
      seen.add(kindOf(path));
      const response = await context.request.get(path);
      const html = await response.text();
      const landed = landingOf(response.url(), html);
      if (landed === "/forbidden") report.push(`${path}: a link leads to a page this role may not open`);
      else if (response.status() >= 400) report.push(`${path}: answered ${response.status()}`);
      else
        for (const [, href] of html.matchAll(/<a [^>]*href="(\/[^"#?]*)/g))
          if (!SKIP.test(href) && !seen.has(kindOf(href))) queue.push(href);
    }
    expect(
      expectedKinds(role).filter((kind) => !seen.has(kind)),
      "pages the walk did not reach",
    ).toEqual([]);
    expect(report, `pages with problems as ${role}`).toEqual([]);
  });
