import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequest, BrowserContext } from "@playwright/test";
import type { MemberRole } from "@/lib/permissions";
import { listDefinitionPermissions, listServerActions } from "@/testing/server-action-sources";
import { ForbiddenError } from "@/lib/errors";
import { can, type Permission, ROLES } from "@/lib/permissions";
import { expect, landingOf, LoginPage, test as base } from "./fixtures";
import { DAY_MS as DAY } from "@/lib/dates";

/**
 * The permission matrix over HTTP, on the production build: every page and dashboard route for
 * anonymous visitors and each role, and every server action forged as a raw POST. The same matrix
 * is walked action by action against the database in server/actions/permission-matrix.db.test.ts.
 */

/** Every page under app/(dashboard) and the permission lib/permissions.ts gives it; `[id]` is a real customer. */
const PAGES: { route: string; permission: Permission; query?: string }[] = [
  { route: "/", permission: "dashboard.read" },
  { route: "/journey", permission: "dashboard.read" },
  { route: "/risk", permission: "dashboard.read" },
  { route: "/risk/how", permission: "dashboard.read" },
  { route: "/risk/backtest", permission: "backtest.read" },
  { route: "/customers", permission: "dashboard.read" },
  { route: "/tasks", permission: "dashboard.read" },
  { route: "/revenue", permission: "revenue.read" },
  { route: "/revenue/movements", permission: "revenue.read" },
  { route: "/customers/new", permission: "customers.write" },
  { route: "/customers/[id]", permission: "dashboard.read" },
  { route: "/customers/[id]/edit", permission: "customers.write" },
  { route: "/delight", permission: "dashboard.read" },
  { route: "/delight/new", permission: "delight.write", query: "?customer=[id]" },
  { route: "/delight/effect", permission: "dashboard.read" },
  { route: "/advocates", permission: "dashboard.read" },
  { route: "/advocates/[id]", permission: "dashboard.read" },
  { route: "/forbidden", permission: "dashboard.read" },
  { route: "/settings", permission: "settings.read" },
  { route: "/settings/api", permission: "settings.read" },
  { route: "/settings/audit", permission: "audit.read" },
  { route: "/settings/data", permission: "settings.read" },
  { route: "/settings/journey", permission: "settings.read" },
  { route: "/settings/roles", permission: "settings.read" },
  { route: "/settings/playbooks", permission: "settings.read" },
  { route: "/settings/outbox", permission: "settings.read" },
  { route: "/settings/notifications", permission: "notifications.own" },
  { route: "/settings/account", permission: "account.own" },
  { route: "/settings/scoring", permission: "settings.read" },
];

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Every route handler under app/(dashboard), with the permission it needs and a valid request. */
const ROUTES: { method: "GET" | "POST"; route: string; permission: Permission; query?: string; success: RegExp }[] = [
  { method: "GET", route: "/risk/export", permission: "dashboard.read", success: /^text\/csv/ },
  { method: "GET", route: "/export/customers", permission: "dashboard.read", success: /^text\/csv/ },
  { method: "GET", route: "/customers/[id]/export", permission: "customers.privacy", success: /^application\/json/ },
  {
    method: "GET",
    route: "/export/interactions",
    permission: "dashboard.read",
    query: `?from=${isoDay(Date.now() - 30 * DAY)}&to=${isoDay(Date.now())}`,
    success: /^text\/csv/,
  },
  { method: "POST", route: "/settings/data/import", permission: "settings.manage", success: /^application\/x-ndjson/ },
  {
    method: "GET",
    route: "/search/customers",
    permission: "dashboard.read",
    query: "?q=an",
    success: /^application\/json/,
  },
];

const ROLE_MESSAGE = new ForbiddenError("dashboard.read").message;
const PUBLIC_ACTIONS = ["acceptInvitationAction", "login", "signOutAction"];
const now = new Date().toISOString();
const interactionFields = {
  typeKey: "praise",
  occurredAt: now,
  channel: "email",
  direction: "inbound",
  summary: "Forged",
};

