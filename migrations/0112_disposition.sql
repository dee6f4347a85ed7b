-- A disposed client record keeps only a tombstone (identifiers other records still point to); the date
-- it was disposed of stops it from being processed again.
ALTER TABLE registry_person_status ADD COLUMN disposed_at timestamptz;
