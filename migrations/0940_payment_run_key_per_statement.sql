-- payment.run_id → payment_run, checked once per statement instead of once per row (ADR 0020, addendum
-- "The run key, once per statement"). The foreign key's row trigger looked the run up and locked it
-- FOR KEY SHARE for each of the thousands of payments a batch inserts, always the same run: about a third
-- of the insert's cost. These triggers keep the same guarantee for every writer (the run, reissues, the
-- adjuster's arrears, anything later): no payment names a run that does not exist, and no run with payments
-- can be deleted or change its id.
ALTER TABLE payment DROP CONSTRAINT payment_run_id_fkey;

-- Every run the statement's new payments name must exist; locked FOR KEY SHARE, as the foreign key did, so a
-- concurrent DELETE waits for this transaction and then sees its payments.
CREATE FUNCTION payment_run_exists_per_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  named integer;
  found integer;
BEGIN
  SELECT count(DISTINCT run_id) INTO named FROM new_payments;
  SELECT count(*) INTO found FROM (
    SELECT 1 FROM payment_run WHERE id IN (SELECT run_id FROM new_payments) FOR KEY SHARE) AS locked;
  IF found <> named THEN
    RAISE foreign_key_violation USING MESSAGE = 'payment.run_id names no payment run',
      CONSTRAINT = 'payment_run_id_exists';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER payment_run_id_exists AFTER INSERT ON payment
  REFERENCING NEW TABLE AS new_payments FOR EACH STATEMENT EXECUTE FUNCTION payment_run_exists_per_statement();

-- A payment moved to another run (nothing does this today) is checked row by row, like the foreign key.
CREATE FUNCTION payment_run_exists_per_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM payment_run WHERE id = NEW.run_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE foreign_key_violation USING MESSAGE = 'payment.run_id names no payment run',
      CONSTRAINT = 'payment_run_id_exists';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER payment_run_id_moved BEFORE UPDATE OF run_id ON payment
  FOR EACH ROW WHEN (OLD.run_id IS DISTINCT FROM NEW.run_id) EXECUTE FUNCTION payment_run_exists_per_row();

-- The other side: a run keeps its id, and is not deleted while a payment names it.
CREATE FUNCTION payment_run_kept_while_paid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM payment WHERE run_id IN (SELECT id FROM old_runs)) THEN
    RAISE foreign_key_violation USING MESSAGE = 'a payment run with payments keeps its id and its row',
      CONSTRAINT = 'payment_run_id_exists';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER payment_run_kept_on_delete AFTER DELETE ON payment_run
  REFERENCING OLD TABLE AS old_runs FOR EACH STATEMENT EXECUTE FUNCTION payment_run_kept_while_paid();

-- TRUNCATE fires no row or DELETE trigger; the foreign key refused it while payments existed, so does this.
CREATE FUNCTION payment_run_not_truncated_while_paid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM payment) THEN
    RAISE foreign_key_violation USING MESSAGE = 'payment runs are not truncated while payments name them',
      CONSTRAINT = 'payment_run_id_exists';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER payment_run_kept_on_truncate BEFORE TRUNCATE ON payment_run
  FOR EACH STATEMENT EXECUTE FUNCTION payment_run_not_truncated_while_paid();

CREATE FUNCTION payment_run_id_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE foreign_key_violation USING MESSAGE = 'a payment run keeps its id',
    CONSTRAINT = 'payment_run_id_exists';
END $$;

CREATE TRIGGER payment_run_id_fixed BEFORE UPDATE OF id ON payment_run
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION payment_run_id_fixed();
