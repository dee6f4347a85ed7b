-- Post/Redirect/Get for every form: what a refused submission typed, and why it was refused, is kept here
-- for a signed-in person or staff member until the form is accepted or the memory expires. Encrypted like
-- any Protected B field (a bank account number typed wrong must never sit in a cookie or in clear text).
CREATE TABLE platform_form_memory (
  owner text NOT NULL,
  form_id text NOT NULL,
  payload_ciphertext text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (owner, form_id)
);
CREATE INDEX platform_form_memory_expiry_idx ON platform_form_memory (expires_at);
