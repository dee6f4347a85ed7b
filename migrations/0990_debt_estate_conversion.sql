-- A debt being recovered from payments when its debtor died, asked of the estate (issue #16 item 6, ADR 0024
-- addendum "a debt already being recovered when the person dies").
--
-- After the month of death nothing more is paid, so no share of a payment can be kept: the balance still owed
-- is asked of the estate (OAS Act s. 37(2.1), CPP s. 66(2.1)). The debt itself changes how it is recovered
-- (`recover_from` 'estate', rate 0, `died_on`: migration 0980's constraint holds); this row keeps what it was
-- before (its rate and rule), what was already recovered and what was asked of the estate, and the letter
-- that told the estate. One row per debt: the primary key makes a replay or a second run convert nothing.
CREATE TABLE payment_debt_estate_conversion (
  debt_id uuid PRIMARY KEY REFERENCES payment_debt (id),
  run_id uuid NOT NULL REFERENCES payment_run (id),
  died_on text NOT NULL CHECK (died_on ~ '^\d{4}-\d{2}-\d{2}$'),
  recovered_cents bigint NOT NULL CHECK (recovered_cents >= 0),
  balance_cents bigint NOT NULL CHECK (balance_cents > 0),
  previous_rate_basis_points integer NOT NULL CHECK (previous_rate_basis_points BETWEEN 1 AND 9999),
  previous_rule_reference text NOT NULL,
  letter_sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_debt_estate_conversion_letter ON payment_debt_estate_conversion (created_at)
  WHERE letter_sent_at IS NULL;
