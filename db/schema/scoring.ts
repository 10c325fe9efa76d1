import { sql } from "drizzle-orm";
import { integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { ScoringModel } from "@/lib/scoring-version";
import type { Settings } from "@/lib/settings";
import { members } from "./members";

export const scoringVersionKind = pgEnum("scoring_version_kind", ["hand", "fitted"]);

/**
 * Every save of Settings → Scoring, numbered and never changed afterwards: the live scoring is the
 * highest number that never ran in shadow (its values are also kept in `settings` and
 * `interaction_types` for the hot path).
 */
export const scoringVersions = pgTable(
  "scoring_versions",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    number: integer().notNull(),
    kind: scoringVersionKind().notNull().default("hand"),
    ledger: jsonb().$type<Settings["ledger"]>().notNull(),
    risk: jsonb().$type<Settings["risk"]>().notNull(),
    /** Every interaction type's default weight under this version, by key. */
    typeWeights: jsonb().$type<Record<string, number>>().notNull(),
    /** Types that are the outcome itself (a cancellation request): left out of backtests unless asked. */
    proxyTypes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** A fitted version's model: features, coefficients and how it was trained. */
    model: jsonb().$type<ScoringModel>(),
    /** What changed against the version before, in words. */
    summary: text().notNull().default(""),
    createdById: integer().references(() => members.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A candidate scored beside the live version until then (customers.shadow_risk_score); never live itself. */
    shadowUntil: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("scoring_versions_number_key").on(t.number)],
);

export type ScoringVersion = typeof scoringVersions.$inferSelect;
