import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { interactions } from "./interactions";
import { members } from "./members";
import { playbooks } from "./tasks";

export const outreachStatus = pgEnum("outreach_status", ["sent", "outbox", "failed"]);

/** Every email Hourglass sent to a customer (or, with no SMTP server configured, kept in the outbox). */
export const outreachMessages = pgTable(
  "outreach_messages",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    toEmail: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    status: outreachStatus().notNull(),
    error: text(),
    playbookId: integer().references(() => playbooks.id, { onDelete: "set null" }),
    sentById: integer().references(() => members.id, { onDelete: "set null" }),
    /** The outbound interaction the email was logged as. */
    interactionId: bigint({ mode: "number" }).references(() => interactions.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outreach_messages_customer_idx").on(t.customerId, t.createdAt.desc().nullsFirst())],
);

/** What each member wants to hear about, and where. */
export const memberPreferences = pgTable("member_preferences", {
  memberId: integer()
    .primaryKey()
    .references(() => members.id, { onDelete: "cascade" }),
  digestEmail: boolean().notNull().default(true),
  inAppAlerts: boolean().notNull().default(true),
  /** A Slack-compatible incoming webhook; alerts and the digest are posted there, signed with `webhookSecret`. */
  webhookUrl: text(),
  webhookSecret: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The in-app bell: one row per alert per member; `key` makes an alert idempotent. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    memberId: integer()
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    key: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    href: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notifications_member_key").on(t.memberId, t.key),
    index("notifications_unread_idx")
      .on(t.memberId, t.createdAt.desc().nullsFirst())
      .where(sql`${t.readAt} is null`),
  ],
);

export const jobStatus = pgEnum("job_status", ["queued", "done", "failed"]);

/**
 * Background work kept in PostgreSQL (digests, webhook posts, playbook emails): claimed with
 * `for update skip locked`, so any number of server processes share it, and `key` is unique, so a
 * job enqueued twice (two processes, a restart) exists once.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    kind: text().notNull(),
    key: text().notNull(),
    payload: jsonb().notNull().default({}),
    status: jobStatus().notNull().default("queued"),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("jobs_key").on(t.key),
    index("jobs_due_idx")
      .on(t.runAt)
      .where(sql`${t.status} = 'queued'`),
  ],
);

/** Every attempt to post to a member's webhook, with the answer it got. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    memberId: integer()
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    jobId: bigint({ mode: "number" }).references(() => jobs.id, { onDelete: "set null" }),
    messageId: text().notNull(),
    url: text().notNull(),
    attempt: integer().notNull(),
    statusCode: integer(),
    error: text(),
    payload: jsonb().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_deliveries_member_idx").on(t.memberId, t.at.desc().nullsFirst())],
);

export type OutreachMessage = typeof outreachMessages.$inferSelect;
export type MemberPreferences = typeof memberPreferences.$inferSelect;
export type Job = typeof jobs.$inferSelect;