/** Fields a forged request would send to each action: valid enough that a missing gate would write. */
const SCORING_FIELDS = {
  creditHalfLifeDays: "7",
  debtHalfLifeDays: "7",
  silenceDays: "1",
  fatigueContacts: "1",
  fatigueWindowDays: "1",
  debtWeight: "0",
  trendWeight: "0",
  silenceWeight: "0",
  fatigueWeight: "0",
  atRiskScore: "0",
  executiveMrr: "0",
  queueDays: "1",
  askCapacity: "1",
  candidateBalance: "0",
};

const FORGED_FIELDS: Record<string, Record<string, string>> = {
  createCustomer: { name: "Forged Ltd", plan: "growth", mrr: "100" },
  updateCustomer: { customerId: "[id]", name: "Forged Ltd", plan: "growth", mrr: "100" },
  changeOwner: { customerId: "[id]", ownerId: "" },
  addSubscription: {
    customerId: "[id]",
    plan: "Forged",
    amount: "100",
    interval: "month",
    startedOn: now.slice(0, 10),
  },
  changeSubscription: {
    subscriptionId: "1",
    plan: "Forged",
    amount: "100",
    interval: "month",
    effectiveOn: now.slice(0, 10),
  },
  endSubscription: { subscriptionId: "1", endedOn: now.slice(0, 10) },
  reactivateSubscription: { subscriptionId: "1", startedOn: now.slice(0, 10) },
  churnCustomer: { customerId: "[id]", reason: "Forged" },
  eraseCustomer: { customerId: "[id]", confirmName: "Forged" },
  reactivateCustomer: { customerId: "[id]" },
  setMilestone: { customerId: "[id]", milestone: "13", reason: "Forged" },
  bulkChangeOwner: { list: "customers", customerIds: "[id]", ownerId: "" },
  bulkSetMilestone: { list: "customers", customerIds: "[id]", milestone: "13", reason: "Forged" },
  bulkAddToPlaybook: { list: "customers", customerIds: "[id]", playbookId: "1" },
  bulkLogInteraction: { list: "customers", customerIds: "[id]", ...interactionFields },
  logInteraction: { customerId: "[id]", ...interactionFields },
  editInteraction: { interactionId: "1", ...interactionFields },
  deleteInteraction: { interactionId: "1" },
  logDelightMoment: {
    customerId: "[id]",
    prompt: "Forged",
    gesture: "Forged",
    channel: "email",
    cost: "0",
    occurredAt: now,
  },
  inviteToRole: { customerId: "[id]", roleId: "1" },
  changeRoleStatus: { assignmentId: "1", status: "retired" },
  logCommunityActivity: { customerId: "[id]", kind: "wrote_post", occurredAt: now },
  logAsk: { customerId: "[id]", kind: "review", outcome: "pending", askAnyway: "on" },
  setAskCapacity: { customerId: "[id]", capacity: "9" },
  saveAdvocateRole: { name: "Forged role", active: "on" },
  saveJourneyModel: {
    key: "forged",
    name: "Forged",
    shape: "funnel",
    "stages.0.name": "All",
    "stages.0.from": "1",
    "stages.0.to": "13",
    "stages.0.target": "30",
  },
  updateScoring: SCORING_FIELDS,
  shadowScoring: SCORING_FIELDS,
  endShadowScoring: {},
  promoteShadowScoring: {},
  previewScoring: SCORING_FIELDS,
  fitScoring: {},
  saveFittedScoring: {},
  createTask: { customerId: "[id]", title: "Forged", dueOn: now.slice(0, 10), priority: "normal" },
  createTaskFromSuggestion: { customerId: "[id]", suggestionKey: "watch" },
  completeTask: { taskId: "1" },
  dismissTask: { taskId: "1", reason: "Forged" },
  toggleChecklistItem: { taskId: "1", item: "0", done: "true" },
  bulkUpdateTasks: { taskIds: "1", operation: "complete" },
  savePlaybook: { name: "Forged", trigger: "risk_at_risk", taskTitle: "Forged", dueInDays: "1", priority: "normal" },
  deletePlaybook: { playbookId: "1" },
  sendOutreach: { customerId: "[id]", subject: "Forged", body: "Forged" },
  saveOutreachSettings: { quietDays: "0" },
  savePreferences: { webhookUrl: "https://forged.example.test" },
  saveAccountPreferences: { locale: "de", timeZone: "UTC", theme: "dark" },
  saveBookSettings: { currency: "EUR", timeZone: "UTC" },
  rotateWebhookSecret: {},
  sendTestWebhook: {},
  markNotificationsRead: {},
  createApiToken: { name: "forged", "scope.write": "on" },
  revokeApiToken: { tokenId: "1" },
  inviteMember: { name: "Forged Admin", email: "forged@example.test", role: "admin" },
  revokeInvitation: { invitationId: "1" },
  changePassword: { current: "guess", next: "a forged long password", confirm: "a forged long password" },
  startTwoFactor: { password: "guess" },
  confirmTwoFactor: { code: "123456" },
  disableTwoFactor: { password: "guess" },
  renewRecoveryCodes: { password: "guess" },
  saveSecuritySettings: { requireAdminTwoFactor: "on" },
  changeMemberRole: { memberId: "1", role: "viewer" },
  setMemberActive: { memberId: "1", active: "false" },
  saveView: { list: "risk", query: "plan=growth", name: "Forged view", shared: "on", pinned: "on" },
  renameView: { viewId: "1", name: "Forged" },
  setViewPinned: { viewId: "1", pinned: "true" },
  deleteView: { viewId: "1" },
};

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
/** Anonymous without a cookie meets the proxy; with a forged session cookie it gets past the proxy to the page's own check. */
type Visitor = "anonymous" | "anonymous with a forged session cookie" | MemberRole;
const VISITORS: Visitor[] = ["anonymous", "anonymous with a forged session cookie", ...ROLES];

