-- The July redetermination's letters (issue #16 item 7, ADR 0024): what each person is told is written in the
-- same transaction as their new schedule (so a kill -9 loses or repeats none), then delivered to the inbox
-- after the re-rating, at the inbox's pace. Amounts are those of the schedule, kept in clear as it keeps them.
CREATE TABLE redetermination_letter (
  benefit_year integer NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  -- [{programmeId, periodKind, beforeCents, afterCents}], as the letter's table shows them.
  changes jsonb NOT NULL,
  review boolean NOT NULL,
  sent_at timestamptz,
  PRIMARY KEY (benefit_year, person_id)
);
CREATE INDEX redetermination_letter_due_idx ON redetermination_letter (benefit_year, person_id)
  WHERE sent_at IS NULL;
