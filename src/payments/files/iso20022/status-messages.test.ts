import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileRefusedError } from '../file-refusal.ts';
import { readCamt054Returns, readPain002Returns } from './status-readers.ts';
import { writeCamt054, writePain002, type ReturnedTransfer } from './status-writers.ts';

const header = { messageId: 'BANK-RET-0001', createdAt: '2026-03-30T07:00:00' };
const rejected: ReturnedTransfer[] = [
  { endToEndId: 'PAY-000003', amountCents: 71_836, reason: 'account-closed' },
  { endToEndId: 'PAY-000009', amountCents: 1, reason: 'payee-deceased' },
  { endToEndId: 'PAY-000010', amountCents: 123_456_789, reason: 'other' },
];

describe('pain.002.001.10 and camt.054.001.08 returns', () => {
  it('a status report written by the bank stand-in reads back into typed returns', async () => {
    const xml = writePain002(
      header,
      { messageId: 'GCH-1', paymentInformationId: 'GCH-1-1', executionDate: '2026-03-27' },
      rejected,
    );
    assert.deepEqual(await readPain002Returns(xml), [
      {
        reference: 'PAY-000003',
        amountCents: 71_836,
        reason: 'account-closed',
        bankReasonCode: 'AC04',
        returnedOn: '2026-03-30',
        format: 'pain.002',
      },
      {
        reference: 'PAY-000009',
        amountCents: 1,
        reason: 'payee-deceased',
        bankReasonCode: 'MD07',
        returnedOn: '2026-03-30',
        format: 'pain.002',
      },
      {
        reference: 'PAY-000010',
        amountCents: 123_456_789,
        reason: 'other',
        bankReasonCode: 'NARR',
        returnedOn: '2026-03-30',
        format: 'pain.002',
      },
    ]);
  });
  it('accepted transfers in a status report are not returns', async () => {
    const xml = writePain002(
      header,
      { messageId: 'GCH-1', paymentInformationId: 'GCH-1-1', executionDate: '2026-03-27' },
      rejected.slice(0, 1),
    ).replace('<TxSts>RJCT</TxSts>', '<TxSts>ACSC</TxSts>');
    assert.deepEqual(await readPain002Returns(xml), []);
  });
  it('a notification written by the bank stand-in reads back into typed returns, booked on its day', async () => {
    const xml = writeCamt054(header, '000123456789', '2026-03-31', rejected);
    const returns = await readCamt054Returns(xml);
    assert.deepEqual(
      returns.map((r) => [r.reference, r.amountCents, r.reason, r.bankReasonCode, r.returnedOn, r.format]),
      [
        ['PAY-000003', 71_836, 'account-closed', 'AC04', '2026-03-31', 'camt.054'],
        ['PAY-000009', 1, 'payee-deceased', 'MD07', '2026-03-31', 'camt.054'],
        ['PAY-000010', 123_456_789, 'other', 'NARR', '2026-03-31', 'camt.054'],
      ],
    );
  });
  it('a camt.054 entry without return information is an ordinary credit, not a return', async () => {
    const xml = writeCamt054(header, '1', '2026-03-31', rejected.slice(0, 1)).replace(
      /<RtrInf>.*<\/RtrInf>/,
      '',
    );
    assert.deepEqual(await readCamt054Returns(xml), []);
  });
  it('refuses a message of another kind, and a return without its reference', async () => {
    const camt = writeCamt054(header, '1', '2026-03-31', rejected);
    await assert.rejects(
      readPain002Returns(camt),
      (e) => e instanceof FileRefusedError && e.code === 'unexpected-element',
    );
    const noReference = camt.replace('<EndToEndId>PAY-000003</EndToEndId>', '');
    await assert.rejects(
      readCamt054Returns(noReference),
      (e) => e instanceof FileRefusedError && e.code === 'missing-element',
    );
  });
});
