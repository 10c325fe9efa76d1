import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { ASK_KINDS, ASK_OUTCOMES, COMMUNITY_ACTIVITY_KINDS, ROLE_ASSIGNMENT_STATUSES } from "@/lib/advocacy";
import { customers } from "./customers";
import { interactionChannel, interactions } from "./interactions";
import { members } from "./members";

export const delightMoments = pgTable(
  "delight_moments",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** The credit this moment puts on the ledger: delight is booked as an interaction. */
    interactionId: bigint({ mode: "number" })
      .notNull()
      .references(() => interactions.id, { onDelete: "cascade" }),
    /** The debit this moment answers, if any: answered debits leave the delight queue. */
    promptInteractionId: bigint({ mode: "number" }).references(() => interactions.id, { onDelete: "set null" }),
    prompt: text().notNull(),
    gesture: text().notNull(),
    channel: interactionChannel().notNull().default("other"),
    costCents: integer().notNull().default(0),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    outcome: text().notNull().default(""),
    postedPublicly: boolean().notNull().default(false),
    renewed: boolean().notNull().default(false),
    becameAdvocate: boolean().notNull().default(false),
    actorId: integer().references(() => members.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("delight_moments_interaction_key").on(t.interactionId),
    // A debit has at most one answer: two tabs answering it at once cannot both save.
    uniqueIndex("delight_moments_prompt_key")
      .on(t.promptInteractionId)
      .where(sql`${t.promptInteractionId} is not null`),
    index("delight_moments_customer_idx").on(t.customerId, t.occurredAt.desc().nullsFirst()),
    index("delight_moments_occurred_idx").on(t.occurredAt),
  ],
);

/**
 * Delight moments counted per month (UTC) with their cost, kept by statement triggers on
 * delight_moments (migration 0020): the monthly chart and the log's total read a few rows.
 */
export const delightMonths = pgTable("delight_months", {
  month: date({ mode: "string" }).primaryKey(),
  moments: integer().notNull(),
  costCents: bigint({ mode: "number" }).notNull(),
});

export const advocateRoles = pgTable(
  "advocate_roles",
  {
    id: smallint().primaryKey().generatedByDefaultAsIdentity(),
    key: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    active: boolean().notNull().default(true),
  },
  (t) => [uniqueIndex("advocate_roles_key_key").on(t.key)],
);

export const roleAssignmentStatus = pgEnum("role_assignment_status", ROLE_ASSIGNMENT_STATUSES);

export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    roleId: smallint()
      .notNull()
      .references(() => advocateRoles.id),
    status: roleAssignmentStatus().notNull().default("invited"),
    invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp({ withTimezone: true }),
    retiredAt: timestamp({ withTimezone: true }),
    notes: text().notNull().default(""),
    actorId: integer().references(() => members.id, { onDelete: "set null" }),
    /** The customer's name, kept by triggers (migration 0020): the roster sorts by it without a lookup per entry. */
    customerName: text().notNull().default(""),
  },
  (t) => [
    index("role_assignments_customer_idx").on(t.customerId),
    index("role_assignments_role_status_idx").on(t.roleId, t.status),
  ],
);

export const communityActivityKind = pgEnum("community_activity_kind", COMMUNITY_ACTIVITY_KINDS);

export const communityActivities = pgTable(
  "community_activities",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: communityActivityKind().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    note: text().notNull().default(""),
    referredCustomerId: integer().references(() => customers.id, { onDelete: "set null" }),
    /** The credit booked on the ledger for this activity. */
    interactionId: bigint({ mode: "number" }).references(() => interactions.id, { onDelete: "set null" }),
    actorId: integer().references(() => members.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("community_activities_customer_idx").on(t.customerId, t.occurredAt.desc().nullsFirst()),
    // Customer and kind in the key: the leaderboard counts 90 days of activity off the index alone.
    index("community_activities_occurred_idx").on(t.occurredAt, t.customerId, t.kind),
    index("community_activities_interaction_idx")
      .on(t.interactionId)
      .where(sql`${t.interactionId} is not null`),
  ],
);

export const advocateAskKind = pgEnum("advocate_ask_kind", ASK_KINDS);
export const advocateAskOutcome = pgEnum("advocate_ask_outcome", ASK_OUTCOMES);

export const advocateAsks = pgTable(
  "advocate_asks",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: advocateAskKind().notNull(),
    askedAt: timestamp({ withTimezone: true }).notNull(),
    outcome: advocateAskOutcome().notNull().default("pending"),
    note: text().notNull().default(""),
    actorId: integer().references(() => members.id, { onDelete: "set null" }),
  },
  (t) => [index("advocate_asks_customer_idx").on(t.customerId, t.askedAt.desc().nullsFirst())],
);

export type DelightMoment = typeof delightMoments.$inferSelect;
export type AdvocateRole = typeof advocateRoles.$inferSelect;
export type RoleAssignment = typeof roleAssignments.$inferSelect;
export type CommunityActivity = typeof communityActivities.$inferSelect;
export type AdvocateAsk = typeof advocateAsks.$inferSelect;
