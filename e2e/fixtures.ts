import { type Browser, type BrowserContext, expect, type Page, test as base } from "@playwright/test";
import { DEMO_MEMBERS, DEMO_PASSWORD } from "@/lib/demo/members";
import type { MemberRole } from "@/lib/permissions";

export class LoginPage {
  constructor(readonly page: Page) {}

  async goto(path = "/login") {
    await this.page.goto(path);
  }

  /** Submits the form and waits for the server's answer (React then resets the password field). */
  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    const answered = this.page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login",
    );
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await answered;
  }

  /** After a refused attempt: the form has been reset and is ready for the next one. */
  async ready() {
    await expect(this.page.getByLabel("Password")).toHaveValue("");
  }

  /** Signs in as the demo member of a role and waits for the signed-in shell. */
  async signInAs(role: MemberRole, loginPath = "/login") {
    const member = demoMember(role);
    await this.goto(loginPath);
    await this.signIn(member.email, member.password);
    await expect(this.page.getByTestId("current-member")).toContainText(member.name);
  }

  alert(text: string | RegExp) {
    // Next's route announcer is also role="alert": find ours by its text.
    return this.page.getByRole("alert").filter({ hasText: text });
  }
}

/**
 * Scrolls down the page half a screen at a time and back up, then waits for every chart: charts
 * load once their box nears the screen (components/charts/lazy.tsx). A scroll made before the page
 * has hydrated goes unseen by the charts' observers, so the pass repeats until every chart is in.
 */
export async function revealCharts(page: Page) {
  await expect(async () => {
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
        window.scrollTo(0, y);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      }
      window.scrollTo(0, 0);
    });
    await expect(page.locator("[data-chart-box] > .animate-pulse")).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

export function demoMember(role: MemberRole) {
  const member = DEMO_MEMBERS.find((m) => m.role === role);
  if (!member) throw new Error(`No demo member with the role ${role}`);
  return { ...member, password: DEMO_PASSWORD };
}

type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;

export const test = base.extend<
  { loginPage: LoginPage; signInAs: (role: MemberRole) => Promise<void> },
  { sessionCookies: (role: MemberRole) => Promise<Cookies> }
>({
  loginPage: async ({ page }, use) => {
    await use(new LoginPage(page));
  },
  // Each role signs in through the real form once per worker; later tests start from its cookies
  // (a sign-in costs a few seconds, and the sign-in tests themselves use LoginPage directly).
  sessionCookies: [
    async ({ browser }, use, workerInfo) => {
      const signedIn = new Map<MemberRole, Promise<Cookies>>();
      await use((role) => {
        const cached = signedIn.get(role);
        if (cached) return cached;
        const cookies = (async () => {
          const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
          await new LoginPage(await context.newPage()).signInAs(role);
          const jar = await context.cookies();
          await context.close();
          return jar;
        })();
        signedIn.set(role, cookies);
        return cookies;
      });
    },
    { scope: "worker" },
  ],
  signInAs: async ({ page, context, sessionCookies }, use) => {
    await use(async (role) => {
      await context.addCookies(await sessionCookies(role));
      await page.goto("/");
      await expect(page.getByTestId("current-member")).toContainText(demoMember(role).name);
    });
  },
});

/**
 * Where a browser ends up: a redirect before the page streams is an HTTP redirect (followed by the
 * request); one thrown while it streams (under the dashboard's loading state) is a refresh tag.
 */
export function landingOf(finalUrl: string, html: string): string {
  const refresh = /<meta id="__next-page-redirect" http-equiv="refresh" content="\d;url=([^"]+)"/.exec(html)?.[1];
  return new URL(refresh ?? finalUrl, finalUrl).pathname;
}

export { expect };

/**
 * An admin (on `page`) invites a colleague, and the colleague accepts the link in a browser of their
 * own, choosing `password`: returns that browser's page, signed in.
 */
export async function inviteColleague(
  page: Page,
  browser: Browser,
  { name, email, role, password }: { name: string; email: string; role: MemberRole; password: string },
): Promise<{ colleague: Page; context: BrowserContext }> {
  await page.goto("/settings");
  const invite = page.getByRole("form", { name: "Invite a member" });
  await invite.getByLabel("Name").fill(name);
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption(role);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  const link = await page.getByTestId("invitation-link").inputValue();
  const context = await browser.newContext();
  const colleague = await context.newPage();
  await colleague.goto(new URL(link).pathname);
  await colleague.getByLabel("Password (at least 12 characters)").fill(password);
  await colleague.getByLabel("The same password again").fill(password);
  await colleague.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(colleague.getByTestId("current-member")).toContainText(name);
  return { colleague, context };
}

/**
 * On Settings → Import & export: picks what to import and the file, until the form answers with its
 * column mapping (a choice made before the form has hydrated goes unnoticed, so it is made again).
 */
export async function chooseImportFile(
  page: Page,
  file: { name: string; content: string },
  kind: "customers" | "interactions" | "subscriptions" = "customers",
) {
  await expect(async () => {
    await page.getByRole("combobox", { name: "Import", exact: true }).selectOption(kind);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: file.name, mimeType: "text/csv", buffer: Buffer.from(file.content) });
    await expect(page.getByRole("button", { name: "Check and import" })).toBeVisible({ timeout: 1000 });
  }).toPass();
}
