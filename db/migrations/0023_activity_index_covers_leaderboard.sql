DROP INDEX "community_activities_occurred_idx";--> statement-breakpoint
CREATE INDEX "community_activities_occurred_idx" ON "community_activities" USING btree ("occurred_at","customer_id","kind");