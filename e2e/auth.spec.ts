import { decode, encode } from "next-auth/jwt";
import { generate } from "otplib";
import type { MemberRole } from "@/lib/permissions";
import { demoMember, expect, inviteColleague, LoginPage, revealCharts, test } from "./fixtures";

const PAGES = ["/", "/tasks", "/journey", "/risk", "/customers", "/delight", "/advocates", "/settings"];
const NAV = ["Overview", "My day", "Journey", "Risk", "Customers", "Delight", "Advocates"];

test("a wrong password says the email or password is incorrect, without saying which", async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn(demoMember("csm").email, "not the password");
  await expect(loginPage.alert("Email or password is incorrect.")).toBeVisible();
  await loginPage.ready();
  await loginPage.signIn("nobody@hourglass.demo", "not the password");
  await expect(loginPage.alert("Email or password is incorrect.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("a malformed email is explained next to the field", async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn("not-an-email", "whatever");
  await expect(page.locator("#email-error")).toHaveText("Enter the email address you sign in with.");
});

const ROLES: { role: MemberRole; label: string; settings: boolean }[] = [
  { role: "admin", label: "Admin", settings: true },
  { role: "manager", label: "Manager", settings: true },
  { role: "csm", label: "Customer success manager", settings: false },
  { role: "viewer", label: "Viewer", settings: false },
];

for (const { role, label, settings } of ROLES) {
  test(`the ${role} signs in and sees the shell with name, role and the book's counts`, async ({ page, signInAs }) => {
    await signInAs(role);
    await expect(page).toHaveURL("/");
    const member = page.getByTestId("current-member");
    await expect(member).toContainText(demoMember(role).name);
    await expect(member).toContainText(label);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const item of NAV) await expect(nav.getByRole("link", { name: item })).toBeVisible();
    // Everyone has settings of their own (notifications); managers and admins land on the team.
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute(
      "href",
      settings ? "/settings" : "/settings/notifications",
    );
    await expect(page.getByLabel("Book counts")).toContainText("Customers");
    await page.goto("/settings");
    if (settings) await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    else await expect(page.getByRole("heading", { name: "Not available for your role" })).toBeVisible();
  });
}

test("every page sends an anonymous visitor to sign in, and back after it", async ({ page, loginPage }) => {
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { name: "Sign in to Hourglass" })).toBeVisible();
  }
  await page.goto("/risk");
  const member = demoMember("csm");
  await loginPage.signIn(member.email, member.password);
  await expect(page).toHaveURL("/risk");
});

test("sign-out ends the session", async ({ page, signInAs }) => {
  await signInAs("manager");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/customers");
  await expect(page).toHaveURL(/\/login/);
});

test("a session cookie stops working the moment it expires, even one the server has already read", async ({
  page,
  signInAs,
  context,
}) => {
  await signInAs("csm");
  const salt = "authjs.session-token";
  const secret = process.env.AUTH_SECRET ?? "";
  const issued = (await context.cookies()).find((cookie) => cookie.name === salt);
  if (!issued) throw new Error("Signing in set no session cookie.");
  const token = await decode({ token: issued.value, secret, salt });
  expect(token?.sub).toBeTruthy();
  // The same member, in a cookie that lives 2 seconds (Auth.js allows 15 more for clock skew).
  const shortLived = await encode({ token: { sub: token?.sub }, secret, salt, maxAge: 2 });
  await context.addCookies([{ ...issued, value: shortLived }]);
  await page.goto("/customers");
  await expect(page.getByTestId("current-member")).toContainText(demoMember("csm").name);
  await page.waitForTimeout(18_000);
  await page.goto("/customers");
  await expect(page).toHaveURL(/\/login/);
});

test("health answers 200 with the database up, and no replicas when none is configured", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ db: "ok", replicas: [] });
});

