-- What a masked SIN or deposit shows, kept in clear beside the ciphertext so that a page showing them masked
-- (My profile, the staff record) decrypts nothing (issue #12, ADR 0013 addendum of 2026-12-03). The SIN's last
-- three digits, as `*** *** 286` shows them; for the deposit, the institution and branch transit numbers
-- (account_last3 is already kept). Null until written again or filled by `guichet keys hints` (it needs the
-- key, which SQL does not have); a reader finding null decrypts as before. A SIN's hint goes with its SIN.
ALTER TABLE person
  ADD COLUMN sin_last3 text,
  ADD CONSTRAINT person_sin_last3 CHECK (sin_last3 IS NULL OR (sin_ciphertext IS NOT NULL AND sin_last3 ~ '^[0-9]{3}$'));

ALTER TABLE registry_direct_deposit
  ADD COLUMN institution text CHECK (institution ~ '^[0-9]{3}$'),
  ADD COLUMN transit text CHECK (transit ~ '^[0-9]{5}$');
