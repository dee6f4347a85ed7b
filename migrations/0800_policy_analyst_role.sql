-- The policy analyst role (issue #13): previews parameter releases on the register, aggregates only.
ALTER TABLE identity_staff_role DROP CONSTRAINT identity_staff_role_role_check;
ALTER TABLE identity_staff_role ADD CONSTRAINT identity_staff_role_role_check
  CHECK (role IN ('agent', 'adjudicator', 'supervisor', 'tribunal-member', 'analyst', 'administrator', 'policy-analyst',
    'payments-officer')); -- payments-officer: see 0500_payments.sql (a fresh database runs 0500 first)
