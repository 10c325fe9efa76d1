import type { Page } from "@playwright/test";
import { chooseImportFile, expect, test } from "./fixtures";

const stamp = () => Date.now().toString(36);

/** A new customer owned by Chris CSM with a −80 complaint: at the top of the risk list. */
async function customerAtRisk(page: Page, name: string) {
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Owner").selectOption({ label: "Chris CSM" });
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const form = page.getByRole("form", { name: "Log an interaction" });
  await form.getByLabel("What happened").selectOption({ label: "Complaint (−3)" });
  await form.getByLabel("Summary").fill("Lost a day of data");
  await form.getByLabel("Weight override (optional)").fill("-80");
  await form.getByRole("button", { name: "Log interaction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Complaint logged." })).toBeVisible();
}

test("a manager on /risk selects two customers and changes their owner: the message, then the rows name the new owner", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  const tag = `Reassign ${stamp()}`;
  await customerAtRisk(page, `${tag} A`);
  await customerAtRisk(page, `${tag} B`);

  await page.goto("/risk?owner=all");
  const rows = page.getByTestId("risk-row").filter({ hasText: tag });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Chris CSM");
  const bar = page.getByRole("region", { name: "Bulk actions on the selected customers" });
  await expect(bar).toContainText("Tick customers");
  await page.getByRole("checkbox", { name: `Select ${tag} A` }).check();
  // Keyboard: Space ticks the focused checkbox.
  await page.getByRole("checkbox", { name: `Select ${tag} B` }).focus();
  await page.keyboard.press("Space");
  await expect(bar.getByTestId("bulk-count")).toHaveText("2 selected");

  await bar.getByLabel("Action").selectOption({ label: "Change owner" });
  const form = bar.getByRole("form", { name: "Change owner for the selected customers" });
  page.once("dialog", (dialog) => dialog.accept());
  await form.getByRole("button", { name: "Change owner of 2 customers" }).click();
  await expect(form.getByText("Choose the new owner from the list, or nobody.")).toBeVisible();

  await form.getByLabel("New owner").selectOption({ label: "Max Manager" });
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    return dialog.accept();
  });
  await form.getByRole("button", { name: "Change owner of 2 customers" }).click();
  await expect(bar.getByRole("status").filter({ hasText: "Owner changed on 2 customers." })).toBeVisible();
  expect(asked).toBe("Change the owner of 2 customers?");
  for (const row of await rows.all()) {
    await expect(row).toContainText("Max Manager");
    await expect(row).not.toContainText("Chris CSM");
  }
  await expect(bar.getByTestId("bulk-count")).toHaveCount(0);
});

test("on /customers filtered to 60 customers, “select all matching” logs one outage on all 60: balances and timelines show it", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  const tag = `Outage ${stamp()}`;
  const csv = Array.from({ length: 60 }, (_, i) => `${tag.replace(" ", "-")}-${i},${tag} ${i + 1},100`);
  await page.goto("/settings/data");
  await chooseImportFile(page, {
    name: "outage.csv",
    content: `external_id,name,mrr\n${csv.join("\n")}\n`,
  });
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 60 rows: 60 created" })).toBeVisible();

  await page.goto("/customers");
  const filters = page.getByRole("search", { name: "Filter customers" });
  await filters.getByRole("searchbox", { name: "Search" }).fill(tag);
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("of 60 customers")).toBeVisible();
  const bar = page.getByRole("region", { name: "Bulk actions on the selected customers" });
  await page.getByRole("checkbox", { name: "Select all customers on this page" }).check();
  await expect(bar.getByTestId("bulk-count")).toHaveText("50 selected");
  await bar.getByRole("button", { name: "Select all 60 matching the filters" }).click();
  await expect(bar.getByTestId("bulk-count")).toHaveText("All 60 customers matching the filters selected");

  await bar.getByLabel("Action").selectOption({ label: "Log an interaction" });
  const form = bar.getByRole("form", { name: "Log an interaction for the selected customers" });
  await form.getByLabel("What happened").selectOption({ label: "Outage (−2)" });
  await form.getByLabel("Channel").selectOption({ label: "In the product" });
  await form.getByLabel("Summary").fill(`Checkout down (${tag})`);
  page.once("dialog", (dialog) => dialog.accept());
  await form.getByRole("button", { name: "Log on 60 customers" }).click();
  await expect(bar.getByRole("status").filter({ hasText: "Outage logged on 60 customers." })).toBeVisible();

  const balances = page.getByRole("table").getByRole("row").filter({ hasText: tag });
  await expect(balances).toHaveCount(50);
  for (const row of await balances.all()) await expect(row).toContainText("−2.0");
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: /Next/ }).click();
  await expect(balances).toHaveCount(10);
  for (const row of await balances.all()) await expect(row).toContainText("−2.0");
  await balances.first().getByRole("link").click();
  await expect(page.getByTestId("timeline-entry").first()).toContainText(`Checkout down (${tag})`);
});

test("a viewer's customer and risk lists have no checkboxes and no bulk bar: their role changes no customer", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  for (const path of ["/customers", "/risk?owner=all"]) {
    await page.goto(path);
    await expect(page.getByRole("table").first()).toBeVisible();
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Bulk actions on the selected customers" })).toHaveCount(0);
  }
});
