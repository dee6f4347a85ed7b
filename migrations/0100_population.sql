-- The population register: households, people, their relationships and incomes.
-- Protected B values (SIN, income amounts) are stored only as field-level ciphertext (AES-256-GCM,
-- `v1.<keyId>.<payload>`); the SIN is found through a keyed hash (HMAC-SHA-256), never by its value.
-- Foreign keys are named because seeding an empty register lifts and restores them (src/population/bulk-load.ts).
CREATE TABLE household (
  id uuid PRIMARY KEY,
  province_code text NOT NULL CONSTRAINT household_province_fk REFERENCES jurisdiction (code),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_province_idx ON household (province_code);

CREATE TABLE person (
  id uuid PRIMARY KEY,
  household_id uuid NOT NULL CONSTRAINT person_household_fk REFERENCES household (id),
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date NOT NULL,
  preferred_language text NOT NULL CHECK (preferred_language IN ('en', 'fr')),
  marital_status text NOT NULL
    CHECK (marital_status IN ('single', 'married', 'common-law', 'separated', 'divorced', 'widowed')),
  -- Not everyone has a SIN (young children often do not), so both are null together.
  sin_ciphertext text,
  sin_lookup text UNIQUE,
  -- Old Age Security Act s. 3: residence in Canada after age 18 sets the pension fraction.
  years_in_canada_after_18 integer NOT NULL DEFAULT 0 CHECK (years_in_canada_after_18 >= 0),
  disability boolean NOT NULL DEFAULT false,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT person_sin_pair CHECK ((sin_ciphertext IS NULL) = (sin_lookup IS NULL))
);
CREATE INDEX person_household_idx ON person (household_id);

-- Spouse and common-law partner rows are stored once per couple; look them up from either side.
-- `parent-of` points from parent to child; `custody_share` is the parent's share (1.00 sole, 0.50 shared).
CREATE TABLE person_relationship (
  person_id uuid NOT NULL CONSTRAINT person_relationship_person_fk REFERENCES person (id) ON DELETE CASCADE,
  related_person_id uuid NOT NULL
    CONSTRAINT person_relationship_related_person_fk REFERENCES person (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('spouse', 'common-law-partner', 'parent-of')),
  since date,
  custody_share numeric(3, 2) CHECK (custody_share BETWEEN 0 AND 1),
  PRIMARY KEY (person_id, related_person_id, kind),
  CONSTRAINT person_relationship_not_self CHECK (person_id <> related_person_id)
);
CREATE INDEX person_relationship_related_idx ON person_relationship (related_person_id);

CREATE TABLE person_income (
  person_id uuid NOT NULL CONSTRAINT person_income_person_fk REFERENCES person (id) ON DELETE CASCADE,
  tax_year integer NOT NULL CHECK (tax_year BETWEEN 1900 AND 2200),
  income_type text NOT NULL CHECK (
    income_type IN (
      'employment', 'self-employment', 'employment-insurance', 'social-assistance',
      'oas-pension', 'gis', 'cpp-qpp-retirement', 'cpp-qpp-disability', 'private-pension', 'investment'
    )
  ),
  amount_ciphertext text NOT NULL,
  PRIMARY KEY (person_id, tax_year, income_type)
);
