import { expect, revealCharts, test } from "./fixtures";

test.beforeEach(async ({ signInAs }) => {
  await signInAs("manager");
});

test("stage bar tooltip shows the stage, its share of the book and the total; a click opens the stage's customers", async ({
  page,
}) => {
  await page.goto("/journey?model=scale");
  const table = page.getByTestId("stage-table");
  const secondStage = table.locator("tbody tr").nth(1);
  const stageName = (await secondStage.getAttribute("data-stage")) ?? "";
  const now = (await secondStage.getByTestId("stage-now").innerText()).replace(/,/g, "");
  const total = (
    await table
      .getByTestId("stage-now")
      .evaluateAll((cells) => cells.map((c) => Number(c.textContent?.replace(/,/g, ""))))
  ).reduce((sum, n) => sum + n, 0);

  const chart = page.getByRole("figure", { name: /Bar chart of customers now in each stage/ });
  const bar = chart.getByRole("link").nth(1);
  await expect(bar).toHaveAccessibleName(
    new RegExp(`^${stageName}: ${Number(now).toLocaleString("en-US")} customers?, open its customers$`),
  );
  await bar.hover();
  const tooltip = bar.getByRole("tooltip");
  await expect(tooltip).toContainText(stageName);
  await expect(tooltip).toContainText(`${now} customer`);
  await expect(tooltip).toContainText(`Total${total.toLocaleString("en-US")} customers`);
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();

  // From the keyboard: the next bar is one Tab away, and its figures show while it has focus.
  await chart.getByRole("link").first().focus();
  await page.keyboard.press("Tab");
  await expect(bar).toBeFocused();
  await expect(tooltip).toContainText(stageName);

  await bar.click();
  await expect(page).toHaveURL(/[?&]stage=\d+/);
  await expect(page.getByRole("table", { name: `Customers in ${stageName}` })).toBeVisible();
});

test("weekly chart tooltip adds up the stages of the week under the pointer", async ({ page }) => {
  await page.goto("/journey?model=hourglass");
  await revealCharts(page);
  const chart = page.getByRole("img", { name: /Stacked area chart/ });
  await chart.locator(".recharts-area").first().waitFor();
  const box = await chart.boundingBox();
  if (!box) throw new Error("the weekly chart has no box");
  await chart.hover({ position: { x: box.width * 0.9, y: box.height * 0.4 } });
  const tooltip = chart.locator(".recharts-tooltip-wrapper");
  await expect(tooltip).toContainText(/Week \d/);
  const values = await tooltip
    .locator("li > span:last-child")
    .evaluateAll((cells) => cells.map((c) => Number(c.textContent?.replace(/,/g, ""))));
  const total = Number(/Total\s*([\d,]+) customers/.exec(await tooltip.innerText())?.[1].replace(/,/g, ""));
  expect(values.length).toBeGreaterThan(3);
  expect(values.reduce((sum, n) => sum + n, 0)).toBe(total);
});

test("balance chart and risk-list sparklines show the day and the balance under the pointer", async ({ page }) => {
  await page.goto("/risk");
  const row = page.getByTestId("risk-row").first();
  const sparkline = row.getByRole("img", { name: /Balance over 90 days/ });
  // The sparkline listens once the page has hydrated: move across it until it answers.
  let x = 0.3;
  await expect(async () => {
    x = x > 0.8 ? 0.3 : x + 0.1;
    const box = await sparkline.boundingBox();
    await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) * x, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    await expect(page.getByRole("tooltip")).toHaveText(/^\d{1,2} [A-Z][a-z]{2,3}: [+−]?[\d,]+\.\d$/, {
      timeout: 1_000,
    });
  }).toPass();

  await row.getByRole("link").first().click();
  await page.waitForURL(/\/customers\/\d+/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await revealCharts(page);
  const chart = page.locator(".recharts-surface").first();
  await chart.waitFor();
  const box = await chart.boundingBox();
  if (!box) throw new Error("the balance chart has no box");
  await chart.hover({ position: { x: box.width * 0.95, y: box.height * 0.5 } });
  await expect(page.locator(".recharts-tooltip-wrapper").filter({ hasText: "Balance" })).toContainText(
    /Balance\s*[+−]?[\d,]+\.\d/,
  );
});
