CREATE TABLE "reference_generation" (
	"one" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"instance" text DEFAULT gen_random_uuid()::text NOT NULL,
	"generation" bigint DEFAULT 1 NOT NULL,
	"bumped_by" bigint,
	CONSTRAINT "reference_generation_one_row" CHECK ("reference_generation"."one")
);
--> statement-breakpoint
INSERT INTO "reference_generation" DEFAULT VALUES;--> statement-breakpoint
-- Once per writing transaction, at its commit: a deferred trigger takes the row's lock only then,
-- so a long transaction that saves a setting early holds no one else's edits up.
CREATE FUNCTION "bump_reference_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "reference_generation" SET "generation" = "generation" + 1, "bumped_by" = txid_current()
  WHERE "bumped_by" IS DISTINCT FROM txid_current();
  RETURN NULL;
END $$;--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['settings', 'journey_models', 'journey_stages', 'members', 'scoring_versions', 'playbooks', 'interaction_types'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_reference_generation()', t || '_reference_generation', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_generation()', t || '_reference_generation_truncate', t);
  END LOOP;
END $$;
