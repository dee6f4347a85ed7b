-- A letter queued for print to someone with no postal address on file is held, never written into a print
-- file (a mail house cannot post it). It is released to the next print file once an address is recorded
-- (issues #15/#16, ADR 0018 addendum "held letters"). `held_at` stays as history; `released_at` says when.
ALTER TABLE print_item ADD COLUMN held_at timestamptz;
ALTER TABLE print_item ADD COLUMN released_at timestamptz;
CREATE INDEX print_item_held ON print_item (held_at) WHERE held_at IS NOT NULL AND released_at IS NULL;
