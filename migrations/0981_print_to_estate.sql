-- A letter to the estate of a person who died goes by post to the last address on file, never as an email
-- or text message to the deceased's contact points (issues #15/#16, ADR 0024 addendum "after a death").
ALTER TABLE print_item DROP CONSTRAINT print_item_reason_check;
ALTER TABLE print_item ADD CONSTRAINT print_item_reason_check
  CHECK (reason IN ('prefers-paper', 'notice-failed', 'no-contact-point', 'to-estate'));
