-- A debt recovered from the estate (issues #15/#16, ADR 0024 addendum "after a death", December 2026).
--
-- A payment issued for a month after the month of death is an overpayment (OAS Act s. 37(1), CPP s. 66(1):
-- "a person or estate"); the deceased has no later payment to keep a share of, so the debt is recovered from
-- the estate (OAS Act s. 37(2.1), CPP s. 66(2.1)): no share of payments (`rate_basis_points` 0) and the date
-- of death it was raised for, which its letter to the estate tells. The date is held in clear, as the
-- register's own `person.date_of_death` is.
ALTER TABLE payment_debt ADD COLUMN recover_from text NOT NULL DEFAULT 'payments'
  CHECK (recover_from IN ('payments', 'estate'));
ALTER TABLE payment_debt ADD COLUMN died_on text CHECK (died_on ~ '^\d{4}-\d{2}-\d{2}$');
ALTER TABLE payment_debt DROP CONSTRAINT payment_debt_rate_basis_points_check;
ALTER TABLE payment_debt ADD CONSTRAINT payment_debt_recovery_check CHECK (
  (recover_from = 'payments' AND rate_basis_points BETWEEN 1 AND 9999 AND died_on IS NULL)
  OR (recover_from = 'estate' AND rate_basis_points = 0 AND died_on IS NOT NULL)
);
