-- Payment runs (issue #16, ADR 0020): one payment per enrolment, period and kind, by construction.
CREATE TABLE payment_run (
  id uuid PRIMARY KEY,
  programme_id text NOT NULL,
  -- 'regular': the month's run of a programme; 'reissue': returned payments paid again once details changed.
  kind text NOT NULL DEFAULT 'regular' CHECK (kind IN ('regular', 'reissue')),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
  pay_date date NOT NULL,
  status text NOT NULL DEFAULT 'preparing'
    CHECK (status IN ('preparing', 'prepared', 'approved', 'releasing', 'released', 'cancelled')),
  enrolments_total integer NOT NULL DEFAULT 0,
  enrolments_done integer NOT NULL DEFAULT 0,
  -- The last enrolment whose payments are committed: a resumed run starts after it.
  resume_after text,
  payment_count integer NOT NULL DEFAULT 0,
  total_cents bigint NOT NULL DEFAULT 0,
  prepared_by text,
  prepared_at timestamptz,
  approved_by text,
  approved_at timestamptz,
  released_by text,
  released_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT payment_run_four_eyes CHECK (released_by IS NULL OR released_by <> prepared_by),
  CONSTRAINT payment_run_second_approver CHECK (
    approved_by IS NULL OR (approved_by <> prepared_by AND approved_by IS DISTINCT FROM released_by))
);
-- A run started twice joins the first: one live regular run per programme and month.
CREATE UNIQUE INDEX payment_run_one_per_period ON payment_run (programme_id, period)
  WHERE kind = 'regular' AND status <> 'cancelled';

CREATE TABLE payment (
  id uuid PRIMARY KEY,
  -- CPA 005 cross-reference and ISO 20022 EndToEndId.
  reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z0-9-]{1,19}$'),
  run_id uuid NOT NULL REFERENCES payment_run (id),
  enrolment_id text NOT NULL,
  person_id text NOT NULL,
  programme_id text NOT NULL,
  -- 'YYYY-MM' for a monthly entitlement, the first day 'YYYY-MM-DD' of a two-week period.
  period text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('regular', 'reissue')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  arrears boolean NOT NULL DEFAULT false,
  decision_id text NOT NULL,
  pay_date date NOT NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'review', 'issued', 'returned', 'reissued', 'cancelled')),
  review_reason text,
  method text CHECK (method IN ('deposit', 'cheque')),
  -- Protected B: the payee (name, institution, transit, account) as released, encrypted.
  payee_ciphertext text,
  account_last3 text,
  reissue_of uuid REFERENCES payment (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT payment_once UNIQUE (enrolment_id, period, kind)
);
CREATE INDEX payment_run_order ON payment (run_id, reference);
CREATE INDEX payment_person ON payment (person_id, pay_date);

-- Every bank file made from a released run; the file creation number is unique per originator (CPA 005).
CREATE TABLE payment_file (
  id uuid PRIMARY KEY,
  run_id uuid NOT NULL REFERENCES payment_run (id),
  format text NOT NULL CHECK (format IN ('cpa005', 'pain.001')),
  originator_id text NOT NULL,
  file_creation_number integer NOT NULL CHECK (file_creation_number BETWEEN 1 AND 9999),
  payment_count integer NOT NULL,
  total_cents bigint NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (run_id, format),
  UNIQUE (originator_id, format, file_creation_number)
);

-- A bank's return: matched to a payment, or held for an agent when it matches none.
CREATE TABLE payment_return (
  id uuid PRIMARY KEY,
  payment_id uuid REFERENCES payment (id),
  reference text NOT NULL,
  amount_cents bigint NOT NULL,
  reason text NOT NULL,
  bank_reason_code text NOT NULL,
  returned_on date NOT NULL,
  format text NOT NULL,
  status text NOT NULL CHECK (status IN ('matched', 'held', 'reissued', 'closed')),
  loaded_by text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (reference, format, returned_on)
);
CREATE INDEX payment_return_status ON payment_return (status);

-- The payments officer prepares runs; the supervisor releases them (four eyes).
ALTER TABLE identity_staff_role DROP CONSTRAINT identity_staff_role_role_check;
ALTER TABLE identity_staff_role ADD CONSTRAINT identity_staff_role_role_check
  CHECK (role IN ('agent', 'adjudicator', 'supervisor', 'tribunal-member', 'analyst', 'administrator',
    'policy-analyst', 'payments-officer'));
