import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type ActionDefinition, type ActionResult, executeAction } from "./execute";
import { authenticate } from "@/server/auth/credentials";
import { generateApiToken } from "@/lib/api/tokens";
import { unstorableText } from "@/lib/storable-text";
import type { z } from "zod";
import { db, queryRows } from "@/db";
import type { SessionMember } from "@/lib/permissions";
import {
  advocateRoles,
  apiTokens,
  memberPreferences,
  members as membersTable,
  playbooks,
  roleAssignments,
  savedViews,
} from "@/db/schema";
import { configOf, getLiveVersion, insertVersion } from "@/server/scoring/versions";
import { scoringFormFields } from "@/testing/scoring-form";
import {
  asSessionMember,
  createChurnHistory,
  createCustomer,
  createInvitation,
  createMember,
  createSavedView,
  createTask,
  DEFAULT_MEMBER_PASSWORD,
  resetAccount,
  writeFingerprint,
} from "@/testing/factories";
import { generate } from "otplib";
import { newTotpSecret } from "@/lib/auth/two-factor";
import { listServerActions } from "@/testing/server-action-sources";
import {
  FUZZ_SEED,
  HUGE_TEXT,
  LONE_SURROGATE,
  NUL,
  nastyInput,
  nastyValue,
  ODD_IDS,
  STORABLE_SHAPES,
} from "@/testing/nasty-input";
import * as advocacy from "@/server/advocacy/commands";
import * as apiTokenActions from "@/server/team/api-tokens";
import * as customers from "@/server/customers/commands";
import * as customerPrivacy from "@/server/customers/privacy";
import * as bulkCustomers from "@/server/customers/bulk-commands";
import * as delight from "@/server/delight/commands";
import * as interactions from "@/server/ledger/commands";
import * as journeyModels from "@/server/journey/commands";
import * as members from "@/server/team/members";
import * as invitations from "@/server/team/invitations";
import * as account from "@/server/account/commands";
import * as accountPreferences from "@/server/account/preferences";
import * as milestones from "@/server/journey/milestones";
import * as settings from "@/server/scoring/commands";
import * as taskCommands from "@/server/tasks/commands";
import * as playbookCommands from "@/server/playbooks/commands";
import * as outreachCommands from "@/server/outreach/commands";
import * as notificationCommands from "@/server/notifications/commands";
import * as viewCommands from "@/server/views/commands";
import * as revenueCommands from "@/server/revenue/commands";

const GENERIC_FAILURE = "Something went wrong on our side and nothing was saved. Please try again.";
const RUNS_PER_ACTION = 24;

type Input = Record<string, unknown>;
type AnyAction = ActionDefinition<z.ZodType, unknown>;
/** Where a free-text field ends up: stored exactly as sent after trimming, unless `expected` says otherwise. */
type Stored = { table: string; column: string; expected?: (sent: string) => string; when?: (input: Input) => boolean };
type Spec = {
  /** A valid input, with fresh rows where the action needs them (a customer to churn, an interaction to edit). */
  valid: () => Promise<Input>;
  /** Field names read through a catch-all (stages.0.name, weight.login, scope.read). */
  extraFields?: string[];
  ids?: string[];
  texts?: Record<string, Stored>;
};

let admin: SessionMember;
let roleId: number;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
const now = () => new Date().toISOString();
const fresh = async (overrides: Parameters<typeof createCustomer>[0] = {}) =>
  String((await createCustomer(overrides)).id);
/** A member to act on; no password hashing, which would dominate the run time. */
const freshMember = async (role: "viewer" | "csm") =>
  String(
    (
      await db
        .insert(membersTable)
        .values({ name: "Target", email: `target-${unique()}@example.test`, role, passwordHash: "not-a-hash" })
        .returning()
    )[0].id,
  );

function run<S extends z.ZodType, T>(
  action: ActionDefinition<S, T>,
  input: Input | FormData,
): Promise<ActionResult<T>> {
  return executeAction(action, admin, input);
}

async function loggedInteraction(): Promise<string> {
  const result = await run(interactions.logInteraction, {
    customerId: await fresh(),
    typeKey: "praise",
    occurredAt: now(),
    channel: "email",
    direction: "inbound",
    summary: "Kind words",
  });
  if (!result.ok) throw new Error(result.message);
  return String((result.data as { id: number }).id);
}

const customerTexts: Record<string, Stored> = {
  name: { table: "customers", column: "name" },
  company: { table: "customers", column: "company" },
};
const interactionInput = async () => ({
  typeKey: "complaint",
  occurredAt: now(),
  channel: "chat",
  direction: "inbound",
  summary: "Export failed",
  weight: "",
});

