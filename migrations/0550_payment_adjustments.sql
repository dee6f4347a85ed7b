-- Overpayments and underpayments (issue #16 item 6, ADR 0024). A change to an entitlement schedule for
-- periods already paid is found by the next payment run: what was paid per period is compared with what is
-- due now; an underpayment is paid as one arrears payment in that run, an overpayment becomes a debt
-- recovered by a capped share of later payments.
ALTER TABLE payment DROP CONSTRAINT payment_kind_check;
ALTER TABLE payment ADD CONSTRAINT payment_kind_check CHECK (kind IN ('regular', 'reissue', 'arrears'));

CREATE TABLE payment_adjustment (
  id uuid PRIMARY KEY,
  enrolment_id text NOT NULL,
  person_id text NOT NULL,
  programme_id text NOT NULL,
  -- The latest decision of the schedule the difference was computed on.
  decision_id text NOT NULL,
  run_id uuid NOT NULL REFERENCES payment_run (id),
  -- What the lines add up to: positive is owed to the person, negative is owed by them.
  net_cents bigint NOT NULL CHECK (net_cents <> 0),
  outcome text NOT NULL CHECK (outcome IN ('arrears', 'debt')),
  -- The arrears payment that paid it (outcome 'arrears').
  payment_id uuid REFERENCES payment (id),
  -- The lines' fingerprint: the same difference found twice is recorded once.
  basis text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT payment_adjustment_once UNIQUE (enrolment_id, basis),
  CONSTRAINT payment_adjustment_sign CHECK ((outcome = 'arrears') = (net_cents > 0))
);
CREATE INDEX payment_adjustment_enrolment ON payment_adjustment (enrolment_id);
CREATE INDEX payment_adjustment_person ON payment_adjustment (person_id);

CREATE TABLE payment_adjustment_line (
  adjustment_id uuid NOT NULL REFERENCES payment_adjustment (id),
  period text NOT NULL,
  paid_cents bigint NOT NULL,
  due_cents bigint NOT NULL,
  difference_cents bigint NOT NULL CHECK (difference_cents <> 0),
  PRIMARY KEY (adjustment_id, period)
);

CREATE TABLE payment_debt (
  id uuid PRIMARY KEY,
  adjustment_id uuid NOT NULL UNIQUE REFERENCES payment_adjustment (id),
  person_id text NOT NULL,
  enrolment_id text NOT NULL,
  programme_id text NOT NULL,
  run_id uuid NOT NULL REFERENCES payment_run (id),
  original_cents bigint NOT NULL CHECK (original_cents > 0),
  balance_cents bigint NOT NULL CHECK (balance_cents >= 0 AND balance_cents <= original_cents),
  -- The share of each later payment kept, in basis points, from the dated recovery parameters.
  rate_basis_points integer NOT NULL CHECK (rate_basis_points BETWEEN 1 AND 9999),
  rule_reference text NOT NULL,
  letter_sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_debt_person ON payment_debt (person_id);
CREATE INDEX payment_debt_open ON payment_debt (enrolment_id) WHERE balance_cents > 0;
CREATE INDEX payment_debt_letter ON payment_debt (created_at) WHERE letter_sent_at IS NULL;

-- Each deduction from a payment towards a debt: once per debt and payment.
CREATE TABLE payment_debt_recovery (
  debt_id uuid NOT NULL REFERENCES payment_debt (id),
  payment_id uuid NOT NULL REFERENCES payment (id),
  recovered_cents bigint NOT NULL CHECK (recovered_cents > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (debt_id, payment_id)
);
CREATE INDEX payment_debt_recovery_payment ON payment_debt_recovery (payment_id);
