CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- Descending indexes as PostgreSQL orders by default (DESC NULLS FIRST), so `order by x desc` reads them in order.
CREATE TABLE "ledger_days" (
	"customer_id" integer NOT NULL,
	"day" integer NOT NULL,
	"credit_acc" double precision DEFAULT 0 NOT NULL,
	"debt_acc" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_days_customer_id_day_pk" PRIMARY KEY("customer_id","day")
);
--> statement-breakpoint
DROP INDEX "customers_risk_idx";--> statement-breakpoint
DROP INDEX "interactions_customer_timeline_idx";--> statement-breakpoint
DROP INDEX "milestone_changes_customer_at_idx";--> statement-breakpoint
DROP INDEX "advocate_asks_customer_idx";--> statement-breakpoint
DROP INDEX "community_activities_customer_idx";--> statement-breakpoint
DROP INDEX "delight_moments_customer_idx";--> statement-breakpoint
DROP INDEX "audit_log_at_idx";--> statement-breakpoint
DROP INDEX "audit_log_actor_at_idx";--> statement-breakpoint
DROP INDEX "audit_log_entity_idx";--> statement-breakpoint
ALTER TABLE "ledger_days" ADD CONSTRAINT "ledger_days_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Existing books: each customer's contributions per UTC day, with the half-lives in Settings (db/mutations/ledger-days.ts does the same).
INSERT INTO "ledger_days" ("customer_id", "day", "credit_acc", "debt_acc")
SELECT i.customer_id, floor(extract(epoch from i.occurred_at) / 86400)::int,
  coalesce(sum(w.weight * power(2::float8, extract(epoch from (i.occurred_at - '2025-01-01T00:00:00.000Z'::timestamptz)) / 86400.0 / h.credit)) filter (where w.weight > 0), 0),
  coalesce(sum(w.weight * power(2::float8, extract(epoch from (i.occurred_at - '2025-01-01T00:00:00.000Z'::timestamptz)) / 86400.0 / h.debt)) filter (where w.weight < 0), 0)
FROM "interactions" i
JOIN "interaction_types" t ON t.id = i.type_id
CROSS JOIN LATERAL (SELECT coalesce(i.weight_override, t.default_weight) AS weight) w
CROSS JOIN (SELECT coalesce((SELECT (value->>'creditHalfLifeDays')::float8 FROM "settings" WHERE key = 'ledger'), 30) AS credit,
                   coalesce((SELECT (value->>'debtHalfLifeDays')::float8 FROM "settings" WHERE key = 'ledger'), 90) AS debt) h
WHERE w.weight <> 0
GROUP BY 1, 2;--> statement-breakpoint
CREATE INDEX "customers_search_trgm_idx" ON "customers" USING gin ((lower("name" || ' ' || coalesce("email", '') || ' ' || coalesce("company", ''))) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "interactions_customer_type_idx" ON "interactions" USING btree ("customer_id","type_id","occurred_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "interactions_weight_override_idx" ON "interactions" USING btree ("customer_id","occurred_at" DESC NULLS FIRST) WHERE "interactions"."weight_override" is not null;--> statement-breakpoint
CREATE INDEX "community_activities_interaction_idx" ON "community_activities" USING btree ("interaction_id") WHERE "community_activities"."interaction_id" is not null;--> statement-breakpoint
CREATE INDEX "customers_risk_idx" ON "customers" USING btree ("risk_score" DESC NULLS FIRST,"id") WHERE "customers"."status" = 'active';--> statement-breakpoint
CREATE INDEX "interactions_customer_timeline_idx" ON "interactions" USING btree ("customer_id","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "milestone_changes_customer_at_idx" ON "milestone_changes" USING btree ("customer_id","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "advocate_asks_customer_idx" ON "advocate_asks" USING btree ("customer_id","asked_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "community_activities_customer_idx" ON "community_activities" USING btree ("customer_id","occurred_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "delight_moments_customer_idx" ON "delight_moments" USING btree ("customer_id","occurred_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_actor_at_idx" ON "audit_log" USING btree ("actor_id","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at" DESC NULLS FIRST);