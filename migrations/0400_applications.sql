-- Applications (issue #15, ADR 0016): one row per application, from the first saved answer (a draft) to its
-- decision. The answers are Protected B: one ciphertext. The reference is short and unambiguous (read over the
-- phone) and unique; a draft is kept until `expires_at` and then deleted.
CREATE TABLE application (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  programme_id text NOT NULL,
  status text NOT NULL CHECK (
    status IN ('draft', 'submitted', 'in-review', 'information-requested', 'approved', 'refused', 'withdrawn')
  ),
  channel text NOT NULL CHECK (channel IN ('online', 'phone', 'in-person', 'paper')),
  lang text NOT NULL CHECK (lang IN ('en', 'fr')),
  started_by_kind text NOT NULL CHECK (started_by_kind IN ('person', 'staff', 'representative')),
  started_by_id text NOT NULL,
  -- Staff channels: the client's consent to apply with an agent, and how their identity was checked.
  client_consent boolean NOT NULL DEFAULT false,
  identity_check text CHECK (identity_check IN ('questions', 'document', 'in-person-id', 'paper-signature')),
  answers_cipher text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  expires_at timestamptz,
  submitted_at timestamptz,
  submitted_by_kind text CHECK (submitted_by_kind IN ('person', 'staff', 'representative')),
  submitted_by_id text,
  CHECK ((status = 'draft') = (submitted_at IS NULL)),
  CHECK ((status = 'draft') = (expires_at IS NOT NULL))
);
-- One draft per person and programme: starting again opens the same draft (a double click makes one).
CREATE UNIQUE INDEX application_one_draft_idx ON application (person_id, programme_id) WHERE status = 'draft';
CREATE INDEX application_person_idx ON application (person_id, updated_at DESC);
CREATE INDEX application_expiry_idx ON application (expires_at) WHERE status = 'draft';

-- Evidence: the file itself encrypted as Protected B (metadata stripped before), its type from its content.
CREATE TABLE application_evidence (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind text NOT NULL,
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  name_cipher text NOT NULL,
  content_cipher text NOT NULL,
  uploaded_by_kind text NOT NULL CHECK (uploaded_by_kind IN ('person', 'staff', 'representative')),
  uploaded_by_id text NOT NULL,
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX application_evidence_application_idx ON application_evidence (application_id, uploaded_at);

-- Representatives: a person authorises someone (also in the register, signing in with their own login) to act
-- for them, within a scope and until an end date; staff record a trustee or a power of attorney with evidence.
CREATE TABLE representative_authorisation (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  representative_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('family', 'trustee', 'power-of-attorney')),
  scope text NOT NULL CHECK (scope IN ('apply', 'apply-and-view')),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  recorded_by_kind text NOT NULL CHECK (recorded_by_kind IN ('person', 'staff')),
  recorded_by_id text NOT NULL,
  evidence_note text,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  CHECK (ends_on >= starts_on),
  CHECK (person_id <> representative_id)
);
CREATE INDEX representative_of_idx ON representative_authorisation (representative_id) WHERE revoked_at IS NULL;
CREATE INDEX representative_person_idx ON representative_authorisation (person_id);

-- Records of Employment as employers submit them (EI: insurable hours and earnings, never retyped by the person).
CREATE TABLE record_of_employment (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  employer_name text NOT NULL,
  serial text NOT NULL UNIQUE,
  first_day date NOT NULL,
  last_day date NOT NULL,
  reason_code text NOT NULL,
  -- Insurable hours and earnings by pay period (Employment Insurance Regulations s. 19), Protected B.
  periods_cipher text NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX record_of_employment_person_idx ON record_of_employment (person_id, last_day DESC);

-- Staff find a client by name and date of birth, tolerant of accents and typos (ADR 0016): the few people born
-- on that date are read through this index and their names compared folded, so it works the same on PGlite.
CREATE INDEX IF NOT EXISTS person_birth_date_idx ON person (birth_date);
