import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const unique = () => Date.now().toString(36);

async function newCustomer(page: Page, name: string) {
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("MRR (USD per month)").fill("800");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

async function log(page: Page, type: string, summary: string, weight = "") {
  const form = page.getByRole("form", { name: "Log an interaction" });
  await form.getByLabel("What happened").selectOption({ label: type });
  await form.getByLabel("Summary").fill(summary);
  await form.getByLabel("Weight override (optional)").fill(weight);
  await form.getByRole("button", { name: "Log interaction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "logged." })).toBeVisible();
}

test("a CSM answers a complaint from the delight queue: it leaves the queue, the balance rises, the moment is on the timeline and in the log", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  const name = `Delight Test ${unique()}`;
  const url = await newCustomer(page, name);
  const complaint = `Invoice sent twice ${unique()}`;
  await log(page, "Complaint (−3)", complaint);
  await expect(page.getByTestId("customer-balance")).toHaveText("−3.0");

  // Like the risk list, a CSM's queue starts with their own customers; this one has no owner.
  await page.goto("/delight");
  await page.getByRole("searchbox", { name: "Customer or company" }).fill(name);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText(`No unanswered debit of the last weeks matches “${name}”.`)).toBeVisible();
  await page.getByRole("link", { name: "Show everyone's" }).click();
  const row = page.getByTestId("queue-row").filter({ hasText: complaint });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: `Delight ${name}` }).click();
  const form = page.getByRole("form", { name: "Log a delight moment" });
  await expect(form.getByLabel("What prompted it")).toHaveValue(new RegExp(complaint));
  await form.getByLabel("The gesture").fill("Refunded both and sent a handwritten apology");
  await form.getByLabel("Cost (USD)").fill("25");
  await form.getByLabel("Renewed").check();
  await form.getByRole("button", { name: "Log delight moment" }).click();

  // Back on the queue as it was left: the search kept.
  await expect(page).toHaveURL(
    (target) => target.searchParams.get("q") === name && target.searchParams.get("logged") === "1",
  );
  await expect(page.getByRole("searchbox", { name: "Customer or company" })).toHaveValue(name);
  await expect(page.getByRole("status").filter({ hasText: "Delight moment logged." })).toBeVisible();
  await expect(page.getByTestId("queue-row").filter({ hasText: complaint })).toHaveCount(0);
  await expect(page.getByTestId("delight-log-entry").filter({ hasText: name }).first()).toContainText(
    "Refunded both and sent a handwritten apology",
  );

  await page.goto(url);
  await expect(page.getByTestId("customer-balance")).toHaveText("0.0");
  await expect(page.getByTestId("timeline-entry").first()).toContainText("Delight moment");
});

test("from the customer page a delight moment answers one of the customer's open debits: the timeline says it was answered, and a second tab is told", async ({
  page,
  context,
  signInAs,
}) => {
  await signInAs("csm");
  const name = `Answer Test ${unique()}`;
  const url = await newCustomer(page, name);
  await log(page, "Bug report (−1)", "Button does nothing");
  await log(page, "Complaint (−3)", "Invoice wrong again");
  await page.getByRole("link", { name: "Log a delight moment" }).click();
  const form = page.getByRole("form", { name: "Log a delight moment" });
  const answers = form.getByLabel("Answers (optional)");
  const debitId =
    (await answers.locator("option", { hasText: "Complaint — Invoice wrong again" }).getAttribute("value")) ?? "";
  await answers.selectOption(debitId);
  await expect(form.getByLabel("What prompted it")).toHaveValue("Complaint: Invoice wrong again");
  const second = await context.newPage();
  await second.goto(`/delight/new?prompt=${debitId}`);
  await form.getByLabel("The gesture").fill("Corrected invoice, delivered by hand");
  await form.getByRole("button", { name: "Log delight moment" }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId("answered-by").first()).toContainText("Corrected invoice, delivered by hand");

  const late = second.getByRole("form", { name: "Log a delight moment" });
  await late.getByLabel("The gesture").fill("A second gesture");
  await late.getByRole("button", { name: "Log delight moment" }).click();
  await expect(
    late.getByText(/This debit was already answered by Chris CSM on .*: Corrected invoice, delivered by hand\./),
  ).toBeVisible();
});

test("“Log a delight moment” opened without a customer asks whom to delight and leads to the queue; an unknown customer is not found", async ({
  page,
  signInAs,
}) => {
  await signInAs("csm");
  const response = await page.goto("/delight/new");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Choose whom to delight" })).toBeVisible();
  await page.getByRole("link", { name: "the delight queue" }).click();
  await expect(page).toHaveURL(/\/delight$/);
  expect((await page.goto("/delight/new?customer=999999999"))?.status()).toBe(404);
});

