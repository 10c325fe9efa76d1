import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import de from "@/messages/de";
import en from "@/messages/en";
import tr from "@/messages/tr";
import zhCN from "@/messages/zh-CN";
import { expect, inviteColleague, test } from "./fixtures";
import { type Catalog, flattenCatalog } from "@/lib/i18n/flatten";

/**
 * The dashboard in the team's own language: a member switches language, time zone and theme in
 * Settings → Account and every main page follows, with no missing key and no English left over;
 * the pseudo-locale's longer words clip nothing; dark mode keeps axe's contrast.
 */

const english = flattenCatalog(en as Catalog);

/** English messages that would show as they are (no arguments) and read differently in `catalog`. */
function englishOnly(catalog: Catalog): Set<string> {
  const translated = flattenCatalog(catalog);
  const texts = new Set<string>();
  for (const [key, text] of english)
    if (!/[{<]/.test(text) && /\p{L}{3}/u.test(text) && translated.get(key) !== text) texts.add(text);
  // A message that is also another message's translation in this language is not a leftover.
  for (const text of translated.values()) texts.delete(text);
  return texts;
}

/** Every text node and every name people read or hear (aria-label, placeholder, title, alt). */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Customer data (a summary, a note) is marked translate="no": it is as the team wrote it.
      if (!parent || parent.closest('script, style, template, [hidden], [translate="no"]')) continue;
      const text = node.textContent?.replace(/\s+/g, " ").trim();
      if (text) texts.push(text);
    }
    for (const element of Array.from(document.querySelectorAll("[aria-label], [placeholder], [title], [alt]")))
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    return texts;
  });
}

