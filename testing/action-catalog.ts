import { saveAccountPreferences, saveBookSettings } from "@/server/account/preferences";
import type { z } from "zod";
import { type ActionDefinition, type ActionResult, executeAction } from "@/server/actions/execute";
import type { Permission } from "@/lib/permissions";
import { db } from "@/db";
import {
  changeRoleStatus,
  inviteToRole,
  logAsk,
  logCommunityActivity,
  saveAdvocateRole,
  setAskCapacity,
} from "@/server/advocacy/commands";
import { createApiToken, revokeApiToken } from "@/server/team/api-tokens";
import { eraseCustomer } from "@/server/customers/privacy";
import {
  changeOwner,
  churnCustomer,
  createCustomer as createCustomerAction,
  reactivateCustomer,
  updateCustomer,
} from "@/server/customers/commands";
import {
  bulkAddToPlaybook,
  bulkChangeOwner,
  bulkLogInteraction,
  bulkSetMilestone,
} from "@/server/customers/bulk-commands";
import { logDelightMoment } from "@/server/delight/commands";
import { deleteInteraction, editInteraction, logInteraction } from "@/server/ledger/commands";
import { saveJourneyModel } from "@/server/journey/commands";
import { changeMemberRole, setMemberActive } from "@/server/team/members";
import { inviteMember, revokeInvitation } from "@/server/team/invitations";
import {
  changePassword,
  confirmTwoFactor,
  disableTwoFactor,
  renewRecoveryCodes,
  saveSecuritySettings,
  startTwoFactor,
} from "@/server/account/commands";
import { generate } from "otplib";
import { newTotpSecret } from "@/lib/auth/two-factor";
import { setMilestone } from "@/server/journey/commands";
import {
  endShadowScoring,
  fitScoring,
  previewScoring,
  promoteShadowScoring,
  saveFittedScoring,
  shadowScoring,
  updateScoring,
} from "@/server/scoring/commands";
import { configOf, getLiveVersion, insertVersion } from "@/server/scoring/versions";
import type { SessionMember } from "@/lib/permissions";
import { advocateRoles, apiTokens, roleAssignments } from "@/db/schema";
import {
  bulkUpdateTasks,
  completeTask,
  createTask as createTaskAction,
  createTaskFromSuggestion,
  dismissTask,
  toggleChecklistItem,
} from "@/server/tasks/commands";
import { deletePlaybook, savePlaybook } from "@/server/playbooks/commands";
import { saveOutreachSettings, sendOutreach } from "@/server/outreach/commands";
import {
  markNotificationsRead,
  rotateWebhookSecret,
  savePreferences,
  sendTestWebhook,
} from "@/server/notifications/commands";
import { memberPreferences, playbooks } from "@/db/schema";
import { deleteView, renameView, saveView, setViewPinned } from "@/server/views/commands";
import {
  bookInteraction,
  createChurnHistory,
  createCustomer,
  createInvitation,
  createMember,
  createSavedView,
  createTask,
  DEFAULT_MEMBER_PASSWORD,
  resetAccount,
} from "./factories";
import { scoringFormFields } from "./scoring-form";
import {
  addSubscription,
  changeSubscription,
  endSubscription,
  reactivateSubscription,
} from "@/server/revenue/commands";
import { bookSubscriptionChanges } from "@/server/revenue/engine";

/** Form fields as a browser (or a forged request) sends them. */
export type FormInput = Record<string, string>;

export type CatalogEntry = {
  permission: Permission;
  /** The audit action a successful call appends (the write is visible in the audit log); null for a read. */
  audit: string | null;
  /** Makes the fixtures the action needs, owned by `actor` where ownership matters, and returns a valid input. */
  prepare: (actor: SessionMember) => Promise<FormInput>;
  /** executeAction with the definition, exactly as runMemberAction calls it for a request. */
  execute: (actor: SessionMember, input: FormInput) => Promise<ActionResult<unknown>>;
};

function entry<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  audit: string | null,
  prepare: CatalogEntry["prepare"],
): CatalogEntry {
  return {
    permission: definition.permission,
    audit,
    prepare,
    execute: (actor, input) => executeAction(definition, actor, input),
  };
}

