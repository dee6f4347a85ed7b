-- Appointment and call-back requests (issue #14). They land in the staff workspace as tasks. Everything a person
-- typed (name, telephone number, accommodations, what it is about) is one ciphertext: Protected B. The
-- reference is what the person quotes; it says nothing about them.
CREATE TABLE help_request (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('appointment', 'callback')),
  -- The person, when they were signed in and linked; a request made without signing in has none.
  person_id uuid REFERENCES person (id) ON DELETE CASCADE,
  programme_id text,
  office_id text,
  lang text NOT NULL CHECK (lang IN ('en', 'fr')),
  request_cipher text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'done')),
  created_at timestamptz NOT NULL,
  handled_by text,
  handled_at timestamptz
);
CREATE INDEX help_request_open_idx ON help_request (status, created_at);
CREATE INDEX help_request_person_idx ON help_request (person_id);
