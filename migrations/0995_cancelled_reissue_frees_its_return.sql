-- A cancelled run's reissues free their returned payments to be reissued again (issue #16, ADR 0020 addendum
-- "Cancelling a run that reissues"). A live payment still exists once by construction; a cancelled reissue
-- keeps its row (what happened stays on file) but no longer holds the keys a new reissue needs.

-- Regular and arrears payments keep their key even when cancelled: a month whose payment was cancelled is
-- paid as arrears by the next run, never again under the same key (ADR 0024). Writers that insert them name
-- this index with its predicate (`ON CONFLICT (enrolment_id, period, kind) WHERE kind <> 'reissue'`).
ALTER TABLE payment DROP CONSTRAINT payment_once;
CREATE UNIQUE INDEX payment_once ON payment (enrolment_id, period, kind) WHERE kind <> 'reissue';

-- A reissue is once per (enrolment, period) and once per returned payment, among live payments.
CREATE UNIQUE INDEX payment_reissue_once_per_period ON payment (enrolment_id, period)
  WHERE kind = 'reissue' AND status <> 'cancelled';
DROP INDEX payment_reissue_once;
CREATE UNIQUE INDEX payment_reissue_once ON payment (reissue_of)
  WHERE reissue_of IS NOT NULL AND status <> 'cancelled';
