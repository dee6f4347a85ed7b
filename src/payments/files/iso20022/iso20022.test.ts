import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { InvalidPaymentError, type Payment } from '../../payment.ts';
import { FileRefusedError, type RefusalCode } from '../file-refusal.ts';
import {
  ORIGINATOR,
  collect,
  payment,
  paymentsArbitrary,
} from '../../../../test/support/payments/payment-fixtures.ts';
import { readPain001, type Pain001Summary, type Pain001Transaction } from './pain001-reader.ts';
import {
  ControlTotalMismatchError,
  transactionTemplate,
  transactionTree,
  writePain001,
  type Pain001Header,
  type TransactionValues,
} from './pain001-writer.ts';
import { xmlBuilder } from './xml-template.ts';

const DATE = '2026-03-27';
const headerFor = (payments: readonly Payment[]): Pain001Header => ({
  originator: ORIGINATOR,
  messageId: 'GCH-OAS-2026-03-0001',
  createdAt: '2026-03-20T09:30:00',
  executionDate: DATE,
  control: {
    numberOfTransactions: payments.length,
    totalCents: payments.reduce((s, p) => s + p.amountCents, 0),
  },
});
const onDate = (payments: readonly Payment[]): Payment[] => payments.map((p) => ({ ...p, date: DATE }));
const write = (payments: Payment[], header = headerFor(payments)): Promise<string> =>
  collect(writePain001(header, payments));

async function read(xml: string): Promise<{ items: Pain001Transaction[]; summary: Pain001Summary }> {
  const reader = readPain001(xml);
  const items: Pain001Transaction[] = [];
  for (let next = await reader.next(); ; next = await reader.next()) {
    if (next.done) return { items, summary: next.value };
    items.push(next.value);
  }
}

const three = onDate([
  payment(1),
  payment(2),
  payment(3, { payee: { ...payment(3).payee, name: 'Zoë <Ô> & "Fils"' } }),
]);

