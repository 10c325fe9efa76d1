CREATE TABLE "playbook_candidates" (
	"customer_id" integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "playbooks" ADD COLUMN "state_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "playbooks" ADD COLUMN "state_basis" text;--> statement-breakpoint
ALTER TABLE "playbook_candidates" ADD CONSTRAINT "playbook_candidates_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_silent_since_idx" ON "customers" USING btree (coalesce("last_inbound_at", "converted_at")) WHERE "customers"."status" = 'active' and "customers"."converted_at" is not null;--> statement-breakpoint
CREATE INDEX "customers_signed_up_idx" ON "customers" USING btree ("signed_up_at") WHERE "customers"."status" = 'active';--> statement-breakpoint
CREATE INDEX "customers_shadow_scored_idx" ON "customers" USING btree ("id") WHERE "customers"."shadow_risk_score" is not null;--> statement-breakpoint
-- Every customer a statement inserts, or changes in a column a playbook's state condition reads,
-- is noted once for the next periodic pass (server/playbooks/evaluate.ts).
CREATE FUNCTION "note_playbook_candidates"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO playbook_candidates (customer_id) SELECT id FROM new_rows ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO playbook_candidates (customer_id)
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.status, n.milestone, n.risk_score, n.last_inbound_at, n.converted_at, n.signed_up_at, n.ask_capacity)
      IS DISTINCT FROM (o.status, o.milestone, o.risk_score, o.last_inbound_at, o.converted_at, o.signed_up_at, o.ask_capacity)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "customers_playbook_candidates_insert" AFTER INSERT ON "customers"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_playbook_candidates();
--> statement-breakpoint
CREATE TRIGGER "customers_playbook_candidates_update" AFTER UPDATE ON "customers"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_playbook_candidates();
