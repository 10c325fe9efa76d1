CREATE TABLE "customer_tallies" (
	"status" "customer_status" NOT NULL,
	"milestone" smallint NOT NULL,
	"peak_milestone" smallint NOT NULL,
	"owner_id" integer NOT NULL,
	"plan" text NOT NULL,
	"cohort" text NOT NULL,
	"customers" integer NOT NULL,
	"mrr_cents" bigint NOT NULL,
	"credit_acc" double precision NOT NULL,
	"debt_acc" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_tally_deltas" (
	"status" "customer_status" NOT NULL,
	"milestone" smallint NOT NULL,
	"peak_milestone" smallint NOT NULL,
	"owner_id" integer NOT NULL,
	"plan" text NOT NULL,
	"cohort" text NOT NULL,
	"customers" integer NOT NULL,
	"mrr_cents" bigint NOT NULL,
	"credit_acc" double precision NOT NULL,
	"debt_acc" double precision NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "customer_tallies_key" ON "customer_tallies" USING btree ("status","milestone","peak_milestone","owner_id","plan","cohort");--> statement-breakpoint
-- Each statement's net change per key, appended (never updated: concurrent writers never wait on a tally row).
CREATE FUNCTION "customer_tally_delta"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_tally_deltas
    SELECT status, milestone, peak_milestone, coalesce(owner_id, 0), plan, to_char(signed_up_at AT TIME ZONE 'UTC', 'YYYY-MM'),
      count(*), sum(mrr_cents), sum(credit_acc), sum(debt_acc)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO customer_tally_deltas
    SELECT status, milestone, peak_milestone, coalesce(owner_id, 0), plan, to_char(signed_up_at AT TIME ZONE 'UTC', 'YYYY-MM'),
      -count(*), -sum(mrr_cents), -sum(credit_acc), -sum(debt_acc)
    FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6;
  ELSE
    INSERT INTO customer_tally_deltas
    SELECT status, milestone, peak_milestone, owner_id, plan, cohort, sum(n), sum(mrr_cents), sum(credit_acc), sum(debt_acc)
    FROM (
      SELECT status, milestone, peak_milestone, coalesce(owner_id, 0) AS owner_id, plan,
        to_char(signed_up_at AT TIME ZONE 'UTC', 'YYYY-MM') AS cohort, 1 AS n, mrr_cents, credit_acc, debt_acc
      FROM new_rows
      UNION ALL
      SELECT status, milestone, peak_milestone, coalesce(owner_id, 0), plan,
        to_char(signed_up_at AT TIME ZONE 'UTC', 'YYYY-MM'), -1, -mrr_cents, -credit_acc, -debt_acc
      FROM old_rows) AS change
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(n) <> 0 OR sum(mrr_cents) <> 0 OR sum(credit_acc) <> 0 OR sum(debt_acc) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "customers_tally_insert" AFTER INSERT ON "customers"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_tally_delta();
--> statement-breakpoint
CREATE TRIGGER "customers_tally_update" AFTER UPDATE ON "customers"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_tally_delta();
--> statement-breakpoint
CREATE TRIGGER "customers_tally_delete" AFTER DELETE ON "customers"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_tally_delta();
--> statement-breakpoint
-- Counts everything again from the customers themselves: after a TRUNCATE, or a load with triggers off.
CREATE FUNCTION "rebuild_customer_tallies"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM customer_tally_deltas;
  DELETE FROM customer_tallies;
  INSERT INTO customer_tallies
  SELECT status, milestone, peak_milestone, coalesce(owner_id, 0), plan, to_char(signed_up_at AT TIME ZONE 'UTC', 'YYYY-MM'),
    count(*), sum(mrr_cents), sum(credit_acc), sum(debt_acc)
  FROM customers GROUP BY 1, 2, 3, 4, 5, 6;
$$;
--> statement-breakpoint
CREATE FUNCTION "customer_tally_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rebuild_customer_tallies();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "customers_tally_truncate" AFTER TRUNCATE ON "customers"
  FOR EACH STATEMENT EXECUTE FUNCTION customer_tally_truncate();
--> statement-breakpoint
-- Folds the deltas into the tallies in one statement: a reader sees them before or after, never twice.
CREATE FUNCTION "fold_customer_tallies"() RETURNS integer LANGUAGE sql AS $$
  WITH folded AS (DELETE FROM customer_tally_deltas RETURNING *),
  merged AS (
    INSERT INTO customer_tallies
    SELECT status, milestone, peak_milestone, owner_id, plan, cohort,
      sum(customers), sum(mrr_cents), sum(credit_acc), sum(debt_acc)
    FROM folded GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (status, milestone, peak_milestone, owner_id, plan, cohort) DO UPDATE SET
      customers = customer_tallies.customers + excluded.customers,
      mrr_cents = customer_tallies.mrr_cents + excluded.mrr_cents,
      credit_acc = customer_tallies.credit_acc + excluded.credit_acc,
      debt_acc = customer_tallies.debt_acc + excluded.debt_acc
    RETURNING 1)
  SELECT count(*)::int FROM folded;
$$;
--> statement-breakpoint
SELECT rebuild_customer_tallies();
