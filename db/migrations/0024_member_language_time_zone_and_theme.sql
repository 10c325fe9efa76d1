ALTER TABLE "members" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "theme" text DEFAULT 'system' NOT NULL;--> statement-breakpoint
-- The time zone moves from the notification settings to the member (Settings → Your account); "UTC" was the default there, and now the book's zone is.
UPDATE "members" SET "time_zone" = p."time_zone" FROM "member_preferences" p WHERE p."member_id" = "members"."id" AND p."time_zone" <> 'UTC';--> statement-breakpoint
ALTER TABLE "member_preferences" DROP COLUMN "time_zone";