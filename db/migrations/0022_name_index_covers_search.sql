DROP INDEX "customers_name_idx";--> statement-breakpoint
CREATE INDEX "customers_name_idx" ON "customers" USING btree ("name","id","email","company");