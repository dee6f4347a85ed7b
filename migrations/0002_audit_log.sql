-- Append-only audit trail of access to personal information. Each row's hash covers its content and the
-- previous row's hash, so an edited, inserted or deleted row breaks the chain (`guichet audit verify`).
CREATE TABLE audit_event (
  seq bigint PRIMARY KEY,
  id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  occurred_at timestamptz NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('person', 'staff', 'agency', 'system', 'anonymous')),
  actor_id text,
  actor_role text,
  actor_agency_id text,
  subject_person_id text,
  action text NOT NULL,
  purpose text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('online', 'phone', 'in-person', 'mail', 'system', 'partner')),
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  correlation_id text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_event_subject_idx ON audit_event (subject_person_id, occurred_at DESC);

-- One row holding the end of the chain: appending locks it, so concurrent writers form one chain, and
-- a deleted last row is detected because the head no longer matches.
CREATE TABLE audit_chain_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, 'genesis');

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
