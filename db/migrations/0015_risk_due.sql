ALTER TABLE "customers" ADD COLUMN "risk_due_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "customers_risk_due_idx" ON "customers" USING btree ("risk_due_at") WHERE "customers"."status" = 'active';--> statement-breakpoint
-- Every active customer is due once, so the first periodic refresh works out when each is next due.
UPDATE "customers" SET "risk_due_at" = now() WHERE "status" = 'active';
