-- Filtered journey views keep their history stats too (filters_key '' is the whole book).
ALTER TABLE "journey_rollups" DROP CONSTRAINT "journey_rollups_pkey";--> statement-breakpoint
ALTER TABLE "journey_rollups" ADD COLUMN "filters_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "journey_rollups" ADD CONSTRAINT "journey_rollups_model_id_filters_key_pk" PRIMARY KEY("model_id","filters_key");
