-- Arrears set off against a debt are told and can be undone (issue #16, ADR 0024 addendum, December 2026).
--
-- Told: each set-off is told by one inbox letter once its run is released (never while the run is only
-- prepared: a prepared run can still be cancelled). `letter_sent_at` marks the set-offs a letter told.
ALTER TABLE payment_debt_set_off ADD COLUMN letter_sent_at timestamptz;
-- Undone: a prepared run that is cancelled gives back what it took from debts, exactly once. A reversed
-- set-off or recovery keeps its row (what happened stays on file) and is marked, never deleted.
ALTER TABLE payment_debt_set_off ADD COLUMN reversed_at timestamptz;
ALTER TABLE payment_debt_recovery ADD COLUMN reversed_at timestamptz;
-- The run that paid or set off an arrears adjustment: a cancelled run reopens exactly the arrears it settled.
ALTER TABLE payment_adjustment ADD COLUMN settled_run_id uuid REFERENCES payment_run (id);
UPDATE payment_adjustment AS a SET settled_run_id = p.run_id FROM payment AS p WHERE p.id = a.payment_id;
UPDATE payment_adjustment SET settled_run_id = run_id
  WHERE settled_run_id IS NULL AND outcome = 'arrears' AND set_off_cents > 0;

CREATE INDEX payment_adjustment_settled ON payment_adjustment (settled_run_id) WHERE settled_run_id IS NOT NULL;
CREATE INDEX payment_debt_set_off_run ON payment_debt_set_off (run_id);
CREATE INDEX payment_debt_set_off_untold ON payment_debt_set_off (run_id)
  WHERE letter_sent_at IS NULL AND reversed_at IS NULL;
