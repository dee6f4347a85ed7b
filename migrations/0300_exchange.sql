-- Tell-us-once: information-sharing agreements as data, consents, enrolments, and a transactional
-- outbox of deliveries (one row per change and recipient), dispatched at least once.
CREATE TABLE sharing_agreement (
  id text PRIMARY KEY,
  provider_agency_id text NOT NULL REFERENCES agency (id),
  recipient_agency_id text NOT NULL REFERENCES agency (id),
  elements jsonb NOT NULL,
  -- 'enrolled': only people enrolled in one of the recipient's programmes; 'all': everyone.
  scope text NOT NULL CHECK (scope IN ('enrolled', 'all')),
  purpose_en text NOT NULL,
  purpose_fr text NOT NULL,
  legal_authority_en text NOT NULL,
  legal_authority_fr text NOT NULL,
  consent_required boolean NOT NULL,
  retention_years integer NOT NULL CHECK (retention_years >= 2),
  effective_from date NOT NULL,
  expires_on date
);

CREATE TABLE programme_element_use (
  programme_id text NOT NULL REFERENCES programme (id),
  element text NOT NULL,
  PRIMARY KEY (programme_id, element)
);

CREATE TABLE enrolment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  programme_id text NOT NULL REFERENCES programme (id),
  status text NOT NULL CHECK (status IN ('active', 'ended')),
  since date NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  UNIQUE (person_id, programme_id)
);
CREATE INDEX enrolment_programme_idx ON enrolment (programme_id);

CREATE TABLE consent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  agreement_id text NOT NULL REFERENCES sharing_agreement (id),
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX consent_person_idx ON consent (person_id, agreement_id);

CREATE TABLE outbox_delivery (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  change_id uuid NOT NULL REFERENCES registry_change (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  element text NOT NULL,
  version integer NOT NULL,
  agreement_id text NOT NULL REFERENCES sharing_agreement (id),
  recipient_agency_id text NOT NULL REFERENCES agency (id),
  enrolment_id uuid REFERENCES enrolment (id) ON DELETE CASCADE,
  -- The changed values, encrypted (AES-GCM): the outbox holds Protected B data too.
  payload_ciphertext text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'delivered', 'withheld')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz
);
CREATE INDEX outbox_delivery_due_idx ON outbox_delivery (next_attempt_at) WHERE status IN ('pending', 'sent');
CREATE INDEX outbox_delivery_person_idx ON outbox_delivery (person_id, created_at DESC);

-- The subscriber side: what each agency holds, and which deliveries it has applied (idempotency).
CREATE TABLE agency_receipt (
  recipient_agency_id text NOT NULL,
  delivery_id uuid NOT NULL,
  applied_at timestamptz NOT NULL,
  PRIMARY KEY (recipient_agency_id, delivery_id)
);

CREATE TABLE agency_client_copy (
  recipient_agency_id text NOT NULL,
  person_id uuid NOT NULL,
  element text NOT NULL,
  version integer NOT NULL,
  value_ciphertext text NOT NULL,
  applied_count integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (recipient_agency_id, person_id, element)
);
