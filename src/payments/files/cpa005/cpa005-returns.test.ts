import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileRefusedError } from '../file-refusal.ts';
import { CPA_HEADER, collect, payment } from '../../../../test/support/payments/payment-fixtures.ts';
import { readCpa005Returns, writeCpa005Returns, type ReturnedCredit } from './cpa005-returns.ts';
import { writeCpa005Credits } from './cpa005-writer.ts';

const bankHeader = { ...CPA_HEADER, fileCreationNumber: 7, creationDate: '2026-02-02' };
const returned: ReturnedCredit[] = [
  {
    payment: payment(3, { payee: { ...payment(3).payee, account: '4000' } }),
    reasonCode: '905',
    itemTrace: '3000123450000000000001',
  },
  { payment: payment(9), reasonCode: '910', itemTrace: '3000123450000000000002' },
  { payment: payment(11), reasonCode: '902', itemTrace: '3000123450000000000003' },
];

describe('CPA 005 returns', () => {
  it('a returns file written by the bank stand-in reads back into typed returns', async () => {
    const file = await collect(writeCpa005Returns(bankHeader, returned));
    assert.deepEqual(
      file
        .split('\r\n')
        .filter(Boolean)
        .map((r) => r[0]),
      ['A', 'I', 'Z'],
    );
    assert.deepEqual(await readCpa005Returns(file), [
      {
        reference: 'PAY-000003',
        amountCents: 71_836,
        reason: 'account-closed',
        bankReasonCode: '905',
        returnedOn: '2026-02-02',
        format: 'cpa005',
      },
      {
        reference: 'PAY-000009',
        amountCents: 71_842,
        reason: 'payee-deceased',
        bankReasonCode: '910',
        returnedOn: '2026-02-02',
        format: 'cpa005',
      },
      {
        reference: 'PAY-000011',
        amountCents: 71_844,
        reason: 'account-not-found',
        bankReasonCode: '902',
        returnedOn: '2026-02-02',
        format: 'cpa005',
      },
    ]);
  });
  it('keeps the original transaction code in "stored transaction type" and the reason in the code field', async () => {
    const record = (await collect(writeCpa005Returns(bankHeader, returned))).split('\r\n')[1] ?? '';
    assert.deepEqual(
      [record.slice(24, 27), record.slice(24 + 62, 24 + 65), record.slice(24 + 40, 24 + 62)],
      ['905', '311', '3000123450000000000001'],
    );
  });
  it('a credit file is not a returns file', async () => {
    const credits = await collect(writeCpa005Credits(CPA_HEADER, [payment(1)]));
    await assert.rejects(
      readCpa005Returns(credits),
      (e: unknown) => e instanceof FileRefusedError && e.code === 'unexpected-record-type',
    );
  });
  it('a return whose code is not a CPA return reason is refused', async () => {
    const file = await collect(
      writeCpa005Returns(bankHeader, [{ ...(returned[0] as ReturnedCredit), reasonCode: '311' }]),
    );
    await assert.rejects(
      readCpa005Returns(file),
      (e: unknown) => e instanceof FileRefusedError && e.code === 'invalid-transaction-code' && e.line === 2,
    );
  });
});
