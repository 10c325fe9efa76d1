CREATE TABLE "revenue_rollups" (
	"key" text PRIMARY KEY NOT NULL,
	"basis" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"figures" jsonb NOT NULL
);
--> statement-breakpoint
DROP INDEX "customers_status_milestone_idx";--> statement-breakpoint
DROP INDEX "customers_risk_idx";--> statement-breakpoint
DROP INDEX "customers_next_renewal_idx";--> statement-breakpoint
CREATE INDEX "customers_referred_latest_idx" ON "customers" USING btree ("signed_up_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."referred_by_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_open_due_idx" ON "tasks" USING btree ("due_on","priority" DESC NULLS FIRST,"id") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "customers_status_milestone_idx" ON "customers" USING btree ("status","milestone","credit_acc","debt_acc","id");--> statement-breakpoint
CREATE INDEX "customers_risk_idx" ON "customers" USING btree ("risk_score" DESC NULLS FIRST,"id","mrr_cents","arr_cents","owner_id","milestone") WHERE "customers"."status" = 'active';--> statement-breakpoint
CREATE INDEX "customers_next_renewal_idx" ON "customers" USING btree ("next_renewal_on","id","arr_cents","risk_score","owner_id") WHERE "customers"."status" = 'active' and "customers"."next_renewal_on" is not null;