/** Every action a form can call, by the name its module exports; a test checks the list against every 'use server' module. */
const scoringInput = (): Input => scoringFormFields(undefined, { "weight.praise": "2" });
const SCORING_EXTRA_FIELDS = ["weight.praise", "weight.complaint", "weight.no_such_type", "proxy.complaint"];

// These forms send no fields: whatever arrives is noise the action must ignore or refuse clearly.
const NO_FIELDS = ["confirm", "version"];

/** A version in shadow, as Settings → Scoring starts one. */
async function shadowRunning(): Promise<Input> {
  const live = configOf(await getLiveVersion(db));
  await insertVersion(db, {
    config: live,
    summary: "In shadow",
    createdById: admin.id,
    shadowUntil: new Date(Date.now() + 30 * 86_400_000),
  });
  return {};
}

let history: Promise<void> | null = null;
/** A fit needs a year of churn to learn from: made once. */
async function churnHistory(): Promise<Input> {
  await (history ??= createChurnHistory(admin));
  return {};
}

const freshTask = async (checklist: { text: string; done: boolean }[] = []) =>
  String((await createTask({ checklist })).id);
const today = () => new Date().toISOString().slice(0, 10);

/** The fuzzing admin's preferences with a webhook, so the webhook actions reach their work. */
async function adminWebhook(): Promise<Input> {
  const values = { webhookUrl: "https://hooks.example.test/fuzz", webhookSecret: "whsec_dGVzdA==" };
  await db
    .insert(memberPreferences)
    .values({ memberId: admin.id, ...values })
    .onConflictDoUpdate({ target: memberPreferences.memberId, set: values });
  return {};
}

/**
 * The fuzzing admin's views cleared, so a name an earlier run saved is not refused as a duplicate
 * where the suite expects it stored; then one view of theirs to act on.
 */
async function adminView(): Promise<string> {
  await db.delete(savedViews).where(eq(savedViews.ownerId, admin.id));
  return String((await createSavedView({ ownerId: admin.id, name: "Fuzzed view" })).id);
}

/** A fresh customer's $100 monthly subscription, started 30 days ago; ended today when `ended`. */
async function subscription(ended = false): Promise<string> {
  const started = await run(revenueCommands.addSubscription, {
    customerId: await fresh(),
    plan: "Growth",
    amount: "100",
    interval: "month",
    startedOn: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
  });
  if (!started.ok) throw new Error(started.message);
  const id = String((started.data as { id: number }).id);
  if (ended) await run(revenueCommands.endSubscription, { subscriptionId: id, endedOn: today() });
  return id;
}

const subscriptionPlan: Record<string, Stored> = { plan: { table: "subscriptions", column: "plan" } };

