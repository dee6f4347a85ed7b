-- Decisions under the Directive on Automated Decision-Making (issue #15, ADR 0017).

-- One case per submitted application (the UNIQUE application id makes a replayed submission one case). The
-- household as submitted is Protected B: one ciphertext. Province, age band, channel and language are kept in
-- clear, coarse, for outcomes monitoring (approval rates and processing times by group).
CREATE TABLE decision_case (
  id uuid PRIMARY KEY,
  application_id text NOT NULL UNIQUE,
  reference text NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  programme_id text NOT NULL,
  rules_programme_id text NOT NULL,
  impact_level smallint NOT NULL CHECK (impact_level BETWEEN 1 AND 4),
  channel text NOT NULL CHECK (channel IN ('online', 'phone', 'in-person', 'paper')),
  lang text NOT NULL CHECK (lang IN ('en', 'fr')),
  province text,
  age_band text NOT NULL,
  household_cipher text NOT NULL,
  status text NOT NULL CHECK (
    status IN ('queued', 'assigned', 'information-requested', 'awaiting-approval', 'decided')
  ),
  recommendation text CHECK (recommendation IN ('approve', 'refuse', 'cannot-tell')),
  assigned_to text,
  submitted_at timestamptz NOT NULL,
  due_on date NOT NULL,
  -- The service-standard clock stops while we wait for the person (information requested).
  clock_stopped_at timestamptz,
  paused_seconds bigint NOT NULL DEFAULT 0,
  outcome text CHECK (outcome IN ('approved', 'refused')),
  decided_at timestamptz
);
CREATE INDEX decision_case_queue_idx ON decision_case (programme_id, submitted_at) WHERE status <> 'decided';
CREATE INDEX decision_case_person_idx ON decision_case (person_id, submitted_at DESC);

-- Every decision and every recommendation: what the rules found, on which rule-set version, and (for the
-- person's sake) why. Facts, trace and the adjudicator's words are one Protected B ciphertext; the rule set's
-- version (commit and a hash over the hash of every parameter file read) is kept in clear for replay.
CREATE TABLE decision (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES decision_case (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  programme_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('automated', 'recommendation', 'adjudicated')),
  outcome text NOT NULL CHECK (outcome IN ('approved', 'refused', 'cannot-tell')),
  as_of date NOT NULL,
  effective_from date,
  amount_cents bigint,
  period_kind text CHECK (period_kind IN ('month', 'biweekly')),
  rules_commit text NOT NULL,
  parameters_hash text NOT NULL,
  record_cipher text NOT NULL,
  decided_by text,
  override boolean NOT NULL DEFAULT false,
  -- Four eyes: an override or a large award waits for a second person's approval.
  approval text NOT NULL CHECK (approval IN ('not-needed', 'pending', 'approved', 'rejected')),
  approved_by text,
  created_at timestamptz NOT NULL,
  final boolean NOT NULL DEFAULT false,
  letter_sent_at timestamptz
);
CREATE INDEX decision_case_idx ON decision (case_id, created_at);
CREATE INDEX decision_letter_idx ON decision (created_at) WHERE final AND letter_sent_at IS NULL;

-- The entitlement schedule payments read: amounts by period from a date, until a date or open-ended.
CREATE TABLE enrolment_entitlement (
  id uuid PRIMARY KEY,
  enrolment_id uuid NOT NULL REFERENCES enrolment (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  programme_id text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  amount_cents bigint NOT NULL,
  period_kind text NOT NULL CHECK (period_kind IN ('month', 'biweekly')),
  decision_id uuid NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
  review_on date
);
CREATE INDEX enrolment_entitlement_idx ON enrolment_entitlement (enrolment_id, valid_from);
CREATE INDEX enrolment_entitlement_person_idx ON enrolment_entitlement (person_id, programme_id);
