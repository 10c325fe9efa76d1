CREATE TABLE "delight_months" (
	"month" date PRIMARY KEY NOT NULL,
	"moments" integer NOT NULL,
	"cost_cents" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "customer_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Each statement's moments per month, added in month order (writers of the same months lock them in one order).
CREATE FUNCTION "count_delight_months"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A statement's transition tables exist only for its own kind of write.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO delight_months (month, moments, cost_cents)
    SELECT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date, count(*), sum(cost_cents) FROM new_rows GROUP BY 1 ORDER BY 1
    ON CONFLICT (month) DO UPDATE SET moments = delight_months.moments + excluded.moments,
      cost_cents = delight_months.cost_cents + excluded.cost_cents;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO delight_months (month, moments, cost_cents)
    SELECT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date, -count(*), -sum(cost_cents) FROM old_rows GROUP BY 1 ORDER BY 1
    ON CONFLICT (month) DO UPDATE SET moments = delight_months.moments + excluded.moments,
      cost_cents = delight_months.cost_cents + excluded.cost_cents;
  ELSE
    INSERT INTO delight_months (month, moments, cost_cents)
    SELECT month, sum(n), sum(cost) FROM (
      SELECT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date AS month, 1 AS n, cost_cents AS cost FROM new_rows
      UNION ALL
      SELECT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date, -1, -cost_cents FROM old_rows) AS change
    GROUP BY month HAVING sum(n) <> 0 OR sum(cost) <> 0 ORDER BY month
    ON CONFLICT (month) DO UPDATE SET moments = delight_months.moments + excluded.moments,
      cost_cents = delight_months.cost_cents + excluded.cost_cents;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "delight_months_insert" AFTER INSERT ON "delight_moments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_delight_months();
--> statement-breakpoint
CREATE TRIGGER "delight_months_update" AFTER UPDATE ON "delight_moments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_delight_months();
--> statement-breakpoint
CREATE TRIGGER "delight_months_delete" AFTER DELETE ON "delight_moments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION count_delight_months();
--> statement-breakpoint
INSERT INTO delight_months (month, moments, cost_cents)
SELECT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date, count(*), sum(cost_cents) FROM delight_moments GROUP BY 1;
--> statement-breakpoint
CREATE FUNCTION "name_role_assignment"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.customer_name := (SELECT name FROM customers WHERE id = NEW.customer_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "role_assignments_customer_name" BEFORE INSERT OR UPDATE OF customer_id ON "role_assignments"
  FOR EACH ROW EXECUTE FUNCTION name_role_assignment();
--> statement-breakpoint
CREATE FUNCTION "rename_role_assignments"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE role_assignments ra SET customer_name = n.name
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE ra.customer_id = n.id AND n.name IS DISTINCT FROM o.name;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "customers_rename_role_assignments" AFTER UPDATE ON "customers"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rename_role_assignments();
--> statement-breakpoint
UPDATE role_assignments ra SET customer_name = c.name FROM customers c WHERE c.id = ra.customer_id;
