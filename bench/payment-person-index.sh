#!/usr/bin/env bash
# What an index by person costs the payment table, with PostgreSQL alone (no client): `payment` as migrated before
# migration 1010, ids and references ordered as a run makes them, enrolments in order, person ids random; one month
# after another, in statements of 1,000,000 rows, each month timed. Run it with and without the index and compare.
# usage: bench/payment-person-index.sh WITH_PERSON(1|0) ROWS_PER_MONTH MONTHS   (e.g. 1 2000000 2, then 0 2000000 2)
# It works in a schema of its own, exp_person, dropped before and after.
set -euo pipefail
with=$1; rows=$2; months=$3; chunk=1000000
P="psql ${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} -qAt"
$P <<SQL
DROP SCHEMA IF EXISTS exp_person CASCADE; CREATE SCHEMA exp_person; SET search_path = exp_person;
CREATE TABLE payment (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z0-9-]{1,19}$'),
  run_id uuid NOT NULL, enrolment_id text NOT NULL, person_id text NOT NULL, programme_id text NOT NULL,
  period text NOT NULL, kind text NOT NULL CHECK (kind IN ('regular', 'reissue', 'arrears')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0), arrears boolean NOT NULL DEFAULT false,
  decision_id text NOT NULL, pay_date date NOT NULL, status text NOT NULL DEFAULT 'pending',
  review_reason text, method text, payee_ciphertext text, account_last3 text, reissue_of uuid,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX payment_run_order ON payment (run_id, reference);
CREATE UNIQUE INDEX payment_once ON payment (enrolment_id, period, kind) WHERE kind <> 'reissue';
CREATE UNIQUE INDEX payment_reissue_once ON payment (reissue_of) WHERE reissue_of IS NOT NULL;
SQL
[ "$with" = 1 ] && $P -c "CREATE INDEX payment_person ON exp_person.payment (person_id, pay_date)"
for m in $(seq 1 "$months"); do
  start=$(date +%s.%N)
  for c in $(seq 0 $(( rows / chunk - 1 ))); do
    $P <<SQL
SET search_path = exp_person;
INSERT INTO payment (id, reference, run_id, enrolment_id, person_id, programme_id, period, kind, amount_cents,
  decision_id, pay_date)
SELECT (lpad(to_hex($m), 4, '0') || lpad(to_hex(i), 28, '0'))::uuid,
  'G' || lpad($m::text, 3, '0') || lpad(i::text, 12, '0'),
  ('00000000-0000-0000-0000-' || lpad($m::text, 12, '0'))::uuid,
  'oas-' || lpad(i::text, 10, '0'), md5(i::text), 'oas', '2026-' || lpad($m::text, 2, '0'), 'regular',
  70000 + (i % 1000), 'decision-' || i, date '2026-01-28' + ($m * 30)
FROM generate_series($c * $chunk + 1, ($c + 1) * $chunk) AS i;
SQL
  done
  end=$(date +%s.%N)
  echo "with_person=$with month=$m rows=$rows seconds=$(echo "$end - $start" | bc)"
done
$P -c "SELECT pg_size_pretty(pg_total_relation_size('exp_person.payment'))"
$P -c "DROP SCHEMA exp_person CASCADE"
