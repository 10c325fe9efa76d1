import { expect, test } from "./fixtures";

test("a CSM emails a customer from their page; a second email the same day is refused with the reason; the outbox and timeline show the first", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  const name = `Mail Test ${Date.now().toString(36)}`;
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.replace(/\W/g, "").toLowerCase()}@kunde.test`);
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await page.getByText("Write to this customer").click();
  const form = page.getByRole("form", { name: "Email the customer" });
  await form.getByLabel("Subject").fill("Quick check-in, {{customer}}");
  await form.getByRole("button", { name: "Send email" }).click();
  await expect(form.getByRole("status").filter({ hasText: "kept in the outbox" })).toBeVisible();
  await expect(page.getByText(`Email: Quick check-in, ${name}`)).toBeVisible();

  await form.getByRole("button", { name: "Send email" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "was emailed today; the team waits 7 days" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Hourglass" })).toBeVisible();
  await signInAs("manager");
  await page.goto("/settings/outbox");
  const message = page.getByTestId("outbox-message").filter({ hasText: name });
  await expect(message).toHaveCount(1);
  await expect(message).toContainText(`Quick check-in, ${name}`);
  await expect(message).toContainText("In the outbox");
});

test("a viewer sets a webhook on Notifications and their time zone on Your account; the signing secret appears, and the bell leads to their alerts", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/notifications/);
  const form = page.getByRole("form", { name: "Notification settings" });
  await form.getByLabel("Webhook URL (optional)").fill("not a url");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Enter the webhook's full address, starting with https://")).toBeVisible();
  await form.getByLabel("Webhook URL (optional)").fill("https://hooks.example.test/hourglass");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Notification settings saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("webhook-secret")).toContainText("whsec_");
  await page.goto("/settings/account");
  const account = page.getByRole("form", { name: "Your language, time zone and theme" });
  await account.getByLabel("Time zone").selectOption("Europe/Istanbul");
  await account.getByRole("button", { name: "Save" }).click();
  await expect(account.getByRole("status")).not.toBeEmpty();
  await page.reload();
  await expect(
    page.getByRole("form", { name: "Your language, time zone and theme" }).getByLabel("Time zone"),
  ).toHaveValue("Europe/Istanbul");
  // Back to the book's zone: later tests read the viewer's dates.
  await account.getByLabel("Time zone").selectOption("");
  await account.getByRole("button", { name: "Save" }).click();
  await expect(account.getByRole("status")).not.toBeEmpty();
  await page.goto("/settings/notifications");
  await page.getByTestId("bell").click();
  await expect(page.getByRole("region", { name: "Alerts" })).toBeVisible();
});
