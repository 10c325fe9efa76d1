import { readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, LoginPage, test } from "./fixtures";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

class CustomerPage {
  constructor(readonly page: Page) {}

  timelineEntries() {
    return this.page.getByTestId("timeline-entry");
  }

  balance() {
    return this.page.getByTestId("customer-balance");
  }

  async logInteraction(type: string, summary: string) {
    const form = this.page.getByRole("form", { name: "Log an interaction" });
    await form.getByLabel("What happened").selectOption({ label: type });
    await form.getByLabel("Summary").fill(summary);
    await form.getByRole("button", { name: "Log interaction" }).click();
  }
}

async function createCustomer(page: Page, name: string) {
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("MRR (USD per month)").fill("450");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

async function signedInPage(browser: Browser, role: "csm" | "viewer") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signInAs(role);
  return { context, page };
}

test("a CSM finds a customer, logs a complaint, and sees it on top of the timeline with the balance falling", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  const name = `Complaint Test ${unique()}`;
  await createCustomer(page, name);

  await page.goto("/customers");
  await page.getByRole("searchbox", { name: "Search" }).fill(name);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=Complaint/);
  await page.getByRole("link", { name }).click();

  const customer = new CustomerPage(page);
  await expect(customer.balance()).toHaveText("0.0");
  // Nothing to draw yet: a sentence instead of a chart flat at zero.
  const balanceCard = page.getByRole("region", { name: "Balance over the last 90 days" });
  await expect(balanceCard.getByTestId("balance-empty")).toContainText(
    "The balance has stayed at 0 for the last 90 days",
  );
  const summary = `Export timed out again ${unique()}`;
  // The entry shows at once while it saves and must stay through the save and the page's refresh after it.
  await page.evaluate((text) => {
    const watch = window as unknown as { entrySeen: boolean; entryLost: boolean };
    watch.entrySeen = false;
    watch.entryLost = false;
    new MutationObserver(() => {
      const shown = [...document.querySelectorAll('[data-testid="timeline-entry"]')].some((entry) =>
        entry.textContent?.includes(text),
      );
      if (shown) watch.entrySeen = true;
      else if (watch.entrySeen) watch.entryLost = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, summary);
  await customer.logInteraction("Complaint (−3)", summary);
  await expect(customer.timelineEntries().first()).toContainText("Complaint");
  await expect(customer.timelineEntries().first()).toContainText(summary);
  await expect(customer.timelineEntries().first()).toContainText("debit −3");
  await expect(customer.balance()).toHaveText("−3.0");
  await expect(page.getByRole("status").filter({ hasText: "Complaint logged." })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { entryLost: boolean }).entryLost)).toBe(false);
  await page.reload();
  await expect(balanceCard.getByTestId("balance-empty")).toHaveCount(0);
});

test("bad input is explained at the field and nothing is saved", async ({ page, signInAs }) => {
  await signInAs("csm");
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill("Should Not Exist");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("MRR (USD per month)").fill("-20");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address, like name@company.com.");
  await expect(page.locator("#mrr-error")).toHaveText("MRR cannot be negative.");
  await expect(page.getByLabel("Name")).toHaveValue("Should Not Exist");

  const url = await createCustomer(page, `Empty Summary ${unique()}`);
  await new CustomerPage(page).logInteraction("Praise (+2)", "");
  await expect(page.locator("#summary-error")).toHaveText("Write a short summary of what happened.");
  await page.goto(url);
  await expect(new CustomerPage(page).timelineEntries().filter({ hasText: "Praise" })).toHaveCount(0);
});

test("a date that does not exist (30 February) is refused at the When field of the interaction and delight forms, never logged as now", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  const url = await createCustomer(page, `Impossible Date ${unique()}`);
  // Typed as a person types into the date field: month, day, year, hours, minutes, AM.
  const typeImpossibleDate = async (when: Locator) => {
    await when.click();
    await page.keyboard.type("02302026");
    await page.keyboard.type("0930A");
  };
  const form = page.getByRole("form", { name: "Log an interaction" });
  await form.getByLabel("What happened").selectOption({ label: "Praise (+2)" });
  await form.getByLabel("Summary").fill("Logged on a day that does not exist");
  await typeImpossibleDate(form.getByLabel("When"));
  await form.getByRole("button", { name: "Log interaction" }).click();
  await expect(form.getByText("Enter a valid date and time.")).toBeVisible();
  await page.goto(url);
  await expect(new CustomerPage(page).timelineEntries().filter({ hasText: "does not exist" })).toHaveCount(0);

  const customerId = new URL(url).pathname.split("/").pop();
  await page.goto(`/delight/new?customer=${customerId}`);
  const delight = page.getByRole("form", { name: "Log a delight moment" });
  await delight.getByLabel("What prompted it").fill("A late invoice");
  await delight.getByLabel("The gesture").fill("Sent flowers on a day that does not exist");
  await typeImpossibleDate(delight.getByLabel("When"));
  await delight.getByRole("button", { name: "Log delight moment" }).click();
  await expect(delight.getByText("Enter a valid date and time.")).toBeVisible();
  await page.goto(url);
  await expect(new CustomerPage(page).timelineEntries().filter({ hasText: "flowers" })).toHaveCount(0);
});

