import { expect, test } from "./fixtures";

test("a CSM logs a complaint and the customer moves up the risk list at once, with that complaint among its drivers", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  const name = `Risk Test ${Date.now().toString(36)}`;
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("MRR (USD per month)").fill("3100");
  await page.getByLabel("Owner").selectOption({ label: "Chris CSM" });
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const customerUrl = page.url();

  await page.goto("/risk");
  await expect(page.getByRole("heading", { name: "Debt risk" })).toBeVisible();
  await expect(page.getByTestId("risk-row").filter({ hasText: name })).toHaveCount(0);

  await page.goto(customerUrl);
  const summary = `Data export lost a week of work ${Date.now().toString(36)}`;
  const form = page.getByRole("form", { name: "Log an interaction" });
  await form.getByLabel("What happened").selectOption({ label: "Complaint (−3)" });
  await form.getByLabel("Summary").fill(summary);
  await form.getByLabel("Weight override (optional)").fill("-60");
  await form.getByRole("button", { name: "Log interaction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Complaint logged." })).toBeVisible();

  await page.goto("/risk");
  const top = page.getByTestId("risk-row").first();
  await expect(top).toContainText(name);
  await expect(top.getByTestId("risk-driver").filter({ hasText: summary.slice(0, 40) })).toHaveCount(1);
  await expect(top).toContainText("Fix what went wrong, then follow up with a delight moment.");
  await expect(top).toContainText("Executive call");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await (await download).createReadStream();
  const text = await new Promise<string>((resolve) => {
    let body = "";
    csv.on("data", (chunk: Buffer) => (body += chunk.toString()));
    csv.on("end", () => resolve(body));
  });
  expect(text.split("\r\n")[0]).toContain("customer_id,name,company,owner");
  expect(text.split("\r\n")[1]).toContain(name);
});

test("the risk list explains how it is computed", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/risk?owner=all");
  await page.getByRole("link", { name: "How is this computed?" }).click();
  await expect(page.getByRole("heading", { name: "How is this computed?" })).toBeVisible();
  await expect(page.getByText("Credit half-life: 30 days")).toBeVisible();
  await expect(page.getByTestId("risk-row")).toHaveCount(0);
});
