import type { Page } from "@playwright/test";
import { chooseImportFile, expect, test } from "./fixtures";

/** The bridge table's figures in cents, by line, as a person reads them. */
async function bridge(page: Page): Promise<number[]> {
  const table = page.getByRole("table", { name: "ARR bridge" });
  // The bridge streams in after the page's frame: read it once its seven lines are there.
  await expect(table.getByRole("cell")).toHaveCount(7);
  const cells = await table.getByRole("cell").evaluateAll((tds) => tds.map((td) => td.textContent ?? ""));
  return cells.map((text) => Math.round(Number(text.replace(/[^\d.]/g, "")) * 100));
}

test("an admin imports a subscription from a CSV and the ARR bridge moves by its ARR, and still closes", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  const csv = await (await page.request.get("/export/customers")).text();
  const header = csv.split("\n")[0].split(",");
  const email = csv.split("\n")[1].split(",")[header.indexOf("email")];
  expect(email).toContain("@");

  await page.goto("/revenue?period=month");
  const [start, added, expanded, contracted, churned, reactivated, end] = await bridge(page);
  expect(start + added + expanded - contracted - churned + reactivated).toBe(end);

  await page.goto("/settings/data");
  const stamp = Date.now().toString(36);
  await chooseImportFile(
    page,
    {
      name: "subscriptions.csv",
      content: `subscription_id,customer_email,plan,price,interval\nsub-${stamp},${email},Add-on,1000,month\n`,
    },
    "subscriptions",
  );
  await expect(page.getByLabel("Column for Price (USD)")).toHaveValue("price");
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 1 row: 1 created, 0 updated" })).toBeVisible();

  await page.goto("/revenue?period=month");
  const after = await bridge(page);
  // $1,000 a month is $12,000 of ARR: new revenue, or an expansion if the customer already paid.
  expect(after[6] - end).toBe(1_200_000);
  expect(after[1] + after[2] - (added + expanded)).toBe(1_200_000);
  expect(after[0] + after[1] + after[2] - after[3] - after[4] + after[5]).toBe(after[6]);
});

test("a manager follows a renewal on the revenue page to the customer, whose page shows the subscription and its history", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  await page.goto("/revenue");
  const renewal = page.getByTestId("renewal-row").first();
  const name = (await renewal.getByRole("link").innerText()).trim();
  await renewal.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const revenue = page.getByRole("region", { name: "Revenue", exact: true });
  await expect(revenue.getByTestId("subscription").first()).toContainText("renews");
  await expect(revenue.getByRole("table", { name: "Revenue movements" })).toContainText("New");
});

test("a CSM's revenue page is their own book, with no choice of owner", async ({ page, signInAs }) => {
  await signInAs("csm");
  await page.goto("/revenue");
  await expect(page.getByRole("heading", { name: "Revenue", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Owner", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "ARR bridge" })).toBeVisible();
});
