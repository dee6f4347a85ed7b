import { randomUUID } from 'node:crypto';
import type { RegistryHarness } from '../person-harness.ts';

const DAY_MS = 86_400_000;

/** An issued payment the bank returned, its letter sent `toldDaysAgo` days ago. */
export async function insertReturnedPayment(
  h: Pick<RegistryHarness, 'db' | 'clock'>,
  personId: string,
  toldDaysAgo: number,
  status: 'matched' | 'reissued' = 'matched',
) {
  const runId = randomUUID();
  const paymentId = randomUUID();
  const reference = `T${paymentId.slice(0, 8).toUpperCase()}`;
  await h.db
    .insertInto('payment_run')
    .values({ id: runId, programme_id: 'ccb', kind: 'reissue', period: '2026-02', pay_date: '2026-02-20' })
    .execute();
  await h.db
    .insertInto('payment')
    .values({
      id: paymentId,
      reference,
      run_id: runId,
      enrolment_id: randomUUID(),
      person_id: personId,
      programme_id: 'ccb',
      period: '2026-02',
      kind: 'regular',
      amount_cents: 64_250,
      arrears: false,
      decision_id: randomUUID(),
      pay_date: '2026-02-20',
      status: 'returned',
      review_reason: null,
      method: 'deposit',
      payee_ciphertext: null,
      account_last3: '543',
      reissue_of: null,
    })
    .execute();
  await h.db
    .insertInto('payment_return')
    .values({
      id: randomUUID(),
      payment_id: paymentId,
      reference,
      amount_cents: 64_250,
      reason: 'account-closed',
      bank_reason_code: '905',
      returned_on: '2026-02-21',
      format: 'cpa005',
      status,
      loaded_by: 'payments-officer',
      load_id: null,
      told_at: new Date(h.clock().getTime() - toldDaysAgo * DAY_MS),
    })
    .execute();
}
