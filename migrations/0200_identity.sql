-- Identity: logins from OpenID Connect providers, staff and their roles, server-side sessions.
-- A login is keyed by (issuer, subject) so one provider can never speak for another's users (ASVS 6.8.1).
CREATE TABLE identity_login (
  id uuid PRIMARY KEY,
  provider_id text NOT NULL,
  issuer text NOT NULL,
  subject text NOT NULL,
  person_id uuid REFERENCES person (id),
  link_method text CHECK (link_method IN ('letter-code', 'provincial-match')),
  linked_at timestamptz,
  created_at timestamptz NOT NULL,
  last_sign_in_at timestamptz NOT NULL,
  UNIQUE (issuer, subject),
  CONSTRAINT identity_login_link_pair CHECK ((person_id IS NULL) = (linked_at IS NULL))
);
CREATE INDEX identity_login_person_idx ON identity_login (person_id);

CREATE TABLE identity_staff (
  id uuid PRIMARY KEY,
  issuer text NOT NULL,
  subject text NOT NULL,
  display_name text NOT NULL,
  agency_id text NOT NULL,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (issuer, subject)
);

-- Roles live here, not in the provider's token: administrators change them and nobody grants their own.
CREATE TABLE identity_staff_role (
  staff_id uuid NOT NULL REFERENCES identity_staff (id) ON DELETE CASCADE,
  role text NOT NULL
    CHECK (role IN ('agent', 'adjudicator', 'supervisor', 'tribunal-member', 'analyst', 'administrator')),
  granted_by uuid REFERENCES identity_staff (id),
  granted_at timestamptz NOT NULL,
  PRIMARY KEY (staff_id, role),
  CONSTRAINT identity_staff_role_not_self CHECK (granted_by IS NULL OR granted_by <> staff_id)
);

-- Only a SHA-256 of the session token is stored: a copy of this table cannot be replayed (ASVS 7.2.3).
CREATE TABLE identity_session (
  id_hash text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('person', 'staff')),
  login_id uuid REFERENCES identity_login (id) ON DELETE CASCADE,
  staff_id uuid REFERENCES identity_staff (id) ON DELETE CASCADE,
  provider_id text NOT NULL,
  provider_sid text,
  assurance_level smallint NOT NULL CHECK (assurance_level BETWEEN 1 AND 3),
  auth_time timestamptz NOT NULL,
  second_factor_at timestamptz,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ended_at timestamptz,
  end_reason text,
  CONSTRAINT identity_session_owner CHECK ((kind = 'person') = (login_id IS NOT NULL) AND (kind = 'staff') = (staff_id IS NOT NULL))
);
CREATE INDEX identity_session_login_idx ON identity_session (login_id) WHERE ended_at IS NULL;
CREATE INDEX identity_session_staff_idx ON identity_session (staff_id) WHERE ended_at IS NULL;

-- One authorization request in flight: state, nonce and PKCE verifier, used once.
CREATE TABLE identity_auth_request (
  id_hash text PRIMARY KEY,
  provider_id text NOT NULL,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('en', 'fr')),
  intent text NOT NULL CHECK (intent IN ('sign-in', 'step-up')),
  return_to text,
  created_at timestamptz NOT NULL,
  consumed_at timestamptz
);

-- A personal access code mailed to the registry address; only its keyed hash is kept here.
CREATE TABLE identity_link_code (
  id uuid PRIMARY KEY,
  login_id uuid NOT NULL REFERENCES identity_login (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id),
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  used_at timestamptz
);
CREATE INDEX identity_link_code_login_idx ON identity_link_code (login_id);

-- The print queue: letters waiting for the mail house. The development mailbox page reads it.
CREATE TABLE identity_letter (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person (id),
  kind text NOT NULL,
  access_code text NOT NULL,
  created_at timestamptz NOT NULL
);

-- Failure counters for brute-force limits; keys are hashes, never identifiers in clear.
CREATE TABLE identity_throttle (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  failures integer NOT NULL,
  locked_until timestamptz
);

-- Back-channel logout tokens seen recently, refused if replayed (CATS ODP-RP02).
CREATE TABLE identity_logout_jti (
  issuer text NOT NULL,
  jti text NOT NULL,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, jti)
);

-- A staff member's stated reason for opening a client's file, for the life of the staff session.
CREATE TABLE identity_file_access (
  id uuid PRIMARY KEY,
  session_id_hash text NOT NULL REFERENCES identity_session (id_hash) ON DELETE CASCADE,
  staff_id uuid NOT NULL REFERENCES identity_staff (id),
  person_id uuid NOT NULL REFERENCES person (id),
  purpose text NOT NULL CHECK (purpose IN ('phone-call', 'in-person-visit', 'assigned-case')),
  channel text NOT NULL CHECK (channel IN ('phone', 'in-person', 'system')),
  client_consent boolean NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX identity_file_access_session_idx ON identity_file_access (session_id_hash, person_id);
