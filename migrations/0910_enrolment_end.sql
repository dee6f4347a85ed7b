-- An enrolment ends (issue #15): a review refused because the person no longer qualifies, or a death. `ended_on`
-- is the last day the benefit is paid for; a later enrolment in the same programme makes it active again.
ALTER TABLE enrolment ADD COLUMN ended_on date;
ALTER TABLE enrolment ADD CONSTRAINT enrolment_ended_on CHECK (status = 'ended' OR ended_on IS NULL);
