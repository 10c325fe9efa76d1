import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Markup that would run or show up as elements if any view put text into the page as HTML. */
const INJECTED = "img[src='x'], img[onerror], svg[onload], script[data-pwned], iframe, b.injected";

/** Fails the test on any alert/confirm/prompt: injected script would open one. */
function watchDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on("dialog", async (dialog) => {
    opened.push(dialog.message());
    await dialog.dismiss();
  });
  return opened;
}

/** Sets a field's value without typing, as a forged or pasted submission would: maxlength does not apply. */
async function setValue(field: Locator, value: string) {
  await field.evaluate((element, text) => {
    (element as HTMLInputElement | HTMLTextAreaElement).value = text;
  }, value);
}

async function expectNothingInjected(page: Page) {
  await expect(page.locator(INJECTED)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
}

test("HTML, script and SQL shapes with unicode edges are stored and shown literally on the customer page, the list and the timeline", async ({
  page,
  signInAs,
}) => {
  const dialogs = watchDialogs(page);
  await signInAs("csm");
  const token = unique();
  const name = `<img src=x onerror="alert(1)"> Robert'); DROP TABLE customers;-- 👩‍👩‍👧‍👦 ${token}`;
  const company = `<script data-pwned>window.pwned=1</script> \u202eevil\u202c e\u0301 zero\u200bwidth <b class="injected">bold</b>`;
  const summary = `"><svg onload=alert(2)> '; DELETE FROM interactions; -- مرحبا עברית 日本語 ${token}`;

  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Company").fill(company);
  await page.getByLabel("MRR (USD per month)").fill("120");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator("main")).toContainText(company);
  await expectNothingInjected(page);

  const form = page.getByRole("form", { name: "Log an interaction" });
  await form.getByLabel("What happened").selectOption({ label: "Complaint (−3)" });
  await form.getByLabel("Summary").fill(summary);
  await form.getByRole("button", { name: "Log interaction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Complaint logged." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("timeline-entry").first()).toContainText(summary);
  await expectNothingInjected(page);

  await page.goto(`/customers?q=${encodeURIComponent(token)}`);
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.locator("main")).toContainText(company);
  await expectNothingInjected(page);
  expect(dialogs).toEqual([]);
});

test("a too-long or NUL-containing value gets a clear message at its field and nothing is saved", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  const token = unique();

  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(`Long Company ${token}`);
  await page.getByLabel("Company").fill("c".repeat(121));
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.locator("#company-error")).toHaveText("The company can have at most 120 characters.");

  await page.getByLabel("Company").fill("Fine GmbH");
  await setValue(page.getByLabel("Name"), `Null\u0000Byte ${token}`);
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.locator("#name-error")).toHaveText("Remove the invisible NUL character: it cannot be stored.");
  await expect(page.locator("#company-error")).toBeEmpty();
  await expect(page).toHaveURL(/\/customers\/new$/);

  await page.goto(`/customers?q=${encodeURIComponent(token)}`);
  await expect(page.getByRole("heading", { name: "No customers match" })).toBeVisible();

  // A real customer, then a summary over 500 characters (past the textarea's maxlength) and one with a NUL.
  await page.goto("/customers/new");
  const name = `Summary Limits ${token}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const form = page.getByRole("form", { name: "Log an interaction" });
  await form.getByLabel("What happened").selectOption({ label: "Praise (+2)" });
  for (const [summary, message] of [
    [`${token} ${"s".repeat(500)}`, "Keep the summary under 500 characters."],
    [`${token} null\u0000byte`, "Remove the invisible NUL character: it cannot be stored."],
  ]) {
    await setValue(form.getByLabel("Summary"), summary);
    await form.getByRole("button", { name: "Log interaction" }).click();
    await expect(page.locator("#summary-error")).toHaveText(message);
  }
  await page.reload();
  await expect(page.getByTestId("timeline-entry").filter({ hasText: token })).toHaveCount(0);
});

test("odd URL parameters show the default view or a not-found message, not an error page", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  for (const [url, heading] of [
    ["/customers?q=%00&owner=99999999999&stage=40000&page=1e300", "Customers"],
    ["/risk?owner=99999999999&stage=-1&page=abc", "Debt risk"],
    ["/customers/1e3", "Customer not found"],
    ["/customers/99999999999", "Customer not found"],
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    await expect(page.getByRole("heading", { name: heading }), url).toBeVisible();
  }
});
