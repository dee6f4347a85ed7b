-- Security notices after a sensitive change (issue #11): sent to the email or phone the person had BEFORE
-- the change, which the record no longer holds, so the destination is kept here, encrypted, until the notice
-- has left (then wiped). One row per change (`source_key`). The letter itself is in the inbox
-- (person_document, same source key). This range runs before the person tables: no foreign keys here.
CREATE TABLE security_notice (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL,
  source_key text NOT NULL UNIQUE,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  to_cipher text,
  lang text NOT NULL CHECK (lang IN ('en', 'fr')),
  status text NOT NULL CHECK (status IN ('queued', 'sent', 'abandoned')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  notify_id text,
  created_at timestamptz NOT NULL,
  CHECK ((status = 'queued') = (to_cipher IS NOT NULL))
);
CREATE INDEX security_notice_due_idx ON security_notice (next_attempt_at) WHERE status = 'queued';
