CREATE TABLE "journey_rollups" (
	"model_id" smallint PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stats" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "peak_milestone" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "journey_rollups" ADD CONSTRAINT "journey_rollups_model_id_journey_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."journey_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
UPDATE "customers" c SET "peak_milestone" = GREATEST(c."milestone", COALESCE((SELECT max(mc."to_milestone") FROM "milestone_changes" mc WHERE mc."customer_id" = c."id"), 1));
