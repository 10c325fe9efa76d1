import { expect, type Page, test as base } from "@playwright/test";
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

export function demoMember(role: MemberRole) {
  const member = DEMO_MEMBERS.find((m) => m.role === role);
  if (!member) throw new Error(`No demo member with the role ${role}`);
  return { ...member, password: DEMO_PASSWORD };
}

export const test = base.extend<{ loginPage: LoginPage; signInAs: (role: MemberRole) => Promise<void> }>({
  loginPage: async ({ page }, use) => {
    await use(new LoginPage(page));
  },
  signInAs: async ({ page }, use) => {
    await use((role) => new LoginPage(page).signInAs(role));
  },
});

export { expect };
