import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { MOVEMENT_KINDS, SUBSCRIPTION_INTERVALS, SUBSCRIPTION_STATUSES } from "@/lib/revenue";
import { customers } from "./customers";

export const subscriptionInterval = pgEnum("subscription_interval", SUBSCRIPTION_INTERVALS);
export const subscriptionStatus = pgEnum("subscription_status", SUBSCRIPTION_STATUSES);
export const movementKind = pgEnum("revenue_movement_kind", MOVEMENT_KINDS);

/** What a customer pays for: changes to it are booked as revenue movements (server/revenue/engine.ts). */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** The caller's key (API, CSV): a subscription sent again with it updates this one. */
    externalId: text(),
    payloadHash: text(),
    plan: text().notNull(),
    amountCents: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    interval: subscriptionInterval().notNull().default("month"),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    renewsOn: date({ mode: "string" }),
    status: subscriptionStatus().notNull().default("active"),
    cancelAtPeriodEnd: boolean().notNull().default(false),
    endedAt: timestamp({ withTimezone: true }),
    /** When its amount, interval or status last changed: a later change cannot take effect before it. */
    changedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("subscriptions_amount_non_negative", sql`${t.amountCents} >= 0`),
    uniqueIndex("subscriptions_external_id_key").on(t.externalId),
    index("subscriptions_customer_idx").on(t.customerId),
    index("subscriptions_renews_idx")
      .on(t.renewsOn)
      .where(sql`${t.status} = 'active'`),
  ],
);

/**
 * Append-mostly ledger of ARR changes, one row per change of a customer's ARR. The kind and the
 * ARR after are derived from the customer's earlier rows and re-derived when a row is backdated.
 */
export const revenueMovements = pgTable(
  "revenue_movements",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    subscriptionId: integer().references(() => subscriptions.id, { onDelete: "set null" }),
    kind: movementKind().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    arrDeltaCents: bigint({ mode: "number" }).notNull(),
    arrAfterCents: bigint({ mode: "number" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("revenue_movements_delta_non_zero", sql`${t.arrDeltaCents} <> 0`),
    check("revenue_movements_after_non_negative", sql`${t.arrAfterCents} >= 0`),
    index("revenue_movements_occurred_idx").on(t.occurredAt),
    index("revenue_movements_customer_idx").on(t.customerId, t.occurredAt, t.id),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;
export type RevenueMovement = typeof revenueMovements.$inferSelect;

/**
 * Revenue figures that take a pass over the movements (the bridge, retention, cohorts), per card and
 * scope, with the ledger's state they were computed on (server/revenue/rollups.ts).
 */
export const revenueRollups = pgTable("revenue_rollups", {
  key: text().primaryKey(),
  /** The last revenue movement the figures include. */
  basis: text().notNull(),
  computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  figures: jsonb().notNull(),
});
