import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { members } from "./members";

export const customerStatus = pgEnum("customer_status", ["active", "churned"]);

export const customers = pgTable(
  "customers",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    externalId: text(),
    name: text().notNull(),
    email: text(),
    company: text(),
    plan: text().notNull().default("starter"),
    /** Σ of the active subscriptions' monthly value (ARR ÷ 12, rounded); kept by server/revenue/engine.ts. */
    mrrCents: integer().notNull().default(0),
    /** Σ of the active subscriptions' annual value, to the cent: the ARR the revenue ledger says today. */
    arrCents: bigint({ mode: "number" }).notNull().default(0),
    /** The earliest renewal day of an active subscription that will renew. */
    nextRenewalOn: date({ mode: "string" }),
    ownerId: integer().references(() => members.id, { onDelete: "set null" }),
    status: customerStatus().notNull().default("active"),
    /** Furthest milestone reached on the shared 1–13 ladder (lib/journey.ts). */
    milestone: smallint().notNull().default(1),
    milestoneAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Furthest milestone ever reached: a customer moved back by hand still counts as having reached it. */
    peakMilestone: smallint().notNull().default(1),
    signedUpAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    convertedAt: timestamp({ withTimezone: true }),
    churnedAt: timestamp({ withTimezone: true }),
    churnReason: text(),
    lastInboundAt: timestamp({ withTimezone: true }),
    lastOutboundAt: timestamp({ withTimezone: true }),
    /**
     * Ledger accumulators (docs/ledger.md): Σ weight · 2^((tᵢ − epoch) / half-life) over credits
     * and debits, so the balance at any time is closed-form without reading interactions.
     */
    creditAcc: doublePrecision().notNull().default(0),
    debtAcc: doublePrecision().notNull().default(0),
    /** Risk score as last computed (docs/ledger.md; higher = more at risk); ranks the debt-risk list. */
    riskScore: doublePrecision().notNull().default(0),
    /** Balance change over the 30 days before riskComputedAt (negative = sliding into debt). */
    riskTrend: doublePrecision().notNull().default(0),
    /** Several outbound contacts and no reply within the fatigue window. */
    fatigued: boolean().notNull().default(false),
    /** The shadow scoring version's score, while one runs (null otherwise): refreshed with the periodic refresh. */
    shadowRiskScore: doublePrecision(),
    riskComputedAt: timestamp({ withTimezone: true }),
    /**
     * When the stored score can next have moved with time alone (db/risk-sql.ts); null when time
     * cannot move it. The periodic refresh rescores only customers whose time has come.
     */
    riskDueAt: timestamp({ withTimezone: true }),
    /** Asks per quarter this advocate is happy to take; null means the team default. */
    askCapacity: smallint(),
    referredById: integer().references((): AnyPgColumn => customers.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("customers_milestone_range", sql`${t.milestone} between 1 and 13`),
    check("customers_mrr_non_negative", sql`${t.mrrCents} >= 0`),
    uniqueIndex("customers_external_id_key").on(t.externalId),
    uniqueIndex("customers_email_key").on(sql`lower(${t.email})`),
    // With the accumulators, a stage's balances (advocate candidates) are read off the index alone.
    index("customers_status_milestone_idx").on(t.status, t.milestone, t.creditAcc, t.debtAcc, t.id),
    index("customers_owner_status_milestone_idx").on(t.ownerId, t.status, t.milestone),
    index("customers_churned_at_idx")
      .on(t.churnedAt)
      .where(sql`${t.churnedAt} is not null`),
    index("customers_referred_by_idx")
      .on(t.referredById)
      .where(sql`${t.referredById} is not null`),
    index("customers_referred_latest_idx")
      .on(t.signedUpAt.desc(), t.id.desc())
      .where(sql`${t.referredById} is not null`),
    // The trailing columns let the overview's and revenue's at-risk sums read the index alone.
    index("customers_risk_idx")
      .on(t.riskScore.desc().nullsFirst(), t.id, t.mrrCents, t.arrCents, t.ownerId, t.milestone)
      .where(sql`${t.status} = 'active'`),
    index("customers_risk_due_idx")
      .on(t.riskDueAt)
      .where(sql`${t.status} = 'active'`),
    // The periodic playbook pass reads who crossed a silence or stage target since it last ran.
    index("customers_silent_since_idx")
      .on(sql`coalesce(${t.lastInboundAt}, ${t.convertedAt})`)
      .where(sql`${t.status} = 'active' and ${t.convertedAt} is not null`),
    index("customers_signed_up_idx")
      .on(t.signedUpAt)
      .where(sql`${t.status} = 'active'`),
    // Clearing shadow scores when no shadow runs reads only the customers that still have one.
    index("customers_shadow_scored_idx")
      .on(t.id)
      .where(sql`${t.shadowRiskScore} is not null`),
    // Email and company in the key let a search sorted by name read the index alone: the search's
    // text is made of these three (page 1 of "Fischer" at 1,000,000 customers: 67 → 4 ms cold).
    index("customers_name_idx").on(t.name, t.id, t.email, t.company),
    // The trailing columns let the renewal windows' counts and sums read the index alone.
    index("customers_next_renewal_idx")
      .on(t.nextRenewalOn, t.id, t.arrCents, t.riskScore, t.ownerId)
      .where(sql`${t.status} = 'active' and ${t.nextRenewalOn} is not null`),
  ],
);

export type Customer = typeof customers.$inferSelect;
export type CustomerStatus = (typeof customerStatus.enumValues)[number];

/**
 * What the customer search looks in: name, email and company as the customer has them, and the
 * three lower-cased as one text under a trigram index; one row per customer, kept by triggers on
 * `customers` (migration 0025). Bookings rewrite a customer's row thousands of times for each change
 * of its name: a trigram index on `customers` itself made every one of those writes add some 40
 * index entries (a third of the time a 1,000-event API batch spent updating its customers). The
 * command palette answers from this table alone.
 */
export const customerSearch = pgTable(
  "customer_search",
  {
    customerId: integer()
      .primaryKey()
      .references(() => customers.id, { onDelete: "cascade" }),
    name: text().notNull(),
    email: text(),
    company: text(),
    text: text().notNull(),
  },
  (t) => [index("customer_search_trgm_idx").using("gin", sql`${t.text} gin_trgm_ops`)],
);
