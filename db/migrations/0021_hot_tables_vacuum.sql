-- customers is updated by every booking, and its indexes answer the lists alone (index-only scans)
-- only over pages marked all-visible: vacuum it after 1 % of its rows changed instead of 20 %.
ALTER TABLE "customers" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02);
--> statement-breakpoint
ALTER TABLE "tasks" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 1000);