const SPECS: Record<string, Spec> = {
  addSubscription: {
    valid: async () => ({
      customerId: await fresh(),
      plan: "Growth",
      amount: "99.50",
      interval: "month",
      startedOn: today(),
    }),
    ids: ["customerId"],
    texts: subscriptionPlan,
  },
  changeSubscription: {
    valid: async () => ({
      subscriptionId: await subscription(),
      plan: "Growth plus",
      amount: "150",
      interval: "month",
      effectiveOn: today(),
    }),
    ids: ["subscriptionId"],
    texts: subscriptionPlan,
  },
  endSubscription: {
    valid: async () => ({ subscriptionId: await subscription(), endedOn: today() }),
    ids: ["subscriptionId"],
  },
  reactivateSubscription: {
    valid: async () => ({ subscriptionId: await subscription(true), startedOn: today() }),
    ids: ["subscriptionId"],
  },
  saveView: {
    valid: async () => {
      await adminView();
      return { list: "customers", query: "q=acme&plan=pro&page=2", name: "Acme on pro", shared: "on", pinned: "on" };
    },
    texts: { name: { table: "saved_views", column: "name" } },
  },
  renameView: {
    valid: async () => ({ viewId: await adminView(), name: "Renamed view" }),
    ids: ["viewId"],
    texts: { name: { table: "saved_views", column: "name" } },
  },
  setViewPinned: { valid: async () => ({ viewId: await adminView(), pinned: "true" }), ids: ["viewId"] },
  deleteView: { valid: async () => ({ viewId: await adminView() }), ids: ["viewId"] },
  sendOutreach: {
    valid: async () => ({ customerId: await fresh(), subject: "Hello {{customer}}", body: "How are things?" }),
    ids: ["customerId"],
    texts: {
      subject: {
        table: "outreach_messages",
        column: "subject",
        expected: (sent) => sent.trim().replace("{{customer}}", "Test Customer"),
      },
      body: { table: "outreach_messages", column: "body" },
    },
  },
  saveOutreachSettings: { valid: async () => ({ quietDays: "7" }) },
  savePreferences: {
    valid: async () => ({ digestEmail: "on", inAppAlerts: "", webhookUrl: "" }),
  },
  rotateWebhookSecret: { valid: async () => adminWebhook(), extraFields: NO_FIELDS },
  sendTestWebhook: { valid: async () => adminWebhook(), extraFields: NO_FIELDS },
  markNotificationsRead: { valid: async () => ({}), extraFields: NO_FIELDS },
  savePlaybook: {
    valid: async () => ({
      playbookId: "",
      name: "Silent customers",
      active: "on",
      trigger: "debit_logged",
      triggerTypeKey: "complaint",
      triggerDays: "",
      taskTitle: "Call {{customer}}",
      checklist: "Read the timeline",
      dueInDays: "2",
      priority: "high",
      assigneeId: "",
      emailSubject: "Hello {{customer}}",
      emailBody: "We noticed the trouble.",
    }),
    ids: ["playbookId", "assigneeId"],
    texts: {
      name: { table: "playbooks", column: "name" },
      taskTitle: { table: "playbooks", column: "task_title" },
      emailSubject: { table: "playbooks", column: "email_subject" },
      emailBody: { table: "playbooks", column: "email_body" },
    },
  },
  deletePlaybook: {
    valid: async () => {
      const [playbook] = await db
        .insert(playbooks)
        .values({ name: `Old ${unique()}`, trigger: "nps_detractor", taskTitle: "Call", active: false })
        .returning();
      return { playbookId: String(playbook.id) };
    },
    ids: ["playbookId"],
  },
  createTask: {
    valid: async () => ({
      customerId: await fresh(),
      title: "Call about the export",
      assigneeId: "",
      dueOn: today(),
      priority: "high",
      checklist: "Read the tickets",
      note: "They asked twice",
    }),
    ids: ["customerId", "assigneeId"],
    texts: { title: { table: "tasks", column: "title" }, note: { table: "tasks", column: "note" } },
  },
  createTaskFromSuggestion: {
    valid: async () => ({ customerId: await fresh(), suggestionKey: "watch" }),
    ids: ["customerId"],
  },
  completeTask: {
    valid: async () => ({ taskId: await freshTask(), outcome: "Agreed a training" }),
    ids: ["taskId"],
    texts: { outcome: { table: "tasks", column: "outcome" } },
  },
  dismissTask: {
    valid: async () => ({ taskId: await freshTask(), reason: "Solved by support" }),
    ids: ["taskId"],
    texts: { reason: { table: "tasks", column: "dismiss_reason" } },
  },
  toggleChecklistItem: {
    valid: async () => ({ taskId: await freshTask([{ text: "Call", done: false }]), item: "0", done: "true" }),
    ids: ["taskId"],
  },
  bulkUpdateTasks: {
    valid: async () => ({
      operation: "complete",
      taskIds: `${await freshTask()},${await freshTask()}`,
      assigneeId: "",
    }),
  },
  createCustomer: {
    valid: async () => ({
      name: "Ada Lovelace",
      email: `ada-${unique()}@example.test`,
      company: "Analytical Engines",
      plan: "growth",
      mrr: "1,200.50",
      ownerId: "",
    }),
    ids: ["ownerId"],
    texts: customerTexts,
  },
  eraseCustomer: {
    valid: async () => ({ customerId: await fresh({ name: "To Be Erased" }), confirmName: "To Be Erased" }),
    ids: ["customerId"],
  },
  updateCustomer: {
    valid: async () => ({
      customerId: await fresh(),
      name: "Grace Hopper",
      email: "",
      company: "Navy",
      plan: "enterprise",
      mrr: "99",
      ownerId: String(admin.id),
    }),
    ids: ["customerId", "ownerId"],
    texts: customerTexts,
  },
  changeOwner: {
    valid: async () => ({ customerId: await fresh(), ownerId: String(admin.id) }),
    ids: ["customerId", "ownerId"],
  },
  churnCustomer: {
    valid: async () => ({ customerId: await fresh(), reason: "Budget cut" }),
    ids: ["customerId"],
    texts: { reason: { table: "customers", column: "churn_reason" } },
  },
  reactivateCustomer: {
    valid: async () => ({ customerId: await fresh({ status: "churned", churnedAt: new Date(), churnReason: "gone" }) }),
    ids: ["customerId"],
  },
  logInteraction: {
    valid: async () => ({ customerId: await fresh(), ...(await interactionInput()) }),
    ids: ["customerId"],
    texts: { summary: { table: "interactions", column: "summary" } },
  },
  editInteraction: {
    valid: async () => ({ interactionId: await loggedInteraction(), ...(await interactionInput()) }),
    ids: ["interactionId"],
    texts: { summary: { table: "interactions", column: "summary" } },
  },
  deleteInteraction: { valid: async () => ({ interactionId: await loggedInteraction() }), ids: ["interactionId"] },
  bulkChangeOwner: {
    valid: async () => ({ list: "customers", customerIds: `${await fresh()},${await fresh()}`, ownerId: "" }),
    ids: ["ownerId"],
  },
  bulkSetMilestone: {
    valid: async () => ({
      list: "risk",
      customerIds: `${await fresh()},${await fresh()}`,
      milestone: "5",
      reason: "Signed the trial agreement",
    }),
    texts: { reason: { table: "milestone_changes", column: "reason" } },
  },
  bulkAddToPlaybook: {
    valid: async () => {
      const [playbook] = await db
        .insert(playbooks)
        .values({ name: `By hand ${unique()}`, trigger: "silence", taskTitle: "Call {{customer}}", active: false })
        .returning();
      return { list: "customers", customerIds: await fresh(), playbookId: String(playbook.id) };
    },
    ids: ["playbookId"],
  },
  bulkLogInteraction: {
    valid: async () => ({
      list: "customers",
      customerIds: `${await fresh()},${await fresh()}`,
      ...(await interactionInput()),
    }),
    texts: { summary: { table: "interactions", column: "summary" } },
  },
  setMilestone: {
    valid: async () => ({ customerId: await fresh(), milestone: "5", reason: "Signed the trial agreement" }),
    ids: ["customerId"],
    texts: { reason: { table: "milestone_changes", column: "reason" } },
  },
  logDelightMoment: {
    valid: async () => ({
      customerId: await fresh(),
      promptInteractionId: "",
      prompt: "Export failed twice",
      gesture: "Hand-written card",
      channel: "email",
      cost: "25",
      weight: "",
      occurredAt: now(),
      outcome: "Replied with thanks",
      postedPublicly: "on",
    }),
    ids: ["customerId", "promptInteractionId"],
    texts: {
      prompt: { table: "delight_moments", column: "prompt" },
      gesture: { table: "delight_moments", column: "gesture" },
      outcome: { table: "delight_moments", column: "outcome" },
    },
  },
  inviteToRole: {
    valid: async () => ({
      customerId: await fresh({ milestone: 11 }),
      roleId: String(roleId),
      notes: "Met at the summit",
    }),
    ids: ["customerId", "roleId"],
    texts: { notes: { table: "role_assignments", column: "notes" } },
  },
  changeRoleStatus: {
    valid: async () => {
      const [assignment] = await db
        .insert(roleAssignments)
        .values({ customerId: Number(await fresh()), roleId, status: "invited" })
        .returning();
      return { assignmentId: String(assignment.id), status: "active" };
    },
    ids: ["assignmentId"],
  },
  logCommunityActivity: {
    valid: async () => ({
      customerId: await fresh(),
      kind: "referred_customer",
      occurredAt: now(),
      note: "Brought a friend",
      referredName: "Friend Co",
      referredEmail: `friend-${unique()}@example.test`,
    }),
    ids: ["customerId"],
    texts: {
      note: { table: "community_activities", column: "note" },
      referredName: { table: "customers", column: "name", when: (input) => input.kind === "referred_customer" },
    },
  },
  logAsk: {
    valid: async () => ({
      customerId: await fresh(),
      kind: "review",
      outcome: "pending",
      note: "G2 review",
      askAnyway: "on",
    }),
    ids: ["customerId"],
    texts: { note: { table: "advocate_asks", column: "note" } },
  },
  setAskCapacity: { valid: async () => ({ customerId: await fresh(), capacity: "3" }), ids: ["customerId"] },
  saveAdvocateRole: {
    valid: async () => ({ roleId: "", name: `Champion ${unique()}`, description: "Speaks for us", active: "on" }),
    ids: ["roleId"],
    texts: {
      name: { table: "advocate_roles", column: "name" },
      description: { table: "advocate_roles", column: "description" },
    },
  },
  createApiToken: {
    valid: async () => ({ name: "CRM sync", "scope.read": "on", "scope.write": "on" }),
    extraFields: ["scope.read", "scope.write", "scope.admin"],
    texts: { name: { table: "api_tokens", column: "name" } },
  },
  revokeApiToken: {
    valid: async () => {
      const { hash, prefix } = generateApiToken();
      const [token] = await db
        .insert(apiTokens)
        .values({ name: "old", scopes: ["read"], tokenHash: hash, prefix, createdById: admin.id })
        .returning();
      return { tokenId: String(token.id) };
    },
    ids: ["tokenId"],
  },
  saveJourneyModel: {
    valid: async () => ({
      modelId: "",
      key: `m-${unique()}`,
      name: "Onboarding lens",
      shape: "stages",
      "stages.0.name": "Early",
      "stages.0.from": "1",
      "stages.0.to": "6",
      "stages.0.target": "30",
      "stages.1.name": "Late",
      "stages.1.from": "7",
      "stages.1.to": "13",
      "stages.1.target": "365",
    }),
    extraFields: [
      "stages.0.name",
      "stages.0.from",
      "stages.0.to",
      "stages.0.target",
      "stages.1.name",
      "stages.1.to",
      "stages.99999999999.name",
    ],
    ids: ["modelId"],
    texts: {
      name: { table: "journey_models", column: "name" },
      "stages.0.name": { table: "journey_stages", column: "name" },
    },
  },
  inviteMember: {
    valid: async () => ({ name: "New Colleague", email: `colleague-${unique()}@example.test`, role: "csm" }),
    texts: { name: { table: "member_invitations", column: "name" } },
  },
  revokeInvitation: {
    valid: async () => ({ invitationId: String((await createInvitation()).id) }),
    ids: ["invitationId"],
  },
  changePassword: {
    valid: async () => {
      await resetAccount(admin.id);
      return {
        current: DEFAULT_MEMBER_PASSWORD,
        next: "a brand new long password",
        confirm: "a brand new long password",
      };
    },
  },
  startTwoFactor: {
    valid: async () => {
      await resetAccount(admin.id);
      return { password: DEFAULT_MEMBER_PASSWORD };
    },
  },
  confirmTwoFactor: {
    valid: async () => {
      const secret = newTotpSecret();
      await resetAccount(admin.id, { totpSecret: secret });
      return { code: await generate({ secret }) };
    },
  },
  disableTwoFactor: {
    valid: async () => {
      await resetAccount(admin.id, { totpSecret: newTotpSecret(), twoFactorOn: true });
      return { password: DEFAULT_MEMBER_PASSWORD };
    },
  },
  renewRecoveryCodes: {
    valid: async () => {
      await resetAccount(admin.id, { totpSecret: newTotpSecret(), twoFactorOn: true });
      return { password: DEFAULT_MEMBER_PASSWORD };
    },
  },
  saveSecuritySettings: { valid: async () => ({}), extraFields: ["requireAdminTwoFactor"] },
  saveAccountPreferences: { valid: async () => ({ locale: "tr", timeZone: "Asia/Shanghai", theme: "light" }) },
  saveBookSettings: { valid: async () => ({ currency: "TRY", timeZone: "Europe/Istanbul" }) },
  changeMemberRole: { valid: async () => ({ memberId: await freshMember("viewer"), role: "csm" }), ids: ["memberId"] },
  setMemberActive: { valid: async () => ({ memberId: await freshMember("csm"), active: "false" }), ids: ["memberId"] },
  updateScoring: { valid: async () => scoringInput(), extraFields: SCORING_EXTRA_FIELDS },
  previewScoring: { valid: async () => scoringInput(), extraFields: SCORING_EXTRA_FIELDS },
  shadowScoring: { valid: async () => scoringInput(), extraFields: SCORING_EXTRA_FIELDS },
  endShadowScoring: { valid: async () => shadowRunning(), extraFields: NO_FIELDS },
  promoteShadowScoring: { valid: async () => shadowRunning(), extraFields: NO_FIELDS },
  fitScoring: { valid: async () => churnHistory(), extraFields: NO_FIELDS },
  saveFittedScoring: { valid: async () => churnHistory(), extraFields: NO_FIELDS },
};