test("a community lead invites a candidate as beta tester, activates the role and logs a referral of a new customer", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  const advocate = `Advocate Test ${unique()}`;
  const advocateUrl = await newCustomer(page, advocate);
  const milestone = page.getByRole("form", { name: "Set milestone" });
  await milestone.getByLabel("Milestone").selectOption("10");
  await milestone.getByLabel("Reason").fill("Renewed for a year");
  await milestone.getByRole("button", { name: "Set milestone" }).click();
  await expect(page.getByRole("status").filter({ hasText: "moved to Retained" })).toBeVisible();
  // A generous weight puts this customer at the top of the candidates, whatever the seed holds.
  await log(page, "Praise (+2)", "Best tool we bought this year", "40");
  await log(page, "NPS promoter (9–10) (+2)", "10 — would recommend");

  await page.goto("/advocates");
  const candidate = page.getByTestId("candidate").filter({ hasText: advocate });
  await expect(candidate).toContainText("promoter / praise");
  await candidate.getByLabel("Role", { exact: true }).selectOption({ label: "Beta tester (labs)" });
  await candidate.getByRole("button", { name: "Invite to a role" }).click();
  // Invited, the customer leaves the candidates, and the page says so with a link to the new advocate.
  await expect(candidate).toHaveCount(0);
  await expect(
    page.getByRole("status").filter({ hasText: `${advocate}: invited as Beta tester (labs).` }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: `Open ${advocate}'s page` })).toHaveAttribute(
    "href",
    /\/advocates\/\d+$/,
  );
  const filters = page.getByRole("search", { name: "Filter the roster" });
  await filters.getByLabel("Role").selectOption({ label: "Beta tester (labs)" });
  await filters.getByLabel("Name").fill(advocate);
  await filters.getByRole("button", { name: "Apply" }).click();
  const entry = page.getByTestId("roster-entry").filter({ hasText: advocate });
  await expect(entry).toContainText("invited");
  await expect(page.getByTestId("roster-entry")).toHaveCount(1);
  await entry.getByRole("button", { name: "Activate" }).click();
  await expect(entry).toContainText("active");

  await entry.getByRole("link", { name: advocate }).click();
  const activity = page.getByRole("form", { name: "Log community activity" });
  await activity.getByLabel("What they did").selectOption("referred_customer");
  const referred = `Referred Test ${unique()}`;
  await activity.getByLabel("Referred customer's name").fill(referred);
  await activity.getByRole("button", { name: "Log activity" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Referral logged." })).toBeVisible();
  // Logged, the form clears: a second click cannot log the same referral again.
  await expect(activity.getByLabel("What they did")).toHaveValue("answered_questions");
  await expect(activity.getByLabel("Referred customer's name")).toHaveCount(0);
  // The two forms on the page have ids of their own: each label focuses its own field.
  expect(
    await page.evaluate(() => {
      const ids = [...document.querySelectorAll("[id]")].map((element) => element.id);
      return ids.filter((id, index) => ids.indexOf(id) !== index);
    }),
  ).toEqual([]);
  await page.getByRole("form", { name: "Log an ask" }).getByText("Ask for").click();
  await expect(page.locator("#ask-kind")).toBeFocused();
  await page.getByRole("list", { name: "Recent community activity" }).getByRole("link", { name: referred }).click();
  await expect(page.getByRole("heading", { level: 1, name: referred })).toBeVisible();
  await expect(page.getByRole("link", { name: advocate })).toBeVisible();

  await page.goto("/advocates");
  await expect(page.getByTestId("leader").filter({ hasText: advocate })).toContainText("1 referral");
  await expect(page.getByTestId("leader").filter({ hasText: advocate })).not.toContainText("1 referrals");
  await page.goto(advocateUrl);
  await expect(page.locator("dd").filter({ hasText: "Promotion" })).toBeVisible();
  await expect(page.locator("dd").filter({ hasText: "Advocacy" })).toBeVisible();
});

test("the roster comes at most 25 to a page, and a role's chip narrows it to that role", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/advocates");
  const entries = page.getByTestId("roster-entry");
  await expect(entries.first()).toBeVisible();
  const shown = await entries.count();
  const pages = page.getByRole("navigation", { name: "Pages" }).filter({ hasText: "on the roster" });
  const total = Number(/of ([\d,]+) on the roster/.exec(await pages.innerText())?.[1].replace(/,/g, ""));
  expect(shown).toBe(Math.min(25, total));

  const role = await entries.first().locator("td").nth(1).innerText();
  const chip = page
    .getByRole("list", { name: "Roles" })
    .getByRole("link", { name: new RegExp(`^${role.replace(/[()]/g, "\\$&")} ·`) });
  // The chip says how many hold the role, are invited and retired lately: that is the role's roster.
  const onRoster = [...(await chip.innerText()).matchAll(/([\d,]+) (?:active|invited|retired)/g)].reduce(
    (sum, match) => sum + Number(match[1].replace(/,/g, "")),
    0,
  );
  await chip.click();
  await expect(page).toHaveURL(/[?&]role=\d+/);
  await expect(chip).toHaveAttribute("aria-current", "true");
  await expect(pages).toContainText(`of ${onRoster.toLocaleString("en")} on the roster`);
  // Every row is of that role, so the table no longer repeats it.
  await expect(page.getByRole("table", { name: "Roster" }).getByRole("columnheader", { name: "Role" })).toHaveCount(0);
});
