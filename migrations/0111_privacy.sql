-- Privacy Act s. 12 access and correction requests: a record under an open request is never disposed of
-- (Privacy Regulations s. 4(1)(b): kept until the person has exhausted their rights).
CREATE TABLE privacy_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('access', 'correction')),
  opened_at timestamptz NOT NULL,
  closed_at timestamptz
);
CREATE INDEX privacy_request_open_idx ON privacy_request (person_id) WHERE closed_at IS NULL;