/** A customer's page, from the signed-in member's own list (an invited colleague owns none yet). */
async function firstCustomerPath(page: Page): Promise<string> {
  await page.goto("/customers");
  // The list streams in after the page's frame.
  await expect(page.locator('main a[href^="/customers/"]:not([href="/customers/new"])').first()).toBeVisible();
  const hrefs = await page
    .locator('main a[href^="/customers/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const href = hrefs.map((path) => /^\/customers\/\d+/.exec(path)?.[0]).find(Boolean);
  expect(href, `a customer link among ${hrefs.slice(0, 5).join(", ")}`).toBeDefined();
  return href ?? "/customers";
}

async function choosePreferences(page: Page, choices: { language?: string; timeZone?: string; theme?: string }) {
  await page.goto("/settings/account");
  const form = page.locator("form", { has: page.locator("#preferences-locale") });
  if (choices.language !== undefined) await form.locator("#preferences-locale").selectOption(choices.language);
  if (choices.timeZone !== undefined) await form.locator("#preferences-time-zone").selectOption(choices.timeZone);
  if (choices.theme !== undefined) await form.locator("#preferences-theme").selectOption(choices.theme);
  await form.locator('button[type="submit"]').click();
  await expect(form.getByRole("status")).not.toBeEmpty();
}

const LANGUAGES = [
  { code: "de", catalog: de as Catalog, heading: "Sprache, Zeit und Darstellung" },
  { code: "tr", catalog: tr as Catalog, heading: "Dil, saat ve görünüm" },
  { code: "zh-CN", catalog: zhCN as Catalog, heading: "语言、时间和外观" },
];

test("a manager switches to German, Turkish and Chinese: overview, journey, risk, a customer and a refused form speak it, with no missing key and no English left", async ({
  page,
  browser,
  signInAs,
}) => {
  test.setTimeout(240_000);
  await signInAs("admin");
  const customer = await firstCustomerPath(page);
  const { colleague, context } = await inviteColleague(page, browser, {
    name: "Lena Vogel",
    email: `lena.${Date.now()}@example.com`,
    role: "manager",
    password: "a long enough password",
  });
  try {
    for (const language of LANGUAGES) {
      await choosePreferences(colleague, { language: language.code });
      await expect(colleague.locator("html")).toHaveAttribute("lang", language.code);
      await expect(colleague.getByRole("heading", { name: language.heading })).toBeVisible();
      const leftovers = englishOnly(language.catalog);
      const report: string[] = [];
      for (const path of ["/", "/journey", "/risk", customer, "/customers/new"]) {
        await colleague.goto(path);
        await colleague.waitForLoadState("networkidle");
        if (path === "/customers/new") {
          // Saved empty: the form refuses, and says why in the member's language.
          await colleague.locator("main form").first().locator('button[type="submit"]').click();
          await expect(colleague.getByRole("alert").filter({ hasNotText: /^$/ }).first()).toBeVisible();
        }
        const texts = await visibleTexts(colleague);
        const missing = texts.filter((text) => text.includes("⟦"));
        const english = texts.filter((text) => leftovers.has(text));
        if (missing.length + english.length > 0)
          report.push(
            `${language.code} ${path}: missing ${JSON.stringify(missing)} English ${JSON.stringify(english)}`,
          );
      }
      // The risk list's export: column names stay for programs, the reasons and steps are in the language.
      const csv = await (await colleague.request.get("/risk/export")).text();
      const [header, ...lines] = csv.trim().split("\r\n");
      expect(header).toContain("customer_id,name,company,owner");
      const englishCells = lines
        .flatMap((line) => line.split(","))
        .filter((cell) => leftovers.has(cell.replace(/^"|"$/g, "")));
      expect(englishCells, `${language.code} risk export`).toEqual([]);
      expect(report).toEqual([]);
    }

    // Dates and money in the locale: a German date on the customer page ("14. Feb. 2026").
    await choosePreferences(colleague, { language: "de" });
    await colleague.goto(customer);
    await expect(colleague.locator("main")).toContainText(/\d{1,2}\. [A-ZÄÖÜ][a-zäöü]{2,3}\.? \d{4}/);
  } finally {
    await context.close();
  }
});

test("the admin sets the book to euros and Europe/Berlin: a German member reads 1.234 € amounts; back in dollars after", async ({
  page,
  browser,
  signInAs,
}) => {
  test.setTimeout(120_000);
  await signInAs("admin");
  const book = page.getByRole("form", { name: "Book currency and time zone" });
  const setBook = async (currency: string, zone: string) => {
    await page.goto("/settings");
    await book.getByLabel("Currency").selectOption(currency);
    await book.getByLabel("Time zone").selectOption(zone);
    await book.getByRole("button", { name: "Save" }).click();
    await expect(book.getByRole("status")).not.toBeEmpty();
  };
  const { colleague, context } = await inviteColleague(page, browser, {
    name: "Jonas Weber",
    email: `jonas.${Date.now()}@example.com`,
    role: "manager",
    password: "a long enough password",
  });
  try {
    await setBook("EUR", "Europe/Berlin");
    await choosePreferences(colleague, { language: "de" });
    await colleague.goto("/revenue");
    // German money: the amount, then a non-breaking space and the euro sign; no dollar anywhere.
    await expect(colleague.locator("main")).toContainText(/\d[\d.]*(,\d\d)?\u00a0€/);
    await expect(colleague.locator("main")).not.toContainText("$");
    await colleague.goto("/settings/account");
    await expect(colleague.locator("#preferences-time-zone option").first()).toContainText("Europe/Berlin");
  } finally {
    await setBook("USD", "UTC");
    await context.close();
  }
});

test("the pseudo-locale's longer, accented words clip nothing, widen no page and miss no key, at 1440 and 390 px", async ({
  page,
  browser,
  signInAs,
}) => {
  test.setTimeout(180_000);
  await signInAs("admin");
  const customer = await firstCustomerPath(page);
  const { colleague, context } = await inviteColleague(page, browser, {
    name: "Pia Pseudo",
    email: `pia.${Date.now()}@example.com`,
    role: "manager",
    password: "a long enough password",
  });
  try {
    await choosePreferences(colleague, { language: "en-XA" });
    const report: string[] = [];
    for (const width of [1440, 390]) {
      await colleague.setViewportSize({ width, height: 900 });
      for (const path of ["/", "/journey", "/risk", customer, "/tasks", "/customers"]) {
        await colleague.goto(path);
        await colleague.waitForLoadState("networkidle");
        const problems = await colleague.evaluate(() => {
          const found: string[] = [];
          const page = document.documentElement;
          if (page.scrollWidth > page.clientWidth) found.push(`page ${page.scrollWidth} px wide`);
          for (const element of Array.from(document.querySelectorAll<HTMLElement>("main *, nav *, header *"))) {
            const style = getComputedStyle(element);
            if (style.overflowX === "visible" || !element.textContent?.trim()) continue;
            // Screen-reader-only text is clipped on purpose.
            if (element.closest(".sr-only")) continue;
            // Scrolling tables are fine; text cut off by a box that hides it is not.
            if (style.overflowX === "auto" || style.overflowX === "scroll") continue;
            if (element.scrollWidth > element.clientWidth + 1 && style.textOverflow !== "ellipsis")
              found.push(`clipped: ${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 40)}"`);
          }
          return found;
        });
        const missing = (await visibleTexts(colleague)).filter((text) => text.includes("⟦"));
        report.push(...[...problems, ...missing].map((problem) => `${width} ${path}: ${problem}`));
      }
    }
    expect(report).toEqual([]);
  } finally {
    await context.close();
  }
});

for (const how of ["the device", "the switch"] as const)
  test(`dark mode by ${how}: the main pages are dark and pass axe's serious and critical rules, contrast included`, async ({
    browser,
    page,
    signInAs,
  }) => {
    test.setTimeout(240_000);
    let member: Page = page;
    let close = async () => {};
    let customer: string;
    if (how === "the device") {
      await page.emulateMedia({ colorScheme: "dark" });
      await signInAs("manager");
      customer = await firstCustomerPath(page);
    } else {
      await signInAs("admin");
      customer = await firstCustomerPath(page);
      const invited = await inviteColleague(page, browser, {
        name: "Nora Nacht",
        email: `nora.${Date.now()}@example.com`,
        role: "manager",
        password: "a long enough password",
      });
      member = invited.colleague;
      close = () => invited.context.close();
      await choosePreferences(member, { theme: "dark" });
      await expect(member.locator("html")).toHaveAttribute("data-theme", "dark");
    }
    try {
      const report: string[] = [];
      for (const path of ["/", "/journey", "/risk", customer, "/tasks", "/delight", "/advocates", "/revenue"]) {
        await member.goto(path);
        await member.waitForLoadState("networkidle");
        const background = await member.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const [r, g, b] = (background.match(/[\d.]+/g) ?? []).map(Number);
        if (r + g + b > 150) report.push(`${path}: background ${background} is not dark`);
        const axe = await new AxeBuilder({ page: member }).setLegacyMode(true).analyze();
        for (const violation of axe.violations)
          if (violation.impact === "serious" || violation.impact === "critical")
            report.push(
              `${path}: axe ${violation.id}: ${violation.nodes
                .slice(0, 3)
                .map((node) => node.target.join(" "))
                .join(", ")}`,
            );
      }
      expect(report).toEqual([]);
    } finally {
      await close();
    }
  });
