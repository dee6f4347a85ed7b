-- A change the person made online gets a reference they can read over the phone (issue #14): the confirmation
-- page shows it, and an agent finds the change by it. Changes from staff, agencies and loaders have none.
ALTER TABLE registry_change ADD COLUMN reference text;
CREATE UNIQUE INDEX registry_change_reference_idx ON registry_change (reference) WHERE reference IS NOT NULL;
