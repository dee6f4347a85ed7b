-- What partner agencies sent to the register (a vital statistics agency's birth registration, the CRA's notice of
-- assessment), kept by the agency's own reference so the same message sent twice changes the record once.
-- Written in the change's own transaction; deleted with the person.
CREATE TABLE partner_event_receipt (
  agency_id text NOT NULL REFERENCES agency (id),
  kind text NOT NULL CHECK (kind IN ('birth', 'tax-assessment')),
  external_id text NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (agency_id, kind, external_id)
);
CREATE INDEX partner_event_receipt_person_idx ON partner_event_receipt (person_id);