test("pages carry a nonce-based Content-Security-Policy and framing protection, and run without a CSP violation", async ({
  page,
  signInAs,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/login");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()["x-frame-options"]).toBe("DENY");
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  await signInAs("manager");
  for (const path of ["/customers", "/risk", "/", "/journey"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await revealCharts(page);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a manager reads the audit log filtered by entity: who did what, before and after", async ({ page, signInAs }) => {
  await signInAs("manager");
  const name = `Audited ${Date.now().toString(36)}`;
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const owner = page.getByRole("form", { name: "Change owner" });
  await owner.getByLabel("Owner").selectOption({ label: "Chris CSM" });
  await owner.getByRole("button", { name: "Change owner" }).click();
  await expect(owner.getByRole("status").filter({ hasText: /owner/i })).toBeVisible();
  await page.goto("/settings/audit");
  await page.getByLabel("Entity").selectOption("customer");
  await page.getByRole("button", { name: "Apply" }).click();
  const entry = page.getByRole("table", { name: "Audit entries" }).getByRole("row").filter({ hasText: name });
  await expect(entry.filter({ hasText: "customer.created" })).toContainText("Max Manager");
  // Readable: the field's name and the members' names, not ownerId: null → 4.
  await expect(
    page
      .getByRole("table", { name: "Audit entries" })
      .getByRole("row")
      .filter({ hasText: "customer.owner_changed" })
      .first(),
  ).toContainText("Owner: — → Chris CSM");
});

test("an admin invites a member, and deactivating them (after confirming) ends their session on the next request", async ({
  page,
  signInAs,
  browser,
}) => {
  await signInAs("admin");
  const email = `colleague-${Date.now().toString(36)}@hourglass.test`;
  const { colleague, context } = await inviteColleague(page, browser, {
    name: "Temporary Colleague",
    email,
    role: "viewer",
    password: "a temporary passphrase",
  });

  await page.reload();
  const deactivate = page
    .getByRole("form", { name: "Deactivate Temporary Colleague" })
    .getByRole("button", { name: "Deactivate" });
  // Deactivate asks first: cancelling changes nothing.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await deactivate.click();
  await expect(page.getByRole("row").filter({ hasText: email })).not.toContainText("Deactivated");
  await expect(colleague.getByTestId("current-member")).toContainText("Temporary Colleague");
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("Deactivate Temporary Colleague?");
    void dialog.accept();
  });
  await deactivate.click();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Deactivated");

  await colleague.goto("/customers");
  await expect(colleague).toHaveURL(/\/login/);
  await context.close();
});

test("repeated wrong passwords are throttled with a clear wait, saying nothing about whether the email exists", async ({
  loginPage,
}) => {
  await loginPage.goto();
  const email = `nobody-${Date.now().toString(36)}@hourglass.test`;
  for (let i = 0; i < 6; i++) {
    await loginPage.signIn(email, `wrong ${i}`);
    await expect(loginPage.alert("Email or password is incorrect.")).toBeVisible();
    await loginPage.ready();
  }
  await loginPage.signIn(email, "wrong again");
  await expect(loginPage.alert(/Too many sign-in attempts\. Please wait \d+ seconds and try again\./)).toBeVisible();
});

test("a stranger's wrong passwords lock the stranger out, not the owner's browser that signed in before", async ({
  page,
  signInAs,
  browser,
}) => {
  await signInAs("admin");
  const email = `owner-${Date.now().toString(36)}@hourglass.test`;
  // The owner accepts an invitation in their browser (and so signs in there once), then signs out.
  const { colleague, context: ownerContext } = await inviteColleague(page, browser, {
    name: "Device Owner",
    email,
    role: "viewer",
    password: "the owner's passphrase",
  });
  const owner = new LoginPage(colleague);
  await owner.page.getByRole("button", { name: "Sign out" }).click();
  await expect(owner.page).toHaveURL(/\/login/);

  // A stranger guesses from another browser, with a made-up X-Forwarded-For that changes nothing.
  const strangerContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.66" } });
  const stranger = new LoginPage(await strangerContext.newPage());
  await stranger.goto();
  for (let i = 0; i < 6; i++) {
    await stranger.signIn(email, `guess ${i}`);
    await expect(stranger.alert("Email or password is incorrect.")).toBeVisible();
    await stranger.ready();
  }
  await stranger.signIn(email, "the owner's passphrase");
  await expect(stranger.alert(/Too many sign-in attempts\. Please wait \d+ seconds/)).toBeVisible();

  // The owner's browser still signs in at once.
  await owner.signIn(email, "the owner's passphrase");
  await expect(owner.page.getByTestId("current-member")).toContainText("Device Owner");
  await ownerContext.close();
  await strangerContext.close();
});

test("invited, a colleague sets their own password, turns on two-factor, and signs in with a code from the app", async ({
  page,
  signInAs,
  browser,
}) => {
  await signInAs("admin");
  const email = `two-factor-${Date.now().toString(36)}@hourglass.test`;
  const password = "my own long passphrase";
  const { colleague, context } = await inviteColleague(page, browser, {
    name: "Tessa Twofactor",
    email,
    role: "csm",
    password,
  });

  await colleague.goto("/settings/account");
  const setup = colleague.getByRole("form", { name: "Set up two-factor" });
  await setup.getByLabel("Your password").fill(password);
  await setup.getByRole("button", { name: "Set up two-factor" }).click();
  await expect(colleague.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await colleague.getByTestId("totp-secret").innerText()).trim();
  const confirm = colleague.getByRole("form", { name: "Confirm two-factor" });
  await confirm.getByLabel("Code from the app").fill(await generate({ secret }));
  await confirm.getByRole("button", { name: "Turn on two-factor" }).click();
  const codes = colleague.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().innerText()).trim();

  await colleague.getByRole("button", { name: "Sign out" }).click();
  const login = new LoginPage(colleague);
  await login.signIn(email, password);
  const step = colleague.getByRole("form", { name: "Two-factor code" });
  await step.getByLabel("Authentication code").fill("000000");
  await step.getByRole("button", { name: "Sign in" }).click();
  await expect(colleague.getByText("That code is not right.")).toBeVisible();
  // The code of the next 30 seconds: the current one confirmed the setup and is used up.
  await step
    .getByLabel("Authentication code")
    .fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await step.getByRole("button", { name: "Sign in" }).click();
  await expect(colleague.getByTestId("current-member")).toContainText("Tessa Twofactor");

  // Without the phone: a recovery code, once.
  await colleague.getByRole("button", { name: "Sign out" }).click();
  await login.signIn(email, password);
  await step.getByLabel("Authentication code").fill(recoveryCode);
  await step.getByRole("button", { name: "Sign in" }).click();
  await expect(colleague.getByTestId("current-member")).toContainText("Tessa Twofactor");
  await context.close();
});

