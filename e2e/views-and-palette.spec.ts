import type { Page } from "@playwright/test";
import { demoMember, expect, LoginPage, test } from "./fixtures";

const stamp = () => Date.now().toString(36);

/** A customer made through the form, as a CSM adds one; its page's URL. */
async function addCustomer(page: Page, name: string, company: string) {
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Company").fill(company);
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

/** Ctrl+K once the page listens for it: a key pressed before hydration does nothing, as for a person. */
async function openPalette(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Search Hourglass" });
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

test("Saved views: a risk view with filters is saved, pinned in the navigation, and opening it from there applies the same filters", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  await page.goto("/risk");
  const filters = page.getByRole("search", { name: "Filter the risk list" });
  await filters.getByLabel("Owner").selectOption("all");
  await filters.getByLabel("Plan").selectOption("growth");
  await filters.getByLabel("Minimum MRR ($)").fill("100");
  await filters.getByLabel("Sort by").selectOption("mrr");
  await filters.getByLabel("Order").selectOption("asc");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/plan=growth/);

  await page.getByRole("button", { name: "Views" }).click();
  await expect(page.getByText("No saved views for this list yet.")).toBeVisible();
  await page.getByRole("button", { name: "Save view" }).click();
  const name = `Growth by MRR ${stamp()}`;
  const form = page.getByRole("form", { name: "Save this view" });
  await expect(form.getByLabel("Name")).toBeFocused();
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Pin in the navigation").check();
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(form.getByRole("status").filter({ hasText: `View “${name}” saved, pinned.` })).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Main" });
  const pinned = nav.getByRole("list", { name: "Views" }).getByRole("link", { name: new RegExp(name) });
  await expect(pinned).toHaveAttribute("aria-current", "page");

  // The same name again on this list is refused, and says why.
  await form.getByLabel("Name").fill(name.toUpperCase());
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(form.getByText(`You already have a view named “${name.toUpperCase()}” on this list.`)).toBeVisible();

  await page.goto("/risk");
  await expect(pinned).not.toHaveAttribute("aria-current", "page");
  await pinned.click();
  await expect(page).toHaveURL(/\/risk\?owner=all&plan=growth&minMrr=100&sort=mrr&dir=asc$/);
  await expect(pinned).toHaveAttribute("aria-current", "page");
  await expect(filters.getByLabel("Owner")).toHaveValue("all");
  await expect(filters.getByLabel("Plan")).toHaveValue("growth");
  await expect(filters.getByLabel("Minimum MRR ($)")).toHaveValue("100");
  await expect(filters.getByLabel("Sort by")).toHaveValue("mrr");
  await expect(filters.getByLabel("Order")).toHaveValue("asc");

  // Unpinned from the Views menu, it leaves the navigation but stays among my views.
  await page.getByRole("button", { name: /^Views/ }).click();
  const mine = page.getByRole("list", { name: "My views" });
  await mine.getByRole("button", { name: `Unpin ${name}` }).click();
  await expect(nav.getByRole("link", { name: new RegExp(name) })).toHaveCount(0);
  await expect(mine.getByRole("link", { name })).toBeVisible();
});

