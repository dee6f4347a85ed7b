-- Deaths from vital statistics agencies (issue #15): the agency's registration number is kept like a birth's, so
-- the same registration sent twice records one death; a death is a change of circumstance re-evaluation handles
-- (the deceased's enrolments end, the household's others are re-evaluated).
ALTER TABLE partner_event_receipt DROP CONSTRAINT partner_event_receipt_kind_check;
ALTER TABLE partner_event_receipt ADD CONSTRAINT partner_event_receipt_kind_check
  CHECK (kind IN ('birth', 'death', 'tax-assessment'));

ALTER TABLE circumstance_change DROP CONSTRAINT circumstance_change_kind_check;
ALTER TABLE circumstance_change ADD CONSTRAINT circumstance_change_kind_check
  CHECK (kind IN ('address', 'marital-status', 'residence-status', 'age-18', 'income-year', 'birth', 'death'));