test("changing one's password signs out the other sessions, not this one", async ({ page, signInAs, browser }) => {
  await signInAs("admin");
  const email = `password-${Date.now().toString(36)}@hourglass.test`;
  const { colleague: laptop, context } = await inviteColleague(page, browser, {
    name: "Paul Password",
    email,
    role: "viewer",
    password: "the first long password",
  });
  const phoneContext = await browser.newContext();
  const phone = new LoginPage(await phoneContext.newPage());
  await phone.goto();
  await phone.signIn(email, "the first long password");
  await expect(phone.page.getByTestId("current-member")).toContainText("Paul Password");

  await laptop.goto("/settings/account");
  const change = laptop.getByRole("form", { name: "Change your password" });
  await change.getByLabel("Current password").fill("the first long password");
  await change.getByLabel("New password", { exact: true }).fill("the second long password");
  await change.getByLabel("New password again").fill("the second long password");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByRole("status").filter({ hasText: "Password changed." })).toBeVisible();
  await laptop.goto("/customers");
  await expect(laptop.getByTestId("current-member")).toContainText("Paul Password");

  await phone.page.goto("/customers");
  await expect(phone.page).toHaveURL(/\/login/);
  await context.close();
  await phoneContext.close();
});

test("a path that cannot be decoded is a 400 with a page that says so (pages) or the API's JSON error, never a 500", async ({
  request,
}) => {
  for (const path of [
    "/customers/%E0%80",
    "/advocates/%E0%80",
    "/customers/%uD800",
    "/login%E0",
    "/risk/%E0%80",
    "/revenue/movements%E0",
    "/settings/%E0%80",
    "/export/customers%E0",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text()).toContain("This address is not valid");
  }
  for (const path of [
    "/api/v1/customers/%E0%80",
    "/api/v1/customers/%uD800",
    "/api/v1/events%E0",
    "/api/health/%E0",
    "/api/auth/session%E0",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_path");
  }
});

test("an audit log page past the end says so and links to the last page, instead of “51–21 of 21 entries”", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  await page.goto("/settings/audit?page=100000");
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages).toContainText(/Page 100,000 is past the end: there (is|are) [\d,]+\+? entr(y|ies)\./);
  await pages.getByRole("link", { name: /Go to page/ }).click();
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(/ of [\d,]+\+? entr/);
  await expect(page.getByRole("navigation", { name: "Pages" })).not.toContainText("past the end");
});

test("a manager sees the scoring settings as read-only: said in words, and the disabled fields look it", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  await page.goto("/settings/scoring");
  await expect(page.getByTestId("read-only-note")).toHaveText(
    "You can read the scoring settings; only an admin can change them.",
  );
  const field = page.getByLabel("Credit half-life (days)");
  await expect(field).toBeDisabled();
  expect(await field.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe("rgb(255, 255, 255)");
});

test("on a phone (390×844) the navigation folds behind a Menu button, opens on a tap and folds again on the next page", async ({
  page,
  signInAs,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs("csm");
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Risk" })).toBeHidden();
  // Folded, the navigation leaves the first screen to the page.
  expect((await nav.boundingBox())?.height).toBeLessThan(100);
  await menu.click();
  await expect(nav.getByRole("button", { name: "Close" })).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link", { name: "My day" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My day" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Risk" })).toBeHidden();
});