test("Saved views: a view shared with the team is listed for another member, who opens it; a private one is not", async ({
  page,
  signInAs,
  browser,
}) => {
  await signInAs("csm");
  await page.goto("/customers?status=churned&sort=mrr&dir=desc");
  const shared = `Churned by MRR ${stamp()}`;
  const secret = `Just mine ${stamp()}`;
  for (const [name, share] of [
    [shared, true],
    [secret, false],
  ] as const) {
    await page.getByRole("button", { name: "Save view" }).click();
    const form = page.getByRole("form", { name: "Save this view" });
    await form.getByLabel("Name").fill(name);
    if (share) await form.getByLabel("Share with the team").check();
    await form.getByRole("button", { name: "Save", exact: true }).click();
    await expect(form.getByRole("status").filter({ hasText: `View “${name}” saved` })).toBeVisible();
    await page.getByRole("button", { name: "Save view" }).click();
  }

  const context = await browser.newContext();
  const viewer = await context.newPage();
  const login = new LoginPage(viewer);
  await login.goto();
  await login.signIn(demoMember("viewer").email, demoMember("viewer").password);
  await expect(viewer.getByTestId("current-member")).toContainText("Vic Viewer");
  await viewer.goto("/customers");
  await viewer.getByRole("button", { name: /^Views/ }).click();
  const team = viewer.getByRole("list", { name: "Shared by the team" });
  const item = team.getByRole("listitem").filter({ hasText: shared });
  await expect(item).toContainText("by Chris CSM");
  await expect(item.getByRole("button", { name: `Delete ${shared}` })).toHaveCount(0);
  await expect(viewer.getByText(secret)).toHaveCount(0);
  await item.getByRole("link", { name: shared }).click();
  await expect(viewer).toHaveURL(/\/customers\?status=churned&sort=mrr&dir=desc$/);
  await expect(viewer.getByRole("search", { name: "Filter customers" }).getByLabel("Status")).toHaveValue("churned");

  // A viewer keeps views for themselves only: no "Share with the team" box.
  await viewer.getByRole("button", { name: "Save view" }).click();
  await expect(viewer.getByRole("form", { name: "Save this view" }).getByLabel("Share with the team")).toHaveCount(0);
  await context.close();
});

test("Command palette: Ctrl+K, a customer's name and Enter open the customer's page; Escape closes it and gives focus back", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  const name = `Palette Person ${stamp()}`;
  const customerUrl = await addCustomer(page, name, "Palette Works");
  await page.goto("/risk");

  const opener = page.getByRole("button", { name: /Search…/ });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Search Hourglass" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("combobox")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await page.keyboard.press("Control+k");
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole("combobox");
  await box.fill("zz-nobody-is-called-this");
  await expect(dialog.getByRole("status")).toHaveText("Nothing matches “zz-nobody-is-called-this”.");
  await box.fill(name.toLowerCase());
  const options = dialog.getByRole("option");
  await expect(options.first()).toContainText(name);
  await expect(options.first()).toContainText("Palette Works");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id")) ?? "");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(customerUrl);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(dialog).toBeHidden();
});

test("Command palette: “New task for …” lands on the customer's task form, open and focused; pages are one click away", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  const name = `Palette Task ${stamp()}`;
  const customerUrl = await addCustomer(page, name, "Taskworks");
  await page.goto("/tasks");

  const dialog = page.getByRole("dialog", { name: "Search Hourglass" });
  await openPalette(page);
  await dialog.getByRole("combobox").fill(`new task for ${name}`);
  await dialog.getByRole("option", { name: new RegExp(`New task for ${name}`) }).click();
  await expect(page).toHaveURL(`${customerUrl}?add=task#new-task`);
  const form = page.getByRole("form", { name: "Add a task" });
  await expect(form.getByLabel("Task")).toBeFocused();
  await form.getByLabel("Task").fill("Call about the renewal");
  await form.getByRole("button", { name: "Add task" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Task added." })).toBeVisible();

  await openPalette(page);
  await dialog.getByRole("combobox").fill("log interaction for " + name);
  await dialog.getByRole("option", { name: new RegExp(`Log interaction for ${name}`) }).click();
  await expect(page.getByRole("form", { name: "Log an interaction" }).getByLabel("What happened")).toBeFocused();

  await openPalette(page);
  await dialog.getByRole("combobox").fill("risk");
  await dialog.getByRole("option", { name: "Risk", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Debt risk" })).toBeVisible();
});

test("the main navigation marks the link just followed while its page is on its way, and shows the page's own header in the first HTML", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  await page.goto("/");
  // The navigation's request for the next page is held for a moment: a slow network.
  await page.route(/\/tasks\?_rsc=/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "My day" }).click();
  await expect(nav.getByRole("status")).toHaveText("Loading");
  await expect(page.getByRole("heading", { level: 1, name: "My day" })).toBeVisible();
  await expect(nav.getByRole("status")).toHaveCount(0);

  // A full load: the page's heading is in the document as sent, not behind a loading skeleton.
  const html = await (await page.request.get("/risk")).text();
  const heading = html.indexOf("Debt risk</h1>");
  expect(heading).toBeGreaterThan(0);
  expect(html.slice(0, heading)).not.toContain('aria-busy="true"');
});
