ALTER TABLE "customers" ADD COLUMN "shadow_risk_score" double precision;--> statement-breakpoint
ALTER TABLE "scoring_versions" ADD COLUMN "shadow_until" timestamp with time zone;