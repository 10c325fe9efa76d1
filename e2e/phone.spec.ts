import { expect, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone the risk list is cards with why and the next step right under the customer's name", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  await page.goto("/risk");
  const row = page.getByTestId("risk-row").first();
  // Measured once it is in place: a streamed row is in the document, hidden, a moment before it is shown.
  await expect(row).toBeVisible();
  const box = async (selector: string) => {
    const found = await row.locator(selector).first().boundingBox();
    if (!found) throw new Error(`no box for ${selector}`);
    return found;
  };
  const card = await row.boundingBox();
  const name = await box("td[data-card=title]");
  const why = await box("td[data-label=Why]");
  const next = await box('td[data-label="Next step"]');
  const mrr = await box('td[data-label="At stake · renewal"]');
  expect(card?.width ?? 999).toBeLessThanOrEqual(390);
  expect(why.y).toBeGreaterThan(name.y);
  expect(next.y).toBeGreaterThan(why.y);
  expect(mrr.y).toBeGreaterThan(next.y);
  expect(await row.locator("td[data-label=Why]").evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe(
    '"Why"',
  );
});

test("on a phone the customer list is cards: each field under its column's name, sort links kept", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  await page.goto("/customers");
  const row = page.locator("tbody tr").first();
  await expect(row).toBeVisible();
  expect((await row.boundingBox())?.width ?? 999).toBeLessThanOrEqual(390);
  const owner = row.locator("td[data-label=Owner]");
  await expect(owner).toBeVisible();
  const label = await owner.evaluate((cell) => getComputedStyle(cell, "::before").content);
  expect(label).toBe('"Owner"');
  await page.getByRole("columnheader").getByRole("link", { name: /MRR/ }).click();
  await expect(page).toHaveURL(/sort=mrr/);
});

test("on a phone the delight queue is cards: what happened and the Delight button right under the customer", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  await page.goto("/delight");
  const row = page.getByTestId("queue-row").first();
  await expect(row).toBeVisible();
  const name = await row.locator("td[data-card=title]").boundingBox();
  const what = await row.locator("td[data-card=lead]").first().boundingBox();
  const mrr = await row.locator("td[data-label=MRR]").boundingBox();
  if (!name || !what || !mrr) throw new Error("a queue card is missing a part");
  expect(what.y).toBeGreaterThan(name.y);
  expect(mrr.y).toBeGreaterThan(what.y);
  expect((await row.boundingBox())?.width ?? 999).toBeLessThanOrEqual(390);
});
