-- Changes of circumstance (issue #15): a change to the record of a person with an open entitlement (an address,
-- a marital status, a residence status, told once through the register), or a child's 18th birthday, queued in
-- the change's own transaction and then re-evaluated (ADR 0017). `source_key` makes each one handled once; the
-- details (a province, a status, a date) are one Protected B ciphertext.
CREATE TABLE circumstance_change (
  id uuid PRIMARY KEY,
  source_key text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('address', 'marital-status', 'residence-status', 'age-18')),
  occurred_on date NOT NULL,
  details_cipher text NOT NULL,
  received_at timestamptz NOT NULL,
  processed_at timestamptz,
  -- What re-evaluation found, per programme: `ccb:re-rated,gis:unchanged`.
  outcome text
);
CREATE INDEX circumstance_change_pending_idx ON circumstance_change (received_at) WHERE processed_at IS NULL;
CREATE INDEX circumstance_change_person_idx ON circumstance_change (person_id, received_at DESC);
