import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Payment } from '../payment.ts';
import { readCpa005 } from './cpa005/cpa005-reader.ts';
import { writeCpa005Credits } from './cpa005/cpa005-writer.ts';
import { readPain001 } from './iso20022/pain001-reader.ts';
import { writePain001 } from './iso20022/pain001-writer.ts';
import { CPA_HEADER, ORIGINATOR, collect } from '../../../test/support/payments/payment-fixtures.ts';

// Golden files: the exact bytes each writer gives for three fixed payments. A change to a writer that moves
// a single character shows here; the positions themselves are checked field by field in cpa005.test.ts and
// iso20022.test.ts, and each golden file must also pass its format's independent reader.
const golden = (name: string): string => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');
const payments: Payment[] = [
  {
    reference: 'OAS-2603-000001',
    amountCents: 72_767,
    date: '2026-03-27',
    transactionCode: '311',
    payee: { name: 'Jean Tremblay', institution: '815', transit: '30001', account: '1234567' },
  },
  {
    reference: 'OAS-2603-000002',
    amountCents: 1,
    date: '2026-03-27',
    transactionCode: '311',
    payee: { name: "Éloïse Gagné-O'Brien", institution: '003', transit: '00012', account: '000987654321' },
  },
  {
    reference: 'CPP-2603-000003',
    amountCents: 136_400,
    date: '2026-03-27',
    transactionCode: '310',
    payee: { name: 'Zoë Côté & Fils', institution: '004', transit: '01234', account: '5' },
  },
];
const painHeader = {
  originator: ORIGINATOR,
  messageId: 'GCH-2026-03-0001',
  createdAt: '2026-03-20T09:30:00',
  executionDate: '2026-03-27',
  control: { numberOfTransactions: 3, totalCents: 209_168 },
};

describe('golden files', () => {
  it('CPA 005 credit file', async () => {
    const file = await collect(writeCpa005Credits(CPA_HEADER, payments));
    assert.equal(file, golden('credits.cpa005'));
    const reader = readCpa005(golden('credits.cpa005'));
    let next = await reader.next();
    while (!next.done) next = await reader.next();
    assert.deepEqual([next.value.itemCount, next.value.totalCents], [3, 209_168]);
  });
  it('pain.001.001.09 message', async () => {
    const xml = await collect(writePain001(painHeader, payments));
    assert.equal(xml, golden('credits.pain001.xml'));
    const reader = readPain001(golden('credits.pain001.xml'));
    let next = await reader.next();
    while (!next.done) next = await reader.next();
    assert.deepEqual([next.value.numberOfTransactions, next.value.totalCents], [3, 209_168]);
  });
});
