import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { CHANNELS, DIRECTIONS } from "@/lib/channels";
import { INTERACTION_CATEGORIES } from "@/lib/interaction-catalog";
import { customers } from "./customers";
import { members } from "./members";

export const interactionCategory = pgEnum("interaction_category", INTERACTION_CATEGORIES);
export const interactionChannel = pgEnum("interaction_channel", CHANNELS);
export const interactionDirection = pgEnum("interaction_direction", DIRECTIONS);
export const recordSource = pgEnum("record_source", ["ui", "api", "import", "system"]);

export const interactionTypes = pgTable(
  "interaction_types",
  {
    id: smallint().primaryKey().generatedByDefaultAsIdentity(),
    key: text().notNull(),
    label: text().notNull(),
    category: interactionCategory().notNull(),
    /** Credit > 0, debit < 0, neutral 0; admins may change it (Settings → Scoring). */
    defaultWeight: doublePrecision().notNull().default(0),
    /** Milestone a customer has at least reached when this happens; null if it implies none. */
    impliesMilestone: smallint(),
  },
  (t) => [
    uniqueIndex("interaction_types_key_key").on(t.key),
    check(
      "interaction_types_milestone_range",
      sql`${t.impliesMilestone} is null or ${t.impliesMilestone} between 1 and 13`,
    ),
  ],
);

export const interactions = pgTable(
  "interactions",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    typeId: smallint()
      .notNull()
      .references(() => interactionTypes.id),
    /** Null means the type's default weight applies. */
    weightOverride: doublePrecision(),
    channel: interactionChannel().notNull().default("other"),
    direction: interactionDirection().notNull(),
    summary: text().notNull().default(""),
    actorId: integer().references(() => members.id, { onDelete: "set null" }),
    source: recordSource().notNull().default("ui"),
    /** Idempotency key from the sender, unique per source. */
    externalId: text(),
    /** SHA-256 of the sender's event body: a replay with another body under the same key is refused. */
    payloadHash: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * When the row reached Hourglass (a feed may send an event days after it happened): a score as
     * of a past day counts only rows that had both occurred and been recorded by then.
     */
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("interactions_customer_timeline_idx").on(
      t.customerId,
      t.occurredAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("interactions_type_occurred_idx").on(t.typeId, t.occurredAt),
    index("interactions_occurred_idx").on(t.occurredAt),
    // A customer's most recent interactions of one type: the debts that drive the risk list.
    index("interactions_customer_type_idx").on(t.customerId, t.typeId, t.occurredAt.desc().nullsFirst()),
    index("interactions_weight_override_idx")
      .on(t.customerId, t.occurredAt.desc().nullsFirst())
      .where(sql`${t.weightOverride} is not null`),
    // A backtest's fatigue pass reads every outbound contact: by this index, a few percent of the
    // rows, instead of a scan of the whole table (and no cost to writing the inbound rest).
    index("interactions_outbound_idx")
      .on(t.customerId, t.occurredAt, t.recordedAt, t.typeId)
      .where(sql`${t.direction} = 'outbound'`),
    uniqueIndex("interactions_source_external_id_key")
      .on(t.source, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

/**
 * Each customer's ledger contributions summed per UTC day (same units as the accumulators on
 * customers), kept on every write: balance histories read at most one row a day, not every interaction.
 */
export const ledgerDays = pgTable(
  "ledger_days",
  {
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** Days since 1970-01-01 UTC. */
    day: integer().notNull(),
    creditAcc: doublePrecision().notNull().default(0),
    debtAcc: doublePrecision().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.day] })],
);

export type InteractionType = typeof interactionTypes.$inferSelect;
export type Interaction = typeof interactions.$inferSelect;
export type InteractionChannel = (typeof interactionChannel.enumValues)[number];
export type InteractionDirection = (typeof interactionDirection.enumValues)[number];