const test = base.extend<{ visitor: Visitor }, { sessions: Record<MemberRole, StorageState>; customerId: string }>({
  visitor: ["anonymous", { option: true }],
  storageState: async ({ visitor, sessions, baseURL }, use) => {
    if (visitor === "anonymous") return use({ cookies: [], origins: [] });
    if (visitor === "anonymous with a forged session cookie") {
      const { hostname } = new URL(baseURL ?? "http://localhost");
      return use({
        cookies: [
          {
            name: "authjs.session-token",
            value: "forged",
            domain: hostname,
            path: "/",
            expires: -1,
            httpOnly: true,
            secure: false,
            sameSite: "Lax",
          },
        ],
        origins: [],
      });
    }
    await use(sessions[visitor]);
  },
  // One sign-in per role for the whole file, through the real sign-in form.
  sessions: [
    async ({ browser }, use, workerInfo) => {
      const sessions = {} as Record<MemberRole, StorageState>;
      for (const role of ROLES) {
        const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
        const page = await context.newPage();
        await new LoginPage(page).signInAs(role);
        sessions[role] = await context.storageState();
        await context.close();
      }
      await use(sessions);
    },
    { scope: "worker" },
  ],
  customerId: [
    async ({ playwright, sessions }, use, workerInfo) => {
      const admin = await playwright.request.newContext({
        baseURL: workerInfo.project.use.baseURL,
        storageState: sessions.admin,
      });
      const csv = await (await admin.get("/export/customers")).text();
      await admin.dispose();
      const id = /^\d+(?=,)/m.exec(csv)?.[0];
      if (!id) throw new Error(`No customer in the export: ${csv.slice(0, 200)}`);
      await use(id);
    },
    { scope: "worker" },
  ],
});

const withId = (text: string, customerId: string) => text.replaceAll("[id]", customerId);
/** The URL path of a folder under app/: route groups like (dashboard) are not part of it. */
const routeOf = (folder: string) =>
  `/${folder
    .split(/[\\/]/)
    .filter((segment) => segment && segment !== "." && !/^\(.*\)$/.test(segment))
    .join("/")}`;

function dashboardFiles(name: "page.tsx" | "route.ts") {
  const root = path.join("app", "(dashboard)");
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => ({ route: routeOf(path.dirname(file)), source: readFileSync(path.join(root, file), "utf8") }));
}

/** The permission a page or route asks its gate for; no argument means "dashboard.read". */
const gatePermission = (source: string, gate: string) =>
  new RegExp(`${gate}\\((?:"([\\w.]+)")?(?:, [^)]*)?\\)`).exec(source)?.[1] ??
  (source.includes(`${gate}(`) ? "dashboard.read" : null);