/** The actor's preferences with a webhook, as Settings → Notifications saves them. */
async function withWebhook(actor: SessionMember): Promise<FormInput> {
  const values = { webhookUrl: "https://hooks.example.test/hourglass", webhookSecret: "whsec_dGVzdA==" };
  await db
    .insert(memberPreferences)
    .values({ memberId: actor.id, ...values })
    .onConflictDoUpdate({ target: memberPreferences.memberId, set: values });
  return {};
}

/** A version in shadow for the next 30 days, as Settings → Scoring starts one. */
async function shadowRunning(): Promise<FormInput> {
  const live = configOf(await getLiveVersion(db));
  await insertVersion(db, {
    config: { ...live, risk: { ...live.risk, debtWeight: live.risk.debtWeight + 1 } },
    summary: "In shadow",
    createdById: null,
    shadowUntil: new Date(Date.now() + 30 * 86_400_000),
  });
  return {};
}

let history: Promise<void> | null = null;
/** A fit needs a year of churn to learn from: made once per database. */
const churnHistory = (actor: SessionMember) => (history ??= createChurnHistory(actor));

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;
const now = () => new Date().toISOString();
const id = (row: { id: number }) => String(row.id);

/** Logged by `actor` just now: the one interaction every role with interactions.write may still change. */
async function interactionLoggedBy(actor: SessionMember) {
  const customer = await createCustomer();
  return {
    id: await bookInteraction(actor, {
      customerId: customer.id,
      typeKey: "login",
      channel: "in_app",
      direction: "inbound",
      summary: "Signed in",
    }),
  };
}

/** A customer's monthly $100 subscription, started 30 days ago (ended 10 days ago when `ended`). */
async function subscription(ended = false) {
  const customer = await createCustomer();
  const change = {
    customerId: customer.id,
    plan: "Growth",
    amountCents: 10_000,
    currency: "USD",
    interval: "month" as const,
    renewsOn: null,
    status: "active" as const,
    cancelAtPeriodEnd: false,
    effectiveAt: new Date(Date.now() - 30 * 86_400_000),
  };
  const actor = { id: null, label: "test" };
  const [booked] = await db.transaction((tx) => bookSubscriptionChanges(tx, actor, [change]));
  if (ended)
    await db.transaction((tx) =>
      bookSubscriptionChanges(tx, actor, [
        {
          ...change,
          subscriptionId: booked.subscription.id,
          status: "canceled",
          effectiveAt: new Date(Date.now() - 10 * 86_400_000),
        },
      ]),
    );
  return booked.subscription;
}

async function advocateRole() {
  const [role] = await db
    .insert(advocateRoles)
    .values({ key: `role_${unique()}`, name: `Role ${unique()}` })
    .returning();
  return role;
}

const interactionFields = {
  typeKey: "praise",
  occurredAt: now(),
  channel: "email",
  direction: "inbound",
  summary: "Thanked the team",
};
const stageFields = {
  "stages.0.name": "Early",
  "stages.0.from": "1",
  "stages.0.to": "6",
  "stages.0.target": "30",
  "stages.1.name": "Late",
  "stages.1.from": "7",
  "stages.1.to": "13",
  "stages.1.target": "90",
};
const scoringFields = scoringFormFields();

/**
 * Every action definition a server action runs (app/**\/actions.ts → runMemberAction), keyed by its
 * exported name in server/. A test fails when an action is missing here.
 */