test("a viewer sees no forms, and a forged log action from a viewer session is refused with nothing written", async ({
  browser,
}) => {
  const csm = await signedInPage(browser, "csm");
  const url = await createCustomer(csm.page, `Forgery Target ${unique()}`);
  const summary = `Original entry ${unique()}`;
  const actionRequest = csm.page.waitForRequest(
    (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
  );
  await new CustomerPage(csm.page).logInteraction("Complaint (−3)", summary);
  const captured = await actionRequest;
  await expect(new CustomerPage(csm.page).timelineEntries().first()).toContainText(summary);
  await expect(csm.page.getByRole("status").filter({ hasText: "Complaint logged." })).toBeVisible();

  const viewer = await signedInPage(browser, "viewer");
  await viewer.page.goto(url);
  await expect(viewer.page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(viewer.page.getByRole("form", { name: "Log an interaction" })).toHaveCount(0);
  await expect(viewer.page.getByRole("form", { name: "Mark as churned" })).toHaveCount(0);
  await expect(viewer.page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await viewer.page.goto("/customers");
  await expect(viewer.page.getByRole("link", { name: "New customer" })).toHaveCount(0);

  // Replay the CSM's exact server-action request with the viewer's session cookie.
  const headers = captured.headers();
  const forged = await viewer.context.request.post(captured.url(), {
    headers: {
      "next-action": headers["next-action"],
      "content-type": headers["content-type"],
      "next-router-state-tree": headers["next-router-state-tree"] ?? "",
      accept: "text/x-component",
    },
    data: captured.postDataBuffer() ?? undefined,
  });
  expect(await forged.text()).toContain("Your role does not allow this");

  await csm.page.goto(url);
  await expect(new CustomerPage(csm.page).timelineEntries().filter({ hasText: summary })).toHaveCount(1);
  await expect(new CustomerPage(csm.page).balance()).toHaveText("−3.0");
  await csm.context.close();
  await viewer.context.close();
});

test("a column header sorts the list, marks the sorted column, and sorts the other way when clicked again", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  await page.goto("/customers");
  const table = page.getByRole("table", { name: /Customers, sorted by/ });
  const mrrHeader = table.getByRole("columnheader", { name: /MRR/ });
  // The MRR column by its header's position (a manager's list starts with the selection checkboxes).
  const mrrValues = async () => {
    const column = (await table.getByRole("columnheader").allTextContents()).findIndex((text) => text.includes("MRR"));
    expect(column).toBeGreaterThan(0);
    return (await table.locator(`tbody tr td:nth-child(${column + 1})`).allTextContents()).map((text) =>
      Number(text.replace(/[^0-9.]/g, "")),
    );
  };

  await mrrHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=mrr&dir=asc/);
  await expect(mrrHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("columnheader", { name: /Name/ })).not.toHaveAttribute("aria-sort");
  const ascending = await mrrValues();
  expect(ascending.length).toBeGreaterThan(1);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

  await mrrHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=mrr&dir=desc/);
  await expect(mrrHeader).toHaveAttribute("aria-sort", "descending");
  const descending = await mrrValues();
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
});

test("an admin exports everything about a customer as JSON, then erases them after typing their name", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  const name = `Erase Me ${unique()}`;
  await createCustomer(page, name);
  const customer = new CustomerPage(page);
  await customer.logInteraction("Complaint (−3)", `${name} cannot export invoices`);
  await expect(customer.timelineEntries().first()).toContainText("cannot export invoices");
  // Shown at once while it saves: the export below must wait for the save.
  await expect(page.getByRole("status").filter({ hasText: "Complaint logged." })).toBeVisible();

  const personal = page.getByRole("region", { name: "Personal data" });
  const download = page.waitForEvent("download");
  await personal.getByRole("link", { name: "Export everything (JSON)" }).click();
  const exported = JSON.parse(readFileSync((await (await download).path()) ?? "", "utf8"));
  expect(exported.customer.name).toBe(name);
  expect(exported.interactions).toMatchObject([{ type: "complaint", summary: `${name} cannot export invoices` }]);

  const erase = personal.getByRole("form", { name: "Erase this customer" });
  await erase.getByLabel(/to erase them/).fill("Someone Else");
  page.once("dialog", (dialog) => void dialog.accept());
  await erase.getByRole("button", { name: "Erase customer" }).click();
  await expect(erase.getByText(`Type the customer's name exactly as shown: ${name}`)).toBeVisible();

  await erase.getByLabel(/to erase them/).fill(name);
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain(`Erase ${name}?`);
    void dialog.accept();
  });
  await erase.getByRole("button", { name: "Erase customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Erased customer \d+$/ })).toBeVisible();
  // What they did is gone; the milestone history (no personal data) stays.
  await expect(customer.timelineEntries().filter({ hasText: "cannot export invoices" })).toHaveCount(0);
  await expect(customer.timelineEntries().filter({ hasText: "Added to Hourglass" })).toHaveCount(1);
});
