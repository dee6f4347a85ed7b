-- Changes of circumstance the rules cannot settle alone (issue #15): a re-evaluation that needs a person opens a
-- case in the adjudicator's workqueue. Such a case has no application: `review_key` names what caused it (the
-- queued change and the programme, or the July redetermination's year), unique so the same change opens one case
-- however often it is handled; `review_kind` and `review_reason` say what changed and why the rules stopped;
-- `effective_on` is the day a new decision would take effect (the adjudicator decides as of that day).
ALTER TABLE decision_case ALTER COLUMN application_id DROP NOT NULL;
ALTER TABLE decision_case ADD COLUMN review_key text UNIQUE;
ALTER TABLE decision_case ADD COLUMN review_kind text;
ALTER TABLE decision_case ADD COLUMN review_reason text
  CHECK (review_reason IN ('new-partner', 'facts-not-applicable', 'no-longer-approved', 'cannot-tell'));
ALTER TABLE decision_case ADD COLUMN effective_on date;
ALTER TABLE decision_case ADD CONSTRAINT decision_case_origin
  CHECK ((application_id IS NULL) = (review_key IS NOT NULL));

-- New income years and births reach re-evaluation through the register's changes, like addresses.
ALTER TABLE circumstance_change DROP CONSTRAINT circumstance_change_kind_check;
ALTER TABLE circumstance_change ADD CONSTRAINT circumstance_change_kind_check
  CHECK (kind IN ('address', 'marital-status', 'residence-status', 'age-18', 'income-year', 'birth'));
