-- A held return matched to a payment by hand (issue #16): a payments officer proposes the payment with a
-- reason, another person (a supervisor) confirms it, and only then is it a matched return (the payment marked
-- returned, the person's letter, the agents' follow-up). Never the same person: money moves on it.
ALTER TABLE payment_return ADD COLUMN match_payment_id uuid REFERENCES payment (id);
ALTER TABLE payment_return ADD COLUMN match_proposed_by text;
ALTER TABLE payment_return ADD COLUMN match_proposed_at timestamptz;
ALTER TABLE payment_return ADD COLUMN match_reason text;
ALTER TABLE payment_return ADD COLUMN matched_by text;
ALTER TABLE payment_return ADD COLUMN matched_at timestamptz;
ALTER TABLE payment_return ADD CONSTRAINT payment_return_match_proposal
  CHECK ((match_payment_id IS NULL) = (match_proposed_by IS NULL) AND (match_proposed_by IS NULL) = (match_reason IS NULL));
ALTER TABLE payment_return ADD CONSTRAINT payment_return_match_four_eyes
  CHECK (matched_by IS NULL OR (match_proposed_by IS NOT NULL AND matched_by <> match_proposed_by));
