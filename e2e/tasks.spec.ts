import { expect, test } from "./fixtures";

test("from the risk list a suggested step becomes a task, which My day lists and completing puts on the timeline", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  const name = `Task Test ${Date.now().toString(36)}`;
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Owner").selectOption({ label: "Chris CSM" });
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const customerUrl = page.url();
  const form = page.getByRole("form", { name: "Log an interaction" });
  await form.getByLabel("What happened").selectOption({ label: "Complaint (−3)" });
  await form.getByLabel("Summary").fill("Invoices were wrong again");
  await form.getByLabel("Weight override (optional)").fill("-80");
  await form.getByRole("button", { name: "Log interaction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Complaint logged." })).toBeVisible();

  await page.goto("/risk");
  const row = page.getByTestId("risk-row").filter({ hasText: name });
  const step = "Fix what went wrong, then follow up with a delight moment.";
  await row.getByRole("button", { name: `Make it a task: “${step}” for ${name}` }).click();
  await expect(row.getByRole("status").filter({ hasText: "On My day" })).toBeVisible();
  await page.reload();
  await expect(row.getByRole("button", { name: `Make it a task: “${step}” for ${name}` })).toHaveCount(0);
  // This step, and the demo playbooks' "rescue accounts sliding into debt" and "answer complaints" tasks.
  await expect(row.getByTestId("open-tasks")).toHaveText("3 open tasks");

  await page.getByRole("link", { name: "My day" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "My day" })).toBeVisible();
  const today = page.getByRole("region", { name: /Due today/ });
  const group = today.getByTestId("task-customer").filter({ hasText: name });
  await expect(group.getByTestId("task")).toContainText(step);
  await expect(group).toContainText("risk");
  await group.getByLabel("Outcome (optional)").fill("Credited the invoice and called");
  await group.getByRole("button", { name: "Complete" }).click();
  // The step's task leaves the section; the customer's playbook tasks may be due today too when the
  // run crosses midnight, so the check is on this task, not the customer's group.
  await expect(group.getByTestId("task").filter({ hasText: step })).toHaveCount(0);

  await page.goto(customerUrl);
  await expect(page.getByText(`Task done: ${step}`)).toBeVisible();
  await expect(page.getByText("Credited the invoice and called")).toBeVisible();
});

test("a task added on the customer's page shows there and on My day; an incomplete form says what is missing", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  const name = `Manual Task ${Date.now().toString(36)}`;
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Owner").selectOption({ label: "Chris CSM" });
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByText("Add a task").click();
  const form = page.getByRole("form", { name: "Add a task" });
  await form.getByRole("button", { name: "Add task" }).click();
  await expect(form.getByText("Say what needs doing.")).toBeVisible();
  await form.getByLabel("Task").fill("Send the onboarding deck");
  await form.getByLabel("Priority").selectOption("high");
  await form.getByLabel("Checklist (optional)").fill("Update slides\nSend");
  await form.getByRole("button", { name: "Add task" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Task added." })).toBeVisible();
  const open = page.getByRole("list", { name: "Open tasks" });
  await expect(open.getByTestId("task")).toContainText("Send the onboarding deck");
  await open.getByRole("checkbox", { name: "Update slides" }).click();
  await expect(open.getByRole("checkbox", { name: "Update slides" })).toHaveAttribute("aria-checked", "true");

  await page.goto("/tasks?priority=high");
  const customer = page.getByTestId("task-customer").filter({ hasText: name });
  await expect(customer).toContainText("Send the onboarding deck");

  // Dismissing needs a reason; the task then leaves My day.
  await customer.getByText("Dismiss…").click();
  const dismiss = customer.getByRole("form", { name: "Dismiss “Send the onboarding deck”" });
  await dismiss.getByRole("button", { name: "Dismiss" }).click();
  await expect(dismiss.getByText("Say why the task is dismissed, so the team knows it was looked at.")).toBeVisible();
  await dismiss.getByLabel("Why dismiss it?").fill("The customer already has the deck");
  await dismiss.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("task-customer").filter({ hasText: name })).toHaveCount(0);
});

test("an admin's playbook turns a logged complaint into a task for the customer's owner", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  const playbook = `Billing rescue ${Date.now().toString(36)}`;
  await page.goto("/settings/playbooks");
  const form = page.getByRole("form", { name: "New playbook" });
  await form.getByLabel("Name").fill(playbook);
  await form.getByLabel("When").selectOption({ label: "A debit of a chosen type is logged" });
  await form.getByRole("button", { name: "Create playbook" }).click();
  await expect(form.getByText("Choose which debit fires the playbook.")).toBeVisible();
  await form.getByLabel("Debit").selectOption({ label: "Billing problem" });
  await form.getByLabel("Task title").fill("Sort out {{customer}}'s invoice");
  await form.getByLabel("Priority").selectOption("urgent");
  await form.getByRole("button", { name: "Create playbook" }).click();
  await expect(page.getByRole("region", { name: playbook })).toContainText("Billing problem is logged");

  const name = `Billing Test ${Date.now().toString(36)}`;
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Owner").selectOption({ label: "Chris CSM" });
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const log = page.getByRole("form", { name: "Log an interaction" });
  await log.getByLabel("What happened").selectOption({ label: "Billing problem (−2)" });
  await log.getByLabel("Summary").fill("Charged twice");
  await log.getByRole("button", { name: "Log interaction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Billing problem logged." })).toBeVisible();
  await page.reload();
  const open = page.getByRole("list", { name: "Open tasks" });
  await expect(open.getByTestId("task")).toContainText(`Sort out ${name}'s invoice`);
  await expect(open.getByTestId("task")).toContainText(`Playbook: ${playbook}`);
  await expect(open.getByTestId("task")).toContainText("Chris CSM");
});

test("My day shows 25 tasks per section at first and 25 more at each “Show more”", async ({
  page,
  signInAs,
  request,
}) => {
  await signInAs("admin");
  const name = `Many Tasks ${Date.now().toString(36)}`;
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const customerId = Number(page.url().split("/").pop());

  await page.goto("/settings/api");
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Token name").fill("task import");
  await form.getByLabel("write").check();
  await form.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").innerText()).trim();
  const tasks = Array.from({ length: 60 }, (_, k) => ({
    externalId: `${name}-${k}`,
    customerId,
    title: `Old follow-up ${k + 1}`,
    dueOn: "2026-01-15",
    priority: "low",
  }));
  const created = await request.post("/api/v1/tasks", {
    data: { tasks },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(created.status()).toBe(201);

  // The customer has no owner, so the tasks are nobody's: at least these 60 are overdue and low.
  await page.goto("/tasks?assignee=unassigned&priority=low");
  const overdue = page.getByRole("region", { name: /^Overdue/ });
  const count = Number(/\(([\d,]+)\)/.exec(await overdue.getByRole("heading").innerText())?.[1].replace(/,/g, ""));
  expect(count).toBeGreaterThanOrEqual(60);
  await expect(overdue.getByTestId("task")).toHaveCount(25);
  await expect(overdue).toContainText(`Showing the first 25 of ${count}.`);
  await overdue.getByRole("link", { name: "Show more in “Overdue”" }).click();
  await expect(page).toHaveURL(/show-overdue=50/);
  await expect(overdue.getByTestId("task")).toHaveCount(50);
  await expect(overdue).toContainText(`Showing the first 50 of ${count}.`);
});
