-- Row by row, and only for a customer whose name changed: as a statement trigger with transition
-- tables it ran on every update of customers (each booking of 1,000 events joined 1,000 old rows
-- to 1,000 new ones) to find the few renamed.
DROP TRIGGER "customers_rename_role_assignments" ON "customers";--> statement-breakpoint
DROP FUNCTION "rename_role_assignments"();--> statement-breakpoint
CREATE FUNCTION "rename_role_assignments"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE role_assignments SET customer_name = NEW.name WHERE customer_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "customers_rename_role_assignments" AFTER UPDATE OF "name" ON "customers"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION rename_role_assignments();