describe('pain.001.001.09 writer', () => {
  it('writes the group header, payment information and transactions where the message definition puts them', async () => {
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
    }).parse(await write(three));
    const initiation = doc.Document.CstmrCdtTrfInitn;
    assert.equal(doc.Document['@xmlns'], 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09');
    assert.equal(initiation.GrpHdr.NbOfTxs, '3');
    assert.equal(initiation.GrpHdr.CtrlSum, '2155.05');
    assert.equal(initiation.PmtInf.ReqdExctnDt.Dt, DATE);
    assert.equal(initiation.PmtInf.DbtrAgt.FinInstnId.ClrSysMmbId.MmbId, '017700011');
    const third = initiation.PmtInf.CdtTrfTxInf[2];
    assert.equal(third.PmtId.EndToEndId, 'PAY-000003');
    assert.deepEqual(third.Amt.InstdAmt, { '#text': '718.36', '@Ccy': 'CAD' });
    assert.deepEqual(third.CdtrAgt.FinInstnId.ClrSysMmbId, { ClrSysId: { Cd: 'CACPA' }, MmbId: '000312345' });
    assert.equal(third.Cdtr.Nm, 'Zoë <Ô> & "Fils"');
    assert.equal(third.Purp.Prtry, '311');
  });
  it('the filled template, as text or as bytes, is exactly what the XML builder writes for the same values (property)', () => {
    // The writer never writes an empty value (the builder would write an empty element as <X/>).
    const text = fc.string({ unit: fc.constantFrom(...'aZ09 <>&"\'éÔ-.'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(
        fc.record({
          reference: text,
          amount: text,
          memberId: text,
          name: text,
          account: text,
          transactionCode: text,
        }),
        (values: TransactionValues) => {
          const built = xmlBuilder.build(transactionTree(values)) as string;
          assert.equal(transactionTemplate.fill(values), built);
          const bytes = Buffer.alloc(transactionTemplate.maxBytes(values));
          const written = transactionTemplate.writeInto(bytes, 0, values);
          assert.equal(bytes.subarray(0, written).toString('utf8'), built);
        },
      ),
    );
  });
  it('refuses a zero payment, a payment for another day and totals that do not match the declaration', async () => {
    await assert.rejects(
      write([...three, payment(4, { amountCents: 0, date: DATE })], headerFor(three)),
      InvalidPaymentError,
    );
    await assert.rejects(
      write([payment(5)], headerFor([payment(5)])),
      (e) => e instanceof InvalidPaymentError && e.problem === 'invalid-date',
    );
    await assert.rejects(
      write(three, { ...headerFor(three), control: { numberOfTransactions: 3, totalCents: 1 } }),
      ControlTotalMismatchError,
    );
  });
});

describe('pain.001.001.09: writer and independent reader agree (property)', () => {
  it('every transfer comes back to the cent with its end-to-end id, agent and account', async () => {
    await fc.assert(
      fc.asyncProperty(paymentsArbitrary, async (generated) => {
        const payments = onDate(generated);
        const { items, summary } = await read(await write(payments));
        assert.equal(summary.numberOfTransactions, payments.length);
        assert.equal(
          summary.totalCents,
          payments.reduce((s, p) => s + p.amountCents, 0),
        );
        items.forEach((item, i) => {
          const p = payments[i] as Payment;
          assert.deepEqual(
            [
              item.endToEndId,
              item.amountCents,
              item.institution,
              item.transit,
              item.account,
              item.transactionCode,
              item.executionDate,
            ],
            [
              p.reference,
              p.amountCents,
              p.payee.institution,
              p.payee.transit,
              p.payee.account,
              p.transactionCode,
              DATE,
            ],
          );
          assert.equal(item.creditorName, p.payee.name.normalize('NFC').trim().slice(0, 140));
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('pain.001.001.09 reader refuses bad messages with the line', () => {
  const valid = write(three);
  const cases: [string, (xml: string) => string, RefusalCode, number | undefined][] = [
    [
      'a wrong control sum',
      (x) => x.replace('<CtrlSum>2155.05</CtrlSum>', '<CtrlSum>2155.06</CtrlSum>'),
      'trailer-total-mismatch',
      undefined,
    ],
    [
      'a wrong number of transactions',
      (x) => x.replace('<NbOfTxs>3</NbOfTxs>', '<NbOfTxs>4</NbOfTxs>'),
      'trailer-count-mismatch',
      undefined,
    ],
    [
      'an unknown institution',
      (x) => x.replace('<MmbId>000312345</MmbId>', '<MmbId>099912345</MmbId>'),
      'unknown-institution',
      3,
    ],
    [
      'a malformed member id',
      (x) => x.replace('<MmbId>000312345</MmbId>', '<MmbId>312345</MmbId>'),
      'invalid-institution',
      3,
    ],
    [
      'another clearing system',
      (x) =>
        x.replace('<Cd>CACPA</Cd></ClrSysId><MmbId>000312345', '<Cd>USABA</Cd></ClrSysId><MmbId>000312345'),
      'invalid-clearing-system',
      3,
    ],
    ['another currency', (x) => x.replace('Ccy="CAD">718.34', 'Ccy="USD">718.34'), 'invalid-currency', 3],
    ['a zero amount', (x) => x.replace('>718.35<', '>0.00<'), 'zero-amount', 4],
    ['three decimals', (x) => x.replace('>718.35<', '>718.351<'), 'invalid-amount', 4],
    [
      'an element out of order',
      (x) =>
        x
          .replace(/<Purp><Prtry>311<\/Prtry><\/Purp>(<\/CdtTrfTxInf>\n<\/PmtInf>)/, '$1')
          .replace(
            '<PmtId><EndToEndId>PAY-000003',
            '<Purp><Prtry>311</Prtry></Purp><PmtId><EndToEndId>PAY-000003',
          ),
      'unexpected-element',
      5,
    ],
    [
      'a missing account',
      (x) => x.replace('<CdtrAcct><Id><Othr><Id>72</Id></Othr></Id></CdtrAcct>', ''),
      'missing-element',
      4,
    ],
    ['a truncated file', (x) => x.slice(0, x.length - 40), 'malformed-xml', undefined],
    ['another message', (x) => x.replace('pain.001.001.09', 'pain.001.001.03'), 'unexpected-element', 2],
  ];
  for (const [label, corrupt, code, line] of cases) {
    it(`${label}: ${code}${line ? ` at line ${line}` : ''}`, async () => {
      const error = await read(corrupt(await valid)).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof FileRefusedError, String(error));
      assert.equal(error.code, code);
      if (line !== undefined) assert.equal(error.line, line);
    });
  }
  it('an untouched message is accepted', async () => assert.equal((await read(await valid)).items.length, 3));
});
