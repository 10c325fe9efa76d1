import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { interactions, recordSource } from "./interactions";
import { members } from "./members";

export const journeyShape = pgEnum("journey_shape", ["hourglass", "funnel", "stages"]);

export const journeyModels = pgTable(
  "journey_models",
  {
    id: smallint().primaryKey().generatedByDefaultAsIdentity(),
    key: text().notNull(),
    name: text().notNull(),
    shape: journeyShape().notNull().default("funnel"),
    description: text().notNull().default(""),
    isDefault: boolean().notNull().default(false),
    position: smallint().notNull().default(0),
  },
  (t) => [
    uniqueIndex("journey_models_key_key").on(t.key),
    uniqueIndex("journey_models_one_default")
      .on(t.isDefault)
      .where(sql`${t.isDefault}`),
  ],
);

export const journeyStages = pgTable(
  "journey_stages",
  {
    id: smallint().primaryKey().generatedByDefaultAsIdentity(),
    modelId: smallint()
      .notNull()
      .references(() => journeyModels.id, { onDelete: "cascade" }),
    position: smallint().notNull(),
    name: text().notNull(),
    fromMilestone: smallint().notNull(),
    toMilestone: smallint().notNull(),
    /** How long a customer is expected to stay in this stage before moving on. */
    targetDays: smallint().notNull().default(30),
  },
  (t) => [
    uniqueIndex("journey_stages_model_position_key").on(t.modelId, t.position),
    check(
      "journey_stages_milestone_range",
      sql`${t.fromMilestone} between 1 and 13 and ${t.toMilestone} between ${t.fromMilestone} and 13`,
    ),
  ],
);

export const milestoneChanges = pgTable(
  "milestone_changes",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    fromMilestone: smallint(),
    toMilestone: smallint().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer().references(() => members.id, { onDelete: "set null" }),
    reason: text().notNull().default(""),
    source: recordSource().notNull().default("ui"),
    /** The interaction whose type implied this milestone, when it was automatic. */
    interactionId: bigint({ mode: "number" }).references(() => interactions.id, { onDelete: "set null" }),
  },
  (t) => [
    index("milestone_changes_customer_at_idx").on(t.customerId, t.at.desc().nullsFirst()),
    index("milestone_changes_at_idx").on(t.at),
  ],
);

/**
 * Journey statistics that need the whole milestone history (time in stage, regressions, the
 * weekly distribution), per model: for the whole book (refreshed periodically) and for each
 * filtered view (computed on its first view, kept 15 minutes).
 */
export const journeyRollups = pgTable(
  "journey_rollups",
  {
    modelId: smallint()
      .notNull()
      .references(() => journeyModels.id, { onDelete: "cascade" }),
    // "" for the whole book; otherwise the filters the stats are for (lib/journey-filters.ts).
    filtersKey: text().notNull().default(""),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    stats: jsonb().notNull(),
    /** What the book's milestone history looked like when these were computed (server/system/periodic-refresh.ts). */
    basis: text().notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.filtersKey] })],
);

export type JourneyModel = typeof journeyModels.$inferSelect;
export type JourneyStage = typeof journeyStages.$inferSelect;
export type MilestoneChange = typeof milestoneChanges.$inferSelect;