const DEFINITIONS: Record<string, unknown> = {
  ...advocacy,
  ...apiTokenActions,
  ...customers,
  ...customerPrivacy,
  ...bulkCustomers,
  ...delight,
  ...interactions,
  ...journeyModels,
  ...members,
  ...invitations,
  ...account,
  ...accountPreferences,
  ...milestones,
  ...settings,
  ...taskCommands,
  ...playbookCommands,
  ...outreachCommands,
  ...notificationCommands,
  ...viewCommands,
  ...revenueCommands,
};
const definition = (name: string) => DEFINITIONS[name] as AnyAction;

/** The schema's own field names (zod 4: an object, possibly inside a pipe from .transform()). */
function schemaFields(schema: z.ZodType): string[] {
  let current: unknown = schema;
  while (current && typeof current === "object") {
    const def = (current as { def: { type: string; in?: unknown; shape?: Record<string, unknown> } }).def;
    if (def.type === "object" && def.shape) return Object.keys(def.shape);
    if (def.type !== "pipe") break;
    current = def.in;
  }
  throw new Error("Not an object schema");
}

/** What a person needs from a refusal: not our "something went wrong", and a field to look at when we say so. */
function expectSpecificRefusal(result: ActionResult<unknown>) {
  expect(result.ok).toBe(false);
  expect(result.message).not.toBe(GENERIC_FAILURE);
  expect(result.message.length).toBeGreaterThan(0);
  if (!result.ok && result.message.startsWith("Please correct the highlighted fields")) {
    expect(Object.values(result.fieldErrors ?? {}).flat().length).toBeGreaterThan(0);
  }
}