async function auditTotal(request: APIRequest, admin: StorageState, baseURL: string | undefined) {
  const context = await request.newContext({ baseURL, storageState: admin });
  const html = (await (await context.get("/settings/audit")).text()).replaceAll("<!-- -->", "");
  await context.dispose();
  const total = / of ([\d,]+) entries/.exec(html)?.[1];
  if (!total) throw new Error("The audit log shows no total.");
  return Number(total.replace(/,/g, ""));
}

test.describe("the tables this spec walks are complete", () => {
  test("every page.tsx under app/(dashboard) is in the page table and checks the table's permission itself", () => {
    const pages = dashboardFiles("page.tsx");
    expect(pages.map((p) => p.route).sort()).toEqual(PAGES.map((p) => p.route).sort());
    // Layouts and pages render in parallel: a page must not rely on its layout's check.
    for (const page of pages)
      expect(gatePermission(page.source, "requirePageMember"), page.route).toBe(
        PAGES.find((p) => p.route === page.route)?.permission,
      );
  });

  test("every route.ts under app/(dashboard) is in the route table with its method and checks the table's permission itself", () => {
    const routes = dashboardFiles("route.ts");
    const declared = routes.flatMap((r) =>
      [...r.source.matchAll(/export (?:async function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
        (m) => `${m[1]} ${r.route}`,
      ),
    );
    expect(declared.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.route}`).sort());
    for (const route of routes)
      expect(gatePermission(route.source, "requireMember"), route.route).toBe(
        ROUTES.find((r) => r.route === route.route)?.permission,
      );
  });

  test("the build exposes exactly the server actions the source declares, and each has forged fields", () => {
    const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
      node: Record<string, { filename: string; exportedName: string }>;
    };
    const built = Object.values(manifest.node)
      .map((a) => `${a.filename}#${a.exportedName}`)
      .sort();
    const source = listServerActions();
    expect(built).toEqual(source.map((a) => `${a.file}#${a.exportedName}`).sort());
    const definitions = source.flatMap((a) => (a.definition ? [a.definition] : []));
    expect([...new Set(definitions)].sort()).toEqual(Object.keys(FORGED_FIELDS).sort());
  });
});

for (const visitor of VISITORS) {
  test.describe(`pages for ${visitor.startsWith("anonymous") ? "an" : "the"} ${visitor}`, () => {
    test.use({ visitor });

    for (const { route, permission, query } of PAGES) {
      const role = ROLES.find((r) => r === visitor);
      const outcome = !role ? "sent to sign in" : can(role, permission) ? "gets the page" : "sent to /forbidden";
      test(`${route} (${permission}): ${outcome}`, async ({ context, customerId }) => {
        const url = withId(`${route}${query ?? ""}`, customerId);
        const response = await context.request.get(url);
        const html = await response.text();
        const landed = landingOf(response.url(), html);
        expect(response.status()).toBe(200);
        if (outcome === "sent to sign in") {
          expect(landed).toBe("/login");
          if (landed === new URL(response.url()).pathname) expect(html).toContain("Sign in to Hourglass");
        } else if (outcome === "sent to /forbidden") {
          expect(landed).toBe("/forbidden");
        } else {
          expect(landed).toBe(withId(route, customerId));
          expect(html).toMatch(/<main[^>]*>[\s\S]*<h[12]/);
        }
      });
    }
  });
}

for (const visitor of VISITORS) {
  test.describe(`dashboard routes for ${visitor.startsWith("anonymous") ? "an" : "the"} ${visitor}`, () => {
    test.use({ visitor });

    for (const { method, route, permission, query, success } of ROUTES) {
      const role = ROLES.find((r) => r === visitor);
      const outcome = !role ? "redirected to sign in" : can(role, permission) ? "answered" : "403";
      test(`${method} ${route} (${permission}): ${outcome}`, async ({
        context,
        playwright,
        sessions,
        baseURL,
        customerId,
      }) => {
        const stamp = `${Date.now().toString(36)}-${visitor.replace(/\W+/g, "-")}`;
        const before = method === "POST" ? await auditTotal(playwright.request, sessions.admin, baseURL) : 0;
        const response =
          method === "GET"
            ? await context.request.get(withId(`${route}${query ?? ""}`, customerId), { maxRedirects: 0 })
            : await context.request.post(route, {
                maxRedirects: 0,
                multipart: {
                  kind: "customers",
                  mapping: JSON.stringify({ externalId: "external_id", name: "name" }),
                  file: {
                    name: "customers.csv",
                    mimeType: "text/csv",
                    buffer: Buffer.from(`external_id,name\nmatrix-${stamp},Matrix Import ${stamp}\n`),
                  },
                },
              });
        if (outcome === "redirected to sign in") {
          expect([303, 307]).toContain(response.status());
          expect(new URL(response.headers().location ?? "", "http://x").pathname).toBe("/login");
        } else if (outcome === "403") {
          expect(response.status()).toBe(403);
          expect(await response.json()).toEqual({ message: ROLE_MESSAGE });
        } else {
          expect(response.status()).toBe(200);
          expect(response.headers()["content-type"]).toMatch(success);
          if (method === "POST") expect((await response.text()).trim().split("\n").pop()).toContain('"ok":true');
        }
        // The import is the one write here: one customer for the admin, nothing for anyone else.
        if (method === "POST")
          expect(await auditTotal(playwright.request, sessions.admin, baseURL)).toBe(
            before + (outcome === "answered" ? 1 : 0),
          );
      });
    }
  });
}

const FORGERS: Visitor[] = [
  "anonymous",
  "anonymous with a forged session cookie",
  ...ROLES.filter((role) => role !== "admin"),
];

test.describe("server actions forged as raw POSTs with the build's action ids", () => {
  for (const visitor of FORGERS) {
    test.describe(() => {
      test.use({ visitor });
      const role = ROLES.find((r) => r === visitor);
      const rule = role
        ? `every action beyond the ${role}'s permissions is refused with the role message`
        : "every action sends the caller to sign in";

      test(`${visitor}: ${rule}, and the audit log total is unchanged`, async ({
        context,
        playwright,
        sessions,
        baseURL,
        customerId,
      }) => {
        const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
          node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
        };
        const sources = listServerActions();
        const permissions = listDefinitionPermissions();
        const before = await auditTotal(playwright.request, sessions.admin, baseURL);
        let forged = 0;
        for (const [actionId, action] of Object.entries(manifest.node)) {
          if (PUBLIC_ACTIONS.includes(action.exportedName)) continue;
          const definition = sources.find(
            (s) => s.file === action.filename && s.exportedName === action.exportedName,
          )?.definition;
          if (!definition) throw new Error(`${action.exportedName} in ${action.filename} runs no action definition`);
          if (role && can(role, permissions[definition])) continue;
          // POST to a page that serves the action, encoded as React's encodeReply encodes (previousState, formData).
          const worker = Object.keys(action.workers)[0];
          const url = withId(routeOf(worker.replace(/^app\//, "").replace(/\/page$/, "")), customerId);
          const body = new FormData();
          for (const [key, value] of Object.entries(FORGED_FIELDS[definition]))
            body.append(`_1_${key}`, withId(value, customerId));
          // The root last, as encodeReply sends it (a plain object would list the key "0" first, and the
          // server would then miss the form's fields).
          body.append("0", '[null,"$K1"]');
          const response = await context.request.post(url, {
            headers: { "Next-Action": actionId },
            multipart: body,
            maxRedirects: 0,
          });
          const answer = await response.text();
          const label = `${action.exportedName} at ${url}`;
          if (visitor === "anonymous") {
            expect(response.status(), label).toBe(307);
            expect(new URL(response.headers().location ?? "", "http://x").pathname, label).toBe("/login");
          } else if (!role) {
            expect(response.headers()["x-action-redirect"], label).toMatch(/^\/login;/);
            expect(answer, label).not.toContain('"ok":true');
          } else {
            expect(response.status(), label).toBe(200);
            expect(answer, label).toContain(JSON.stringify({ ok: false, message: ROLE_MESSAGE }));
          }
          forged++;
        }
        expect(forged).toBeGreaterThan(0);
        expect(await auditTotal(playwright.request, sessions.admin, baseURL)).toBe(before);
      });
    });
  }
});
