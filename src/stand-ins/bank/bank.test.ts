import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeCpa005Credits } from '../../payments/files/cpa005/cpa005-writer.ts';
import { writePain001 } from '../../payments/files/iso20022/pain001-writer.ts';
import { CPA_HEADER, ORIGINATOR, collect, payment } from '../../../test/support/payments/payment-fixtures.ts';
import type { Payment } from '../../payments/payment.ts';
import { BankStandIn, type AcceptedFile, type BankReceipt, type RefusedFile } from './bank.ts';
import { DEMO_BANK_CONFIG } from './bank-config.ts';

const bank = (): BankStandIn =>
  new BankStandIn({ ...DEMO_BANK_CONFIG, now: () => new Date('2026-01-30T08:00:00Z') });
const withAccount = (index: number, account: string): Payment =>
  payment(index, { payee: { ...payment(index).payee, account } });
const run = [payment(1), withAccount(2, '5551000'), payment(3), withAccount(4, '7777999'), payment(5)];
const cpaFile = (payments = run, header = CPA_HEADER): Promise<string> =>
  collect(writeCpa005Credits(header, payments));
const pain001 = (payments: Payment[], messageId = 'GCH-2026-01-0001'): Promise<string> =>
  collect(
    writePain001(
      {
        originator: ORIGINATOR,
        messageId,
        createdAt: '2026-01-20T10:00:00',
        executionDate: '2026-01-28',
        control: {
          numberOfTransactions: payments.length,
          totalCents: payments.reduce((s, p) => s + p.amountCents, 0),
        },
      },
      payments,
    ),
  );

function accepted(receipt: BankReceipt): AcceptedFile {
  assert.equal(receipt.status, 'accepted', JSON.stringify(receipt));
  return receipt as AcceptedFile;
}
function refused(receipt: BankReceipt): RefusedFile {
  assert.equal(receipt.status, 'refused', JSON.stringify(receipt));
  return receipt as RefusedFile;
}

describe('bank stand-in: CPA 005', () => {
  it('accepts a good file and returns the configured accounts with their reasons', async () => {
    const receipt = accepted(await bank().receiveCpa005(await cpaFile()));
    assert.deepEqual([receipt.items, receipt.totalCents], [5, run.reduce((s, p) => s + p.amountCents, 0)]);
    assert.deepEqual(
      receipt.returns.map((r) => [r.reference, r.reason, r.bankReasonCode, r.amountCents, r.returnedOn]),
      [
        ['PAY-000002', 'account-closed', '905', 71_835, '2026-01-30'],
        ['PAY-000004', 'payee-deceased', '910', 71_837, '2026-01-30'],
      ],
    );
    assert.match(receipt.returnFiles.cpa005 ?? '', /^A000000001GUICHET0010001/);
  });
  it('refuses a second file with the same file creation number from the same originator, not from another', async () => {
    const stand = bank();
    accepted(await stand.receiveCpa005(await cpaFile()));
    const again = refused(await stand.receiveCpa005(await cpaFile()));
    assert.deepEqual([again.code, again.line], ['duplicate-file-creation-number', 1]);
    const other = { ...CPA_HEADER, originator: { ...ORIGINATOR, id: 'PROVINCE01' } };
    accepted(await stand.receiveCpa005(await cpaFile(run, other)));
  });
  it('a refused file pays nothing and does not use up its file creation number', async () => {
    const stand = bank();
    const file = await cpaFile();
    const wrongTotal = file.replace(/(\r\nZ.{45})\d{14}/, '$100000000000001');
    const refusal = refused(await stand.receiveCpa005(wrongTotal));
    assert.deepEqual([refusal.code, refusal.line], ['trailer-total-mismatch', 3]);
    assert.match(refusal.message_en, /^Line 3: The total/);
    assert.match(refusal.message_fr, /^Ligne 3 : La somme/);
    accepted(await stand.receiveCpa005(file));
  });
  it('refuses an institution the bank does not know, with the line', async () => {
    const stand = new BankStandIn({ ...DEMO_BANK_CONFIG, isKnownInstitution: (n) => n !== '003' });
    const refusal = refused(await stand.receiveCpa005(await cpaFile()));
    assert.deepEqual([refusal.code, refusal.line], ['unknown-institution', 2]);
  });
  it('refuses a malformed record and the same reference twice', async () => {
    const file = await cpaFile();
    assert.equal(
      refused(await bank().receiveCpa005(file.replace('\r\nC', '\r\nX'))).code,
      'unexpected-record-type',
    );
    const twice = await cpaFile([payment(1), payment(1)]);
    assert.deepEqual(
      [refused(await bank().receiveCpa005(twice)).code, refused(await bank().receiveCpa005(twice)).line],
      ['duplicate-reference', 2],
    );
  });
});

describe('bank stand-in: ISO 20022', () => {
  const onDate = run.map((p) => ({ ...p, date: '2026-01-28' }));
  it('accepts a pain.001 message and answers with a pain.002 and a camt.054 that agree', async () => {
    const receipt = accepted(await bank().receivePain001(await pain001(onDate)));
    assert.deepEqual(
      receipt.returns.map((r) => [r.reference, r.reason, r.bankReasonCode, r.format]),
      [
        ['PAY-000002', 'account-closed', 'AC04', 'pain.002'],
        ['PAY-000004', 'payee-deceased', 'MD07', 'pain.002'],
      ],
    );
    assert.match(receipt.returnFiles.pain002 ?? '', /<OrgnlMsgId>GCH-2026-01-0001<\/OrgnlMsgId>/);
    assert.match(receipt.returnFiles.camt054 ?? '', /<Acct><Id><Othr><Id>000123456789<\/Id>/);
  });
  it('refuses a message id the same initiating party already sent', async () => {
    const stand = bank();
    accepted(await stand.receivePain001(await pain001(onDate)));
    assert.equal(refused(await stand.receivePain001(await pain001(onDate))).code, 'duplicate-message-id');
    accepted(await stand.receivePain001(await pain001(onDate, 'GCH-2026-01-0002')));
  });
  it('refuses a message whose control sum is wrong', async () => {
    const xml = (await pain001(onDate)).replace(
      /<CtrlSum>(\d+)\.(\d\d)<\/CtrlSum>/,
      '<CtrlSum>1.00</CtrlSum>',
    );
    assert.equal(refused(await bank().receivePain001(xml)).code, 'trailer-total-mismatch');
  });
});
