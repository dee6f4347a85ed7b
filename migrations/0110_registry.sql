-- The client record beyond the population register's core: status, addresses, contact and preferences,
-- direct deposit, and the version history of every change (who, when, channel, source agency).
CREATE TABLE registry_person_status (
  person_id uuid PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
  life_status text NOT NULL DEFAULT 'alive' CHECK (life_status IN ('alive', 'deceased')),
  date_of_death date,
  residence_status text NOT NULL DEFAULT 'citizen'
    CHECK (residence_status IN ('citizen', 'permanent-resident', 'temporary-resident', 'protected-person', 'non-resident')),
  version integer NOT NULL DEFAULT 0,
  -- Privacy Regulations s. 4(1): kept at least two years after the last administrative use.
  last_administrative_use_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT registry_death_date CHECK ((life_status = 'deceased') = (date_of_death IS NOT NULL))
);

CREATE TABLE registry_address (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('residential', 'mailing')),
  line1 text NOT NULL,
  line2 text,
  city text NOT NULL,
  province_code text NOT NULL REFERENCES jurisdiction (code),
  postal_code text NOT NULL,
  effective_from date NOT NULL,
  effective_to date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registry_address_person_idx ON registry_address (person_id, kind, effective_from DESC);

CREATE TABLE registry_contact (
  person_id uuid PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
  email text,
  phone text,
  preferred_channel text NOT NULL DEFAULT 'online' CHECK (preferred_channel IN ('online', 'mail', 'phone')),
  accessibility_needs text,
  alternate_formats jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Payments Canada: institution (3 digits), transit (5), account (up to 12). Stored as one AES-GCM
-- ciphertext; only the last three account digits are kept in clear, for masked display.
CREATE TABLE registry_direct_deposit (
  person_id uuid PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
  details_ciphertext text NOT NULL,
  account_last3 text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE registry_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  version integer NOT NULL,
  element text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('update', 'correction')),
  -- Masked summaries only (never a SIN or a full account number).
  summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor_type text NOT NULL,
  actor_id text,
  actor_role text,
  actor_agency_id text,
  channel text NOT NULL,
  source_agency_id text REFERENCES agency (id),
  reason text,
  correlation_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  UNIQUE (person_id, version)
);