export const ACTION_CATALOG: Record<string, CatalogEntry> = {
  sendOutreach: entry(sendOutreach, "outreach.sent", async () => ({
    customerId: id(await createCustomer()),
    subject: "Hello {{customer}}",
    body: "Checking in.",
  })),
  saveOutreachSettings: entry(saveOutreachSettings, "settings.updated", async () => ({ quietDays: "5" })),
  savePreferences: entry(savePreferences, "preferences.updated", async () => ({
    digestEmail: "on",
    inAppAlerts: "on",
    webhookUrl: "https://hooks.example.test/hourglass",
  })),
  rotateWebhookSecret: entry(rotateWebhookSecret, "webhook.secret_rotated", async (actor) => withWebhook(actor)),
  sendTestWebhook: entry(sendTestWebhook, "webhook.test_queued", async (actor) => withWebhook(actor)),
  markNotificationsRead: entry(markNotificationsRead, "notifications.read", async () => ({})),
  savePlaybook: entry(savePlaybook, "playbook.created", async () => ({
    name: `Silent ${unique()}`,
    active: "on",
    trigger: "silence",
    triggerDays: "30",
    taskTitle: "Call {{customer}}",
    dueInDays: "2",
    priority: "normal",
  })),
  deletePlaybook: entry(deletePlaybook, "playbook.deleted", async () => {
    const [playbook] = await db
      .insert(playbooks)
      .values({ name: `Old ${unique()}`, trigger: "nps_detractor", taskTitle: "Call", active: false })
      .returning();
    return { playbookId: id(playbook) };
  }),
  createTask: entry(createTaskAction, "task.created", async () => ({
    customerId: id(await createCustomer()),
    title: "Call about the export",
    dueOn: new Date().toISOString().slice(0, 10),
    priority: "high",
    checklist: "Read the tickets\nCall",
  })),
  createTaskFromSuggestion: entry(createTaskFromSuggestion, "task.created", async () => ({
    customerId: id(await createCustomer()),
    suggestionKey: "watch",
  })),
  // Unassigned tasks: any role with tasks.write may close them.
  completeTask: entry(completeTask, "task.completed", async () => ({
    taskId: id(await createTask()),
    outcome: "Agreed a training",
  })),
  dismissTask: entry(dismissTask, "task.dismissed", async () => ({
    taskId: id(await createTask()),
    reason: "Solved by support",
  })),
  toggleChecklistItem: entry(toggleChecklistItem, "task.checklist_changed", async () => ({
    taskId: id(await createTask({ checklist: [{ text: "Call", done: false }] })),
    item: "0",
    done: "true",
  })),
  bulkUpdateTasks: entry(bulkUpdateTasks, "tasks.reassigned", async (actor) => ({
    taskIds: `${id(await createTask())},${id(await createTask())}`,
    operation: "reassign",
    assigneeId: String(actor.id),
  })),
  createCustomer: entry(createCustomerAction, "customer.created", async () => ({
    name: `Forge ${unique()}`,
    plan: "growth",
    mrr: "120",
  })),
  updateCustomer: entry(updateCustomer, "customer.updated", async () => ({
    customerId: id(await createCustomer()),
    name: "Renamed GmbH",
    plan: "enterprise",
    mrr: "900",
  })),
  addSubscription: entry(addSubscription, "subscription.create", async () => ({
    customerId: id(await createCustomer()),
    plan: "Growth",
    amount: "99.50",
    interval: "month",
    startedOn: now().slice(0, 10),
  })),
  changeSubscription: entry(changeSubscription, "subscription.update", async () => ({
    subscriptionId: id(await subscription()),
    plan: "Growth",
    amount: "150",
    interval: "month",
    effectiveOn: now().slice(0, 10),
  })),
  endSubscription: entry(endSubscription, "subscription.update", async () => ({
    subscriptionId: id(await subscription()),
    endedOn: now().slice(0, 10),
  })),
  reactivateSubscription: entry(reactivateSubscription, "subscription.update", async () => ({
    subscriptionId: id(await subscription(true)),
    startedOn: now().slice(0, 10),
  })),
  changeOwner: entry(changeOwner, "customer.owner_changed", async () => ({
    customerId: id(await createCustomer()),
    ownerId: id(await createMember()),
  })),
  churnCustomer: entry(churnCustomer, "customer.churned", async () => ({
    customerId: id(await createCustomer()),
    reason: "Moved to a competitor",
  })),
  eraseCustomer: entry(eraseCustomer, "customer.erased", async () => ({
    customerId: id(await createCustomer({ name: "To Be Erased" })),
    confirmName: "To Be Erased",
  })),
  reactivateCustomer: entry(reactivateCustomer, "customer.reactivated", async () => ({
    customerId: id(await createCustomer({ status: "churned", churnedAt: new Date() })),
  })),
  bulkChangeOwner: entry(bulkChangeOwner, "customers.owner_changed", async () => ({
    list: "customers",
    customerIds: `${id(await createCustomer())},${id(await createCustomer())}`,
    ownerId: id(await createMember()),
  })),
  bulkSetMilestone: entry(bulkSetMilestone, "customers.milestone_set", async () => ({
    list: "risk",
    customerIds: `${id(await createCustomer({ milestone: 3 }))},${id(await createCustomer({ milestone: 3 }))}`,
    milestone: "5",
    reason: "Booked a demo",
  })),
  bulkAddToPlaybook: entry(bulkAddToPlaybook, "customers.playbook_started", async () => {
    const [playbook] = await db
      .insert(playbooks)
      .values({ name: `By hand ${unique()}`, trigger: "silence", taskTitle: "Call {{customer}}", active: false })
      .returning();
    return {
      list: "customers",
      customerIds: `${id(await createCustomer())},${id(await createCustomer())}`,
      playbookId: id(playbook),
    };
  }),
  bulkLogInteraction: entry(bulkLogInteraction, "interactions.logged", async () => ({
    list: "customers",
    customerIds: `${id(await createCustomer())},${id(await createCustomer())}`,
    ...interactionFields,
  })),
  setMilestone: entry(setMilestone, "customer.milestone_set", async () => ({
    customerId: id(await createCustomer({ milestone: 3 })),
    milestone: "5",
    reason: "Booked a demo",
  })),
  logInteraction: entry(logInteraction, "interaction.logged", async () => ({
    customerId: id(await createCustomer()),
    ...interactionFields,
  })),
  editInteraction: entry(editInteraction, "interaction.edited", async (actor) => ({
    interactionId: id(await interactionLoggedBy(actor)),
    ...interactionFields,
  })),
  deleteInteraction: entry(deleteInteraction, "interaction.deleted", async (actor) => ({
    interactionId: id(await interactionLoggedBy(actor)),
  })),
  logDelightMoment: entry(logDelightMoment, "delight.logged", async () => ({
    customerId: id(await createCustomer()),
    prompt: "Slow support reply",
    gesture: "Handwritten card",
    channel: "email",
    cost: "12.50",
    occurredAt: now(),
  })),
  inviteToRole: entry(inviteToRole, "role.invited", async () => ({
    customerId: id(await createCustomer({ milestone: 11 })),
    roleId: id(await advocateRole()),
  })),
  changeRoleStatus: entry(changeRoleStatus, "role.activated", async () => {
    const [assignment] = await db
      .insert(roleAssignments)
      .values({ customerId: (await createCustomer({ milestone: 11 })).id, roleId: (await advocateRole()).id })
      .returning();
    return { assignmentId: id(assignment), status: "active" };
  }),
  logCommunityActivity: entry(logCommunityActivity, "community.logged", async () => ({
    customerId: id(await createCustomer({ milestone: 13 })),
    kind: "wrote_post",
    occurredAt: now(),
    note: "Blog post",
  })),
  logAsk: entry(logAsk, "ask.logged", async () => ({
    customerId: id(await createCustomer({ milestone: 13 })),
    kind: "review",
    outcome: "pending",
    askAnyway: "on",
  })),
  setAskCapacity: entry(setAskCapacity, "advocate.capacity_set", async () => ({
    customerId: id(await createCustomer({ milestone: 13 })),
    capacity: "3",
  })),
  saveAdvocateRole: entry(saveAdvocateRole, "role_catalog.created", async () => ({
    name: `Champion ${unique()}`,
    description: "Speaks for us",
    active: "on",
  })),
  saveJourneyModel: entry(saveJourneyModel, "journey_model.created", async () => ({
    key: `m-${unique()}`.slice(0, 24),
    name: "Two halves",
    shape: "funnel",
    ...stageFields,
  })),
  updateScoring: entry(updateScoring, "settings.scoring_updated", async () => ({
    ...scoringFields,
    "weight.complaint": "-4",
  })),
  previewScoring: entry(previewScoring, null, async () => ({ ...scoringFields, "weight.complaint": "-5" })),
  fitScoring: entry(fitScoring, null, async (actor) => {
    await churnHistory(actor);
    return {};
  }),
  saveFittedScoring: entry(saveFittedScoring, "settings.scoring_updated", async (actor) => {
    await churnHistory(actor);
    return {};
  }),
  shadowScoring: entry(shadowScoring, "settings.scoring_shadowed", async () => ({
    ...scoringFields,
    "weight.complaint": "-6",
  })),
  endShadowScoring: entry(endShadowScoring, "settings.scoring_shadow_ended", async () => shadowRunning()),
  promoteShadowScoring: entry(promoteShadowScoring, "settings.scoring_updated", async () => shadowRunning()),
  createApiToken: entry(createApiToken, "api_token.created", async () => ({
    name: `crm ${unique()}`,
    "scope.read": "on",
  })),
  revokeApiToken: entry(revokeApiToken, "api_token.revoked", async () => {
    const [token] = await db
      .insert(apiTokens)
      .values({ name: "old sync", tokenHash: `hash-${unique()}`, prefix: "hg_old", scopes: ["read"] })
      .returning();
    return { tokenId: id(token) };
  }),
  // Private views: the least role may save them; sharing is checked beyond the role (server/views/commands.db.test.ts).
  saveView: entry(saveView, "view.saved", async () => ({
    list: "risk",
    query: "plan=growth&sort=mrr&page=3",
    name: `Growth by MRR ${unique()}`,
    pinned: "on",
  })),
  renameView: entry(renameView, "view.renamed", async (actor) => ({
    viewId: id(await createSavedView({ ownerId: actor.id })),
    name: `Renamed ${unique()}`,
  })),
  setViewPinned: entry(setViewPinned, "view.pinned", async (actor) => ({
    viewId: id(await createSavedView({ ownerId: actor.id })),
    pinned: "true",
  })),
  deleteView: entry(deleteView, "view.deleted", async (actor) => ({
    viewId: id(await createSavedView({ ownerId: actor.id })),
  })),
  inviteMember: entry(inviteMember, "member.invited", async () => ({
    name: "New Colleague",
    email: `new-${unique()}@example.test`,
    role: "csm",
  })),
  revokeInvitation: entry(revokeInvitation, "member.invitation_revoked", async () => ({
    invitationId: id(await createInvitation()),
  })),
  // One's own account: each starts from the default password, two-factor as the action needs it.
  changePassword: entry(changePassword, "member.password_changed", async (actor) => {
    await resetAccount(actor.id);
    return {
      current: DEFAULT_MEMBER_PASSWORD,
      next: "a brand new long password",
      confirm: "a brand new long password",
    };
  }),
  startTwoFactor: entry(startTwoFactor, "member.two_factor_started", async (actor) => {
    await resetAccount(actor.id);
    return { password: DEFAULT_MEMBER_PASSWORD };
  }),
  confirmTwoFactor: entry(confirmTwoFactor, "member.two_factor_enabled", async (actor) => {
    const secret = newTotpSecret();
    await resetAccount(actor.id, { totpSecret: secret });
    return { code: await generate({ secret }) };
  }),
  disableTwoFactor: entry(disableTwoFactor, "member.two_factor_disabled", async (actor) => {
    await resetAccount(actor.id, { totpSecret: newTotpSecret(), twoFactorOn: true });
    return { password: DEFAULT_MEMBER_PASSWORD };
  }),
  renewRecoveryCodes: entry(renewRecoveryCodes, "member.recovery_codes_renewed", async (actor) => {
    await resetAccount(actor.id, { totpSecret: newTotpSecret(), twoFactorOn: true });
    return { password: DEFAULT_MEMBER_PASSWORD };
  }),
  saveSecuritySettings: entry(saveSecuritySettings, "settings.updated", async () => ({})),
  saveAccountPreferences: entry(saveAccountPreferences, "preferences.updated", async () => ({
    locale: "de",
    timeZone: "Europe/Berlin",
    theme: "dark",
  })),
  saveBookSettings: entry(saveBookSettings, "settings.updated", async () => ({
    currency: "EUR",
    timeZone: "Europe/Berlin",
  })),
  changeMemberRole: entry(changeMemberRole, "member.role_changed", async () => ({
    memberId: id(await createMember({ role: "csm" })),
    role: "manager",
  })),
  setMemberActive: entry(setMemberActive, "member.deactivated", async () => ({
    memberId: id(await createMember({ role: "csm" })),
    active: "false",
  })),
};