async function storedCount(stored: Stored, value: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from ${sql.identifier(stored.table)} where ${sql.identifier(stored.column)} = ${value}`,
  );
  return row.count;
}

/** Runs an action and checks the promise of the suite: a clear answer, and a refusal writes nothing. */
async function attempt(name: string, input: Input | FormData) {
  const before = await writeFingerprint();
  const result = await run(definition(name), input);
  expect(result.message).not.toBe(GENERIC_FAILURE);
  if (!result.ok) {
    expectSpecificRefusal(result);
    expect(await writeFingerprint()).toEqual(before);
  }
  return result;
}

/** Per text field of the input, how many rows hold it (as it should be stored) in its column. */
async function storedTexts(spec: Spec, input: Input): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [field, stored] of Object.entries(spec.texts ?? {})) {
    const sent = input[field];
    if (typeof sent !== "string" || (stored.when && !stored.when(input))) continue;
    const expected = (stored.expected ?? ((s: string) => s.trim()))(sent);
    // Text the database cannot hold must be refused (attempt() checks that); a query for it would fail.
    if (expected !== "" && unstorableText(expected) === null) counts[field] = await storedCount(stored, expected);
  }
  return counts;
}

/**
 * attempt(), and when the action is accepted, every text it was sent is in one more row than
 * before: stored exactly, not mangled. `strict: false` when the fuzzer replaced an id, so the
 * action may have updated a row that already held the text; then it must merely be there.
 */
async function attemptStored(name: string, input: Input, { strict = true } = {}) {
  const spec = SPECS[name];
  const before = await storedTexts(spec, input);
  const result = await attempt(name, input);
  if (result.ok) {
    for (const [field, count] of Object.entries(await storedTexts(spec, input))) {
      expect(count, `${field} stored as sent`).toBeGreaterThan(strict ? before[field] : 0);
    }
  }
  return result;
}

beforeAll(async () => {
  admin = asSessionMember(await createMember({ role: "admin", name: "Fuzz Admin" }));
  const [role] = await db
    .select({ id: advocateRoles.id })
    .from(advocateRoles)
    .where(eq(advocateRoles.active, true))
    .limit(1);
  roleId = role.id;
});

describe("bad input to every server action", () => {
  it("the suite covers every action a form can call (every 'use server' module)", () => {
    const called = new Set(listServerActions().flatMap((action) => (action.definition ? [action.definition] : [])));
    expect([...called].sort()).toEqual(Object.keys(SPECS).sort());
    for (const name of called) expect(definition(name)?.schema, name).toBeDefined();
  });

  describe.each(Object.keys(SPECS))("%s", (name) => {
    const spec = SPECS[name];

    it("fuzzed input: a clear answer, never our generic failure; a refusal writes nothing; what is saved is what was sent", async () => {
      const fields = [...schemaFields(definition(name).schema), ...(spec.extraFields ?? [])];
      await fc.assert(
        fc.asyncProperty(nastyInput(fields), async ({ keepValid, fields: nasty }) => {
          const input = keepValid ? { ...(await spec.valid()), ...nasty } : nasty;
          await attemptStored(name, input, { strict: !(spec.ids ?? []).some((field) => field in nasty) });
        }),
        { numRuns: RUNS_PER_ACTION, seed: FUZZ_SEED + Object.keys(SPECS).indexOf(name) },
      );
    });

    it("the valid input is accepted (so the fuzzing reaches the work, not only the parser)", async () => {
      expect(await attemptStored(name, await spec.valid())).toMatchObject({ ok: true });
    });

    if (spec.ids?.length) {
      it.each(spec.ids)("odd ids in %s are refused at the field, or as not found, and write nothing", async (field) => {
        // Every attempt is refused, so one valid input serves them all; 2147483647, the largest
        // integer id, must be a clean "not found" (or an overflow refused at the field for smallint).
        const valid = await spec.valid();
        for (const odd of [...ODD_IDS, "2147483647"]) {
          const result = await attempt(name, { ...valid, [field]: odd });
          expect(result.ok, `${field} = ${JSON.stringify(odd)}`).toBe(false);
        }
      });
    }

    if (spec.texts) {
      it.each(Object.keys(spec.texts))(
        "%s: injection-shaped and unicode-edge text is stored exactly; NUL, broken and oversized text is refused at the field",
        async (field) => {
          for (const text of STORABLE_SHAPES) {
            const result = await attemptStored(name, { ...(await spec.valid()), [field]: text });
            expect(result, `${field} = ${JSON.stringify(text)}`).toMatchObject({ ok: true });
          }
          const valid = await spec.valid();
          for (const [text, message] of [
            [`before${NUL}after`, /invisible NUL character/],
            [`broken ${LONE_SURROGATE} emoji`, /broken character/],
            [HUGE_TEXT, /at most|under \d+ characters/i],
          ] as const) {
            const result = await attempt(name, { ...valid, [field]: text });
            expect(result.ok).toBe(false);
            expect(
              !result.ok && result.fieldErrors?.[field]?.[0],
              `${field} = ${JSON.stringify(text.slice(0, 20))}`,
            ).toMatch(message);
          }
        },
      );
    }
  });
});

/** Numbers, dates and shapes the generic checks above do not name: each refused with its own message, or stored as meant. */
const CASES: [
  action: string,
  description: string,
  overrides: Input,
  outcome: { field: string; message: string } | "ok",
][] = [
  [
    "logInteraction",
    "no customer at all",
    { customerId: undefined },
    { field: "customerId", message: "Choose a customer." },
  ],
  [
    "logInteraction",
    "a date in year 1",
    { occurredAt: "0001-01-01T00:00:00Z" },
    { field: "occurredAt", message: "The date is before the year 2000." },
  ],
  [
    "logInteraction",
    "JavaScript's earliest date (before PostgreSQL's)",
    { occurredAt: "-271821-04-20T00:00:00Z" },
    { field: "occurredAt", message: "The date is before the year 2000." },
  ],
  [
    "logInteraction",
    "JavaScript's latest date",
    { occurredAt: "+275760-09-13T00:00:00Z" },
    { field: "occurredAt", message: "The date is more than a day in the future." },
  ],
  [
    "logInteraction",
    "words for a date",
    { occurredAt: "yesterday" },
    { field: "occurredAt", message: "Enter a valid date and time." },
  ],
  [
    "logInteraction",
    "30 February (JavaScript would store 2 March)",
    { occurredAt: "2026-02-30T10:00:00Z" },
    { field: "occurredAt", message: "February 2026 has no day 30." },
  ],
  [
    "logInteraction",
    "a 13th month",
    { occurredAt: "2026-13-01T10:00:00Z" },
    { field: "occurredAt", message: "There is no month 13." },
  ],
  ["logInteraction", "29 February of a leap year", { occurredAt: "2024-02-29T10:00:00Z" }, "ok"],
  [
    "logInteraction",
    "an overflowing number for a date",
    { occurredAt: "1e309" },
    { field: "occurredAt", message: "Enter a valid date and time." },
  ],
  [
    "logInteraction",
    "a hexadecimal weight",
    { weight: "0x10" },
    { field: "weight", message: "The weight must be a number between −100 and 100, or empty for the type's default." },
  ],
  [
    "logInteraction",
    "an infinite weight",
    { weight: "1e309" },
    { field: "weight", message: "The weight must be a number between −100 and 100, or empty for the type's default." },
  ],
  [
    "logInteraction",
    "NaN as weight",
    { weight: "NaN" },
    { field: "weight", message: "The weight must be a number between −100 and 100, or empty for the type's default." },
  ],
  ["logInteraction", "a weight typed with the minus sign of the message (−5)", { weight: "−5" }, "ok"],
  [
    "logInteraction",
    "a summary as an array",
    { summary: ["one", "two"] },
    { field: "summary", message: "Write a short summary of what happened." },
  ],
  [
    "logInteraction",
    "a type key with a NUL",
    { typeKey: `praise${NUL}` },
    { field: "typeKey", message: "Remove the invisible NUL character: it cannot be stored." },
  ],
  [
    "logInteraction",
    "an unknown type key shaped like SQL",
    { typeKey: "praise' or '1'='1" },
    { field: "typeKey", message: "Choose a type from the list." },
  ],
  [
    "createCustomer",
    "MRR past int4 cents",
    { mrr: "99999999999" },
    { field: "mrr", message: "MRR above $10,000,000 a month looks like a typo." },
  ],
  [
    "createCustomer",
    "MRR as 1e309",
    { mrr: "1e309" },
    { field: "mrr", message: "Enter MRR as an amount in dollars, like 1200 or 99.50." },
  ],
  ["createCustomer", "negative MRR", { mrr: "-1" }, { field: "mrr", message: "MRR cannot be negative." }],
  [
    "createCustomer",
    "an object for the plan",
    { plan: { toString: "growth" } },
    { field: "plan", message: "Choose a plan from the list." },
  ],
  [
    "createCustomer",
    "an email with HTML",
    { email: "<script>@example.com" },
    { field: "email", message: "Enter a valid email address, like name@company.com." },
  ],
  [
    "setAskCapacity",
    "a capacity past int4",
    { capacity: "99999999999" },
    { field: "capacity", message: "Capacity must be a whole number from 1 to 50, or empty for the team default." },
  ],
  [
    "setAskCapacity",
    "a hexadecimal capacity",
    { capacity: "0x10" },
    { field: "capacity", message: "Capacity must be a whole number from 1 to 50, or empty for the team default." },
  ],
  [
    "logDelightMoment",
    "a negative cost (said as a cost, not as MRR)",
    { cost: "-5" },
    { field: "cost", message: "The cost cannot be negative." },
  ],
  [
    "logDelightMoment",
    "an infinite cost",
    { cost: "1e309" },
    { field: "cost", message: "Enter the cost as an amount in dollars, like 1200 or 99.50." },
  ],
  [
    "logDelightMoment",
    "a delight weight of Infinity",
    { weight: "Infinity" },
    { field: "weight", message: "A delight moment's credit must be a number above 0 and at most 100." },
  ],
  [
    "setMilestone",
    "milestone 99999999999",
    { milestone: "99999999999" },
    { field: "milestone", message: "Choose a milestone." },
  ],
  [
    "updateScoring",
    "a half-life in exponent notation",
    { creditHalfLifeDays: "1e3" },
    { field: "creditHalfLifeDays", message: "The credit half-life must be a number from 7 to 3650." },
  ],
  [
    "updateScoring",
    "a type weight of Infinity",
    { "weight.praise": "Infinity" },
    { field: "weight.praise", message: "A weight must be a number from −100 to 100." },
  ],
  [
    "saveJourneyModel",
    "a stage boundary in exponent notation",
    { "stages.0.to": "6e0" },
    { field: "stages.0.to", message: "The last milestone must be a whole number from 1 to 13." },
  ],
  [
    "saveJourneyModel",
    "a target past int4",
    { "stages.1.target": "99999999999" },
    { field: "stages.1.target", message: "The target must be a whole number from 1 to 3650." },
  ],
  [
    "inviteMember",
    "an email with a NUL",
    { email: `new${NUL}@example.test` },
    { field: "email", message: "Enter a valid email address, like name@company.com." },
  ],
];

describe("hand-written bad input", () => {
  it.each(CASES)("%s: %s", async (name, _description, overrides, outcome) => {
    const result = await attempt(name, { ...(await SPECS[name].valid()), ...overrides });
    if (outcome === "ok") expect(result).toMatchObject({ ok: true });
    else expect(!result.ok && result.fieldErrors?.[outcome.field]?.[0]).toBe(outcome.message);
  });

  it("an email is stored trimmed and in lower case, the one documented change besides trimming", async () => {
    const input = { ...(await SPECS.createCustomer.valid()), email: `  Ada.${unique()}@Example.COM ` };
    expect(await attempt("createCustomer", input)).toMatchObject({ ok: true });
    expect(await storedCount({ table: "customers", column: "email" }, input.email.trim().toLowerCase())).toBe(1);
  });

  it("a file where a form sends text is ignored, so the field counts as missing", async () => {
    const form = new FormData();
    for (const [field, value] of Object.entries(await SPECS.createCustomer.valid())) form.set(field, String(value));
    form.set("name", new File(["<script>alert(1)</script>"], "name.html", { type: "text/html" }));
    const result = await attempt("createCustomer", form);
    expect(!result.ok && result.fieldErrors?.name).toEqual(["Enter the customer's name."]);
  });
});

describe("sign-in (the one action outside runMemberAction)", () => {
  it("nasty emails and passwords are a plain 'no', never an error; the right password still works", async () => {
    const member = await createMember({ email: `signin-${unique()}@example.test`, password: "the right password" });
    await fc.assert(
      fc.asyncProperty(nastyValue, nastyValue, async (email, password) => {
        expect(await authenticate({ email, password })).toBeNull();
        expect(await authenticate({ email: member.email, password })).toBeNull();
      }),
      { numRuns: 15, seed: FUZZ_SEED },
    );
    expect(
      await authenticate({ email: ` ${member.email.toUpperCase()} `, password: "the right password" }),
    ).toMatchObject({ id: member.id });
  });
});
