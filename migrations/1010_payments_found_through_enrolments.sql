-- A person's payments are found through their enrolments (issue #16 item 9, ADR 0020 addendum "a person's
-- payments through their enrolments"): `payment_once` and `payment_reissue_once_per_period` lead with the
-- enrolment. An index by person took a random place for each of a run's millions of payments; in a month with
-- the month before on file it made PostgreSQL's own insert of 2,000,000 payments take 48.9 s instead of 22.3 s
-- (docs/benchmarks.md).
DROP INDEX payment_person;
