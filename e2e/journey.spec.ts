import type { Page } from "@playwright/test";
import { demoMember, expect, LoginPage, test } from "./fixtures";

async function stageCount(page: Page, model: string, stage: string): Promise<number> {
  await page.goto(`/journey?model=${model}`);
  const cell = page.getByTestId("stage-table").locator(`tr[data-stage="${stage}"]`).getByTestId("stage-now");
  return Number((await cell.innerText()).replace(/,/g, ""));
}

test("a manager moves a customer by hand: the journey and the customer page show it at once; a viewer cannot", async ({
  page,
  signInAs,
  browser,
}) => {
  await signInAs("manager");
  const name = `Journey Test ${Date.now().toString(36)}`;
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const customerUrl = page.url();

  const engagementBefore = await stageCount(page, "hourglass", "Engagement");
  const purchaseBefore = await stageCount(page, "hourglass", "Purchase");

  await page.goto(customerUrl);
  const form = page.getByRole("form", { name: "Set milestone" });
  await form.getByLabel("Milestone").selectOption("7");
  await form.getByLabel("Reason").fill("Signed the contract on a call");
  const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await form.getByRole("button", { name: "Set milestone" }).click();
  const captured = await request;
  await expect(page.getByRole("status").filter({ hasText: `${name} moved to Converted.` })).toBeVisible();
  await expect(page.getByTestId("timeline-entry").first()).toContainText("Aware → Converted");
  await expect(page.getByTestId("timeline-entry").first()).toContainText("Signed the contract on a call");

  expect(await stageCount(page, "hourglass", "Engagement")).toBe(engagementBefore - 1);
  expect(await stageCount(page, "hourglass", "Purchase")).toBe(purchaseBefore + 1);
  await expect(page.getByTestId("stage-table").locator('tr[data-stage="Purchase"]')).toBeVisible();

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  const login = new LoginPage(viewer);
  await login.goto();
  await login.signIn(demoMember("viewer").email, demoMember("viewer").password);
  await expect(viewer.getByTestId("current-member")).toContainText("Vic Viewer");
  await viewer.goto(customerUrl);
  await expect(viewer.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(viewer.getByRole("form", { name: "Set milestone" })).toHaveCount(0);
  const headers = captured.headers();
  const forged = await viewerContext.request.post(captured.url(), {
    headers: {
      "next-action": headers["next-action"],
      "content-type": headers["content-type"],
      accept: "text/x-component",
    },
    data: captured.postDataBuffer() ?? undefined,
  });
  expect(await forged.text()).toContain("Your role does not allow this");
  await viewerContext.close();

  expect(await stageCount(page, "hourglass", "Purchase")).toBe(purchaseBefore + 1);
  await page.goto(customerUrl);
  await expect(page.getByTestId("timeline-entry").filter({ hasText: "Signed the contract on a call" })).toHaveCount(1);
});

test("the three lenses draw their shapes and keep the choice and filters in the URL", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/journey");
  await expect(page.getByRole("figure", { name: /Hourglass chart/ })).toBeVisible();
  await page.getByRole("link", { name: "Customer Value Journey" }).click();
  await expect(page).toHaveURL(/model=cvj/);
  await expect(page.getByRole("figure", { name: /Funnel chart/ })).toBeVisible();
  await page.getByRole("link", { name: "SCALE" }).click();
  await expect(page.getByTestId("stage-table").getByRole("columnheader", { name: "Credit" })).toBeVisible();
  await page.getByLabel("Status").selectOption("all");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/model=scale.*status=all|status=all.*model=scale/);
  await page.getByTestId("stage-table").getByRole("link", { name: "Love" }).click();
  await expect(page.getByRole("table", { name: "Customers in Love" })).toBeVisible();
});

test("the distribution over time is also a table: a row per week, a column per stage of the lens", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  await page.goto("/journey?model=scale");
  await page.getByText("Show as a table").click();
  const weekly = page.locator("details table");
  await expect(weekly).toBeVisible();
  await expect(weekly.getByRole("columnheader")).toHaveText(["Week", "Seek", "Consider", "Act", "Love", "Engage"]);
  expect(await weekly.locator("tbody tr").count()).toBeGreaterThanOrEqual(52);
});
