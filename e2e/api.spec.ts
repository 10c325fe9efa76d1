import { chooseImportFile, expect, test } from "./fixtures";

test("an admin creates a write token in Settings and a client sends events over real HTTP: created, replayed, read back", async ({
  page,
  signInAs,
  request,
}) => {
  await signInAs("admin");
  const email = `api-${Date.now().toString(36)}@example.test`;
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill("Api Over Http");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Api Over Http" })).toBeVisible();
  const customerId = page.url().split("/").pop();

  await page.goto("/settings/api");
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Token name").fill("product events");
  await form.getByLabel("write").check();
  await form.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").innerText()).trim();
  expect(token).toMatch(/^hg_/);

  const body = {
    events: [
      {
        externalId: `evt-${Date.now()}`,
        customerEmail: email,
        type: "complaint",
        occurredAt: new Date().toISOString(),
        summary: "Checkout failed",
      },
    ],
  };
  const headers = { Authorization: `Bearer ${token}` };
  const created = await request.post("/api/v1/events", { data: body, headers });
  expect(created.status()).toBe(201);
  const replay = await request.post("/api/v1/events", { data: body, headers });
  expect(replay.status()).toBe(200);
  expect((await replay.json()).results[0].status).toBe("duplicate");
  expect((await request.post("/api/v1/events", { data: body })).status()).toBe(401);

  const customer = await request.get(`/api/v1/customers/${customerId}`, { headers });
  expect(await customer.json()).toMatchObject({ email, balance: -3, stages: { hourglass: "Engagement" } });
  expect(Number(customer.headers()["ratelimit-remaining"])).toBeLessThan(Number(customer.headers()["ratelimit-limit"]));
  const patched = await request.patch(`/api/v1/customers/${customerId}`, {
    data: { company: "Over Http AG" },
    headers,
  });
  expect(await patched.json()).toMatchObject({ company: "Over Http AG", email });
  const stored = await request.get(`/api/v1/events?customerId=${customerId}`, { headers });
  expect((await stored.json()).events).toMatchObject([
    { summary: "Checkout failed", type: "complaint", source: "api" },
  ]);
  const openapi = await request.get("/api/v1/openapi.json");
  expect((await openapi.json()).openapi).toBe("3.1.0");
  await expect(page.getByRole("region", { name: "PATCH /customers/{id}" })).toContainText("updateCustomer");
  await page.getByText("CustomerPage", { exact: true }).click();
  await expect(page.getByRole("region", { name: "Schemas" })).toContainText("Pass as `cursor` for the next page");

  await page.goto(`/customers/${customerId}`);
  await expect(page.getByTestId("timeline-entry").first()).toContainText("Checkout failed");

  await page.goto("/settings/data");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Customers (CSV)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^hourglass-customers-.*\.csv$/);
});

test("an admin imports customers from a CSV with column mapping and a progress bar; bad rows are listed by number", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  await page.goto("/settings/data");
  const stamp = Date.now().toString(36);
  await chooseImportFile(page, {
    name: "bad.csv",
    content: `Customer,Key,Monthly\n,bad-${stamp},10\nOk,bad2-${stamp},-3\n`,
  });
  await page.getByLabel("Column for Name").selectOption("Customer");
  await page.getByLabel("Column for External id").selectOption("Key");
  await page.getByLabel("Column for MRR (USD)").selectOption("Monthly");
  await page.getByRole("button", { name: "Check and import" }).click();
  const problems = page.getByRole("table", { name: "Problems" });
  await expect(problems).toContainText("Required.");
  await expect(problems.getByRole("row").nth(2)).toContainText("3");
  await expect(page.getByRole("alert").filter({ hasText: "nothing was imported" })).toBeVisible();

  const rows = Array.from(
    { length: 120 },
    (_, i) => `csv-${stamp}-${i},Imported ${stamp} ${i},imported-${stamp}-${i}@example.test,${i * 10}`,
  );
  await chooseImportFile(page, {
    name: "customers.csv",
    content: `external_id,name,email,mrr\n${rows.join("\n")}\n`,
  });
  await expect(page.getByLabel("Column for Email")).toHaveValue("email");
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 120 rows: 120 created, 0 updated" })).toBeVisible();

  await page.goto(`/customers?q=Imported+${stamp}`);
  await expect(page.getByText("of 120 customers")).toBeVisible();
});
