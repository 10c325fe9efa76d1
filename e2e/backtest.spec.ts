import { expect, test } from "./fixtures";

test("a manager opens the backtest from the risk list: AUC with its interval, every baseline, calibration by decile, and a 30-day horizon one URL away", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  await page.goto("/risk");
  await expect(page.getByText(/Scores by scoring version \d+/)).toBeVisible();
  await page.getByRole("link", { name: "Does it predict churn?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Does the risk score predict churn?" })).toBeVisible();
  await expect(page.getByTestId("backtest-auc")).toHaveText(/^0\.\d{3}$/);
  await expect(page.getByTestId("backtest-lift")).toHaveText(/^\d+\.\d×$/);
  const scores = page.getByRole("table", { name: "Scores and baselines" });
  for (const label of ["MRR alone", "Days silent alone", "Balance alone", "Inbound volume", "Tenure", "Random"])
    await expect(scores.getByRole("row").filter({ hasText: label })).toHaveCount(1);
  await expect(page.getByRole("table", { name: /calibration/i })).toBeVisible();

  const settings = page.getByRole("form", { name: "Backtest settings" });
  await settings.getByLabel("Churned within").selectOption("30");
  await settings.getByRole("button", { name: "Run" }).click();
  await expect(page).toHaveURL(/horizon=30/);
  await expect(page.getByRole("heading", { name: /predict churn within 30 days\?/ })).toBeVisible();
});

test("a CSM cannot open the backtest: the page says whose it is", async ({ page, signInAs }) => {
  await signInAs("csm");
  await page.goto("/risk");
  await expect(page.getByRole("link", { name: "Does it predict churn?" })).toHaveCount(0);
  await page.goto("/risk/backtest");
  await expect(page.getByText("Not available for your role")).toBeVisible();
});

test("an admin previews a draft's backtest beside the live version, then fits the weights to the book, and nothing is saved", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  await page.goto("/settings/scoring");
  const versions = page.getByTestId("scoring-version");
  const before = await versions.count();
  const form = page.getByRole("form", { name: "Scoring" });
  await form.getByLabel("Weight of debt").fill("0");
  await form.getByLabel("Weight of silence").fill("0");
  await form.getByRole("button", { name: "Preview backtest" }).click();
  const preview = page.getByRole("region", { name: "Draft backtest" }).getByRole("status");
  await expect(preview).toContainText(/Backtest against version \d+ .* AUC 0\.\d{3} → 0\.\d{3}, top-decile lift/);
  await expect(preview).toContainText("Nothing was saved.");

  await page.getByRole("form", { name: "Fit the score" }).getByRole("button", { name: "Fit weights" }).click();
  const proposal = page.getByTestId("fit-proposal");
  await expect(proposal.getByRole("row").filter({ hasText: "Fitted (proposed)" })).toContainText(/0\.\d{3}/);
  await expect(proposal.getByRole("list", { name: "What the fit learned" })).toContainText("each point of debt");
  await page.reload();
  await expect(versions).toHaveCount(before);
});

test("an admin runs a draft in shadow: the risk list shows its score beside the live one until the admin ends it", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  await page.goto("/settings/scoring");
  const form = page.getByRole("form", { name: "Scoring" });
  await form.getByLabel("Weight of debt").fill("2");
  await form.getByRole("button", { name: "Run in shadow for 30 days" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Version \d+ runs in shadow for 30 days/ })).toBeVisible();
  await expect(page.getByTestId("shadow-summary")).toContainText(/would be at risk today/);

  await page.goto("/risk?owner=all");
  await expect(page.getByText(/Version \d+ runs in shadow until/)).toBeVisible();
  await expect(page.getByTestId("risk-row").first().getByTestId("shadow-risk")).toHaveText(/in shadow \d+\.\d/);

  await page.goto("/settings/scoring");
  await page.getByRole("form", { name: "End the shadow" }).getByRole("button", { name: "End the shadow" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Version \d+ no longer runs in shadow\./ })).toBeVisible();
  await expect(page.getByTestId("shadow-summary")).toHaveCount(0);
  await page.goto("/risk?owner=all");
  await expect(page.getByTestId("shadow-risk")).toHaveCount(0);
});

test("a viewer asks whether the delight worked: matched pairs, churn answered against not, and a plain verdict per gesture", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  await page.goto("/delight");
  await page.getByRole("link", { name: "Did the delight work?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Did the delight work?" })).toBeVisible();
  await expect(page.getByTestId("effect-pairs")).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByTestId("effect-verdict")).toHaveText(
    /^(Too few pairs to tell|Fewer churned|More churned|No difference)/,
  );
  const gestures = page.getByRole("table", { name: "Gesture" }).getByTestId("effect-row");
  expect(await gestures.count()).toBeGreaterThan(0);
  await expect(gestures.first()).toContainText(/Too few pairs to tell|churned|No difference/);
});
