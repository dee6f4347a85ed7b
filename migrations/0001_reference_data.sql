-- Jurisdictions, agencies and programmes are configuration data: another country loads a different seed.
CREATE TABLE jurisdiction (
  code text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('federal', 'province', 'territory', 'state', 'region')),
  name_en text NOT NULL,
  name_fr text NOT NULL,
  abbreviation_en text NOT NULL,
  abbreviation_fr text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0
);

CREATE TABLE agency (
  id text PRIMARY KEY,
  jurisdiction_code text NOT NULL REFERENCES jurisdiction (code),
  kind text NOT NULL CHECK (kind IN ('benefits', 'tax', 'social-assistance', 'vital-statistics', 'tribunal', 'other')),
  name_en text NOT NULL,
  name_fr text NOT NULL,
  acronym_en text,
  acronym_fr text,
  website_en text,
  website_fr text
);
CREATE INDEX agency_jurisdiction_idx ON agency (jurisdiction_code);

CREATE TABLE programme (
  id text PRIMARY KEY,
  owner_agency_id text NOT NULL REFERENCES agency (id),
  jurisdiction_code text NOT NULL REFERENCES jurisdiction (code),
  category text NOT NULL,
  slug_en text NOT NULL UNIQUE,
  slug_fr text NOT NULL UNIQUE,
  name_en text NOT NULL,
  name_fr text NOT NULL,
  summary_en text NOT NULL,
  summary_fr text NOT NULL,
  description_en text NOT NULL,
  description_fr text NOT NULL,
  who_en text NOT NULL,
  who_fr text NOT NULL,
  legal_title_en text NOT NULL,
  legal_title_fr text NOT NULL,
  legal_url_en text NOT NULL,
  legal_url_fr text NOT NULL,
  info_url_en text,
  info_url_fr text,
  -- The rules-engine programme (src/rules) that computes eligibility and amounts, when there is one.
  rules_programme_id text,
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX programme_agency_idx ON programme (owner_agency_id);
