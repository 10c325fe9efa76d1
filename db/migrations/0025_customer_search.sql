-- The customer search's text moves to a table of its own, kept by triggers: every booking rewrites
-- the customer's row, and a trigram index on customers made each rewrite add ~40 index entries.
CREATE TABLE "customer_search" (
	"customer_id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"company" text,
	"text" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "customers_search_trgm_idx";--> statement-breakpoint
ALTER TABLE "customer_search" ADD CONSTRAINT "customer_search_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE FUNCTION "customer_search_text"("name" text, "email" text, "company" text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT lower("name" || ' ' || coalesce("email", '') || ' ' || coalesce("company", ''))
$$;--> statement-breakpoint
-- Everything again from the customers themselves: here, and after a load with triggers off.
CREATE FUNCTION "rebuild_customer_search"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "customer_search";
  INSERT INTO "customer_search" ("customer_id", "name", "email", "company", "text")
  SELECT "id", "name", "email", "company", customer_search_text("name", "email", "company") FROM "customers";
$$;--> statement-breakpoint
SELECT rebuild_customer_search();--> statement-breakpoint
-- The statistics the dropped index gave the planner: how many customers a search matches decides
-- whether a page sorted by name walks the name index (many) or fetches the matches (few).
CREATE STATISTICS "customers_search_text_stats" ON (customer_search_text("name", "email", "company")) FROM "customers";--> statement-breakpoint
ANALYZE "customers";--> statement-breakpoint
CREATE INDEX "customer_search_trgm_idx" ON "customer_search" USING gin ("text" gin_trgm_ops);--> statement-breakpoint
CREATE FUNCTION "customer_search_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "customer_search" ("customer_id", "name", "email", "company", "text")
  SELECT "id", "name", "email", "company", customer_search_text("name", "email", "company") FROM new_rows;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "customers_search_insert" AFTER INSERT ON "customers"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_search_insert();--> statement-breakpoint
-- Only a statement that sets the name, email or company fires this; a booking never does.
CREATE FUNCTION "customer_search_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "customer_search" SET "name" = NEW."name", "email" = NEW."email", "company" = NEW."company",
    "text" = customer_search_text(NEW."name", NEW."email", NEW."company")
  WHERE "customer_id" = NEW."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "customers_search_update" AFTER UPDATE OF "name", "email", "company" ON "customers"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."email" IS DISTINCT FROM NEW."email"
    OR OLD."company" IS DISTINCT FROM NEW."company")
  EXECUTE FUNCTION customer_search_update();
