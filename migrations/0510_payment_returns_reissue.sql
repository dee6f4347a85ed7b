-- Returns loaded from an upload, reissue once the banking details change, cheque print files (issue #16
-- items 3 and 5, ADR 0020).

-- One upload of a bank's returns file: loaded (with what it matched and held) or refused with its line.
CREATE TABLE payment_return_load (
  id uuid PRIMARY KEY,
  filename text NOT NULL,
  format text CHECK (format IN ('cpa005', 'pain.002', 'camt.054')),
  status text NOT NULL CHECK (status IN ('loaded', 'refused')),
  refusal_code text,
  refusal_line integer,
  matched integer NOT NULL DEFAULT 0,
  held integer NOT NULL DEFAULT 0,
  duplicates integer NOT NULL DEFAULT 0,
  loaded_by text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT payment_return_load_refusal CHECK ((status = 'refused') = (refusal_code IS NOT NULL))
);
CREATE INDEX payment_return_load_recent ON payment_return_load (loaded_at);

ALTER TABLE payment_return ADD COLUMN load_id uuid REFERENCES payment_return_load (id);
-- When the person was sent the letter saying to update their banking details (null: not yet).
ALTER TABLE payment_return ADD COLUMN told_at timestamptz;
-- The payment that paid it again, once the banking details changed.
ALTER TABLE payment_return ADD COLUMN reissue_payment_id uuid REFERENCES payment (id);
-- An agent closes a held return (or one settled another way), saying why.
ALTER TABLE payment_return ADD COLUMN closed_by text;
ALTER TABLE payment_return ADD COLUMN closed_at timestamptz;
ALTER TABLE payment_return ADD COLUMN closed_reason text;
CREATE INDEX payment_return_load_items ON payment_return (load_id);
CREATE INDEX payment_return_payment ON payment_return (payment_id);
-- A payment is reissued at most once: the reissue's own key is (enrolment, period, 'reissue').
CREATE UNIQUE INDEX payment_reissue_once ON payment (reissue_of) WHERE reissue_of IS NOT NULL;

-- The cheque print file of a released run: its cheque numbers are given once and never reused.
CREATE TABLE payment_cheque_file (
  id uuid PRIMARY KEY,
  run_id uuid NOT NULL UNIQUE REFERENCES payment_run (id),
  first_cheque_number integer NOT NULL CHECK (first_cheque_number > 0),
  cheque_count integer NOT NULL CHECK (cheque_count > 0),
  total_cents bigint NOT NULL CHECK (total_cents > 0),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Numbers of two files never overlap: each file starts after the last number the one before it used.
CREATE UNIQUE INDEX payment_cheque_file_first ON payment_cheque_file (first_cheque_number);
