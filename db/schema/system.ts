import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { members } from "./members";

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    name: text().notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text().notNull(),
    /** First characters of the token, to recognise it in the list. */
    prefix: text().notNull(),
    scopes: text().array().notNull().default([]),
    createdById: integer().references(() => members.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash)],
);

/** Append-only: the app inserts audit rows and never updates or deletes them. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    actorId: integer().references(() => members.id, { onDelete: "set null" }),
    /** Who acted when no member did: "api:<token name>", "import", "system". */
    actorLabel: text().notNull(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at.desc().nullsFirst()),
    index("audit_log_actor_at_idx").on(t.actorId, t.at.desc().nullsFirst()),
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.at.desc().nullsFirst()),
  ],
);

/** Team-wide settings (scoring weights, half-lives, thresholds) as one JSON value per key. */
export const settings = pgTable("settings", {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedById: integer().references(() => members.id, { onDelete: "set null" }),
});

/**
 * The per-token rate limit (lib/api/rate-limit.ts), shared by every app process: `tokens` as of
 * `at`, refilled lazily on the next request.
 */
export const apiRateBuckets = pgTable("api_rate_buckets", {
  tokenId: integer()
    .primaryKey()
    .references(() => apiTokens.id, { onDelete: "cascade" }),
  tokens: doublePrecision().notNull(),
  at: timestamp({ withTimezone: true }).notNull(),
});

/**
 * Sign-in attempts per account (counted before the password is checked, cleared on success) and
 * failures per client address (lib/auth/throttle.ts), shared by every app process. A row lives
 * until its window and its lock have passed; a later one deletes it.
 */
export const loginThrottles = pgTable(
  "login_throttles",
  {
    scope: text().notNull(),
    /** SHA-256 of the email or address: a fixed size whatever a client sends, and none in plain text. */
    key: text().notNull(),
    failures: integer().notNull(),
    lastFailureAt: timestamp({ withTimezone: true }).notNull(),
    lockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index("login_throttles_last_failure_idx").on(t.scope, t.lastFailureAt),
  ],
);

export type ApiToken = typeof apiTokens.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

/**
 * One row: moved on by triggers in every transaction that changes the reference data pages keep in
 * memory (settings, journey models and stages, members, scoring versions, playbooks, interaction
 * types; db/reference-cache.ts). `instance` tells one database from another.
 */
export const referenceGeneration = pgTable(
  "reference_generation",
  {
    one: boolean().primaryKey().default(true),
    instance: text()
      .notNull()
      .default(sql`gen_random_uuid()::text`),
    generation: bigint({ mode: "number" }).notNull().default(1),
    /** The transaction that last moved it on: one step per transaction, however many rows it wrote. */
    bumpedBy: bigint({ mode: "number" }),
  },
  (t) => [check("reference_generation_one_row", sql`${t.one}`)],
);
