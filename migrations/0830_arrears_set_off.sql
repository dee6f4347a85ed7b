-- Arrears set off against a debt (issue #16): when a run owes arrears to someone whose same enrolment has an
-- open debt they were told of, the dated, cited share of the arrears (reference-data/canada/arrears-set-off.yaml)
-- goes to the debt before anything is paid. What an arrears adjustment settled by set-off is kept beside it,
-- so arrears wholly set off are never paid, nor found again.
ALTER TABLE payment_adjustment ADD COLUMN set_off_cents bigint NOT NULL DEFAULT 0;
ALTER TABLE payment_adjustment ADD CONSTRAINT payment_adjustment_set_off
  CHECK (set_off_cents >= 0 AND (outcome = 'arrears' AND set_off_cents <= net_cents OR set_off_cents = 0));

-- Each set-off: once per debt and run, with the rate and rule it was taken under.
CREATE TABLE payment_debt_set_off (
  debt_id uuid NOT NULL REFERENCES payment_debt (id),
  run_id uuid NOT NULL REFERENCES payment_run (id),
  set_off_cents bigint NOT NULL CHECK (set_off_cents > 0),
  rate_basis_points integer NOT NULL CHECK (rate_basis_points BETWEEN 1 AND 10000),
  rule_reference text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (debt_id, run_id)
);
