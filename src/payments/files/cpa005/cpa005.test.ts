import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidPaymentError, type Payment } from '../../payment.ts';
import { BANK_TEXT_CHARACTERS, toBankText } from '../bank-text.ts';
import { FileRefusedError, REFUSAL_MESSAGES, describeRefusal, type RefusalCode } from '../file-refusal.ts';
import {
  CPA_HEADER,
  ORIGINATOR,
  collect,
  payment,
  paymentsArbitrary,
} from '../../../../test/support/payments/payment-fixtures.ts';
import { readCpa005, type Cpa005Item, type Cpa005Summary } from './cpa005-reader.ts';
import { writeCpa005Credits } from './cpa005-writer.ts';

const write = (payments: Iterable<Payment>, header = CPA_HEADER): Promise<string> =>
  collect(writeCpa005Credits(header, payments));

async function read(file: string): Promise<{ items: Cpa005Item[]; summary: Cpa005Summary }> {
  const reader = readCpa005(file);
  const items: Cpa005Item[] = [];
  for (let next = await reader.next(); ; next = await reader.next()) {
    if (next.done) return { items, summary: next.value };
    items.push(next.value);
  }
}

const lines = (file: string): string[] => file.split('\r\n').filter((l) => l !== '');
const join = (records: string[]): string => records.map((r) => `${r}\r\n`).join('');
/** Overwrites `text` at 1-based `position` of record `index` (0-based). */
function patch(file: string, index: number, position: number, text: string): string {
  const records = lines(file);
  const record = records[index] as string;
  records[index] = record.slice(0, position - 1) + text + record.slice(position - 1 + text.length);
  return join(records);
}

async function refusal(file: string): Promise<FileRefusedError> {
  const error = await read(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof FileRefusedError, `expected a refusal, got ${String(error)}`);
  return error;
}

describe('CPA 005 credit file: layout', () => {
  it('A header, C records of six segments, Z trailer, every record 1,464 characters', async () => {
    const records = lines(await write(Array.from({ length: 7 }, (_, i) => payment(i))));
    assert.deepEqual(
      records.map((r) => [r[0], r.length]),
      [
        ['A', 1464],
        ['C', 1464],
        ['C', 1464],
        ['Z', 1464],
      ],
    );
  });
  it('puts each field where Standard 005 says (positions checked literally)', async () => {
    const [header, credit, , trailer] = lines(await write(Array.from({ length: 7 }, (_, i) => payment(i))));
    assert.equal(
      header?.slice(0, 35),
      'A000000001GUICHET001004202602000120',
      'type, count, originator, file 0042, 0YYDDD 026020, data centre',
    );
    assert.equal(header?.slice(55, 58), 'CAD');
    assert.equal(credit?.slice(0, 24), 'C000000002GUICHET0010042');
    const segment = credit?.slice(24, 264) ?? '';
    assert.equal(segment.slice(0, 3), '311', 'transaction code');
    assert.equal(segment.slice(3, 13), '0000071833', 'amount in cents');
    assert.equal(segment.slice(13, 19), '026028', 'payment date 28 January 2026');
    assert.equal(segment.slice(19, 28), '000312345', 'institution 003, transit 12345');
    assert.equal(segment.slice(28, 40), '70          ', 'account, left-justified');
    assert.equal(segment.slice(40, 65), '0'.repeat(25), 'trace and stored type zero for the bank to fill');
    assert.equal(segment.slice(80, 110), "Eloise Gagne-O'Brien          ", 'payee name, transliterated');
    assert.equal(
      segment.slice(150, 169),
      'PAY-000000         ',
      "originator's cross-reference: the payment reference",
    );
    assert.equal(
      segment.slice(169, 190),
      '017700011000123456789',
      'returns to institution 177, transit 00011',
    );
    assert.equal(
      credit?.slice(24 + 240 * 5 + 150, 24 + 240 * 5 + 160),
      'PAY-000005',
      'the sixth segment is the sixth payment',
    );
    assert.equal(
      trailer?.slice(24, 68),
      `${'0'.repeat(14)}${'0'.repeat(8)}${String(7 * 71_833 + 21).padStart(14, '0')}00000007`,
    );
  });
  it('an empty run still writes a header and a zero trailer', async () => {
    const { items, summary } = await read(await write([]));
    assert.deepEqual([items.length, summary.itemCount, summary.totalCents, summary.kind], [0, 0, 0, 'empty']);
  });
});

describe('CPA 005: writer and independent reader agree (property)', () => {
  it('every payment comes back to the cent, with its reference, account and transliterated name', async () => {
    await fc.assert(
      fc.asyncProperty(paymentsArbitrary, async (payments) => {
        const { items, summary } = await read(await write(payments));
        assert.equal(items.length, payments.length);
        assert.equal(
          summary.totalCents,
          payments.reduce((sum, p) => sum + p.amountCents, 0),
        );
        items.forEach((item, i) => {
          const p = payments[i] as Payment;
          assert.deepEqual(
            [
              item.crossReference,
              item.amountCents,
              item.date,
              item.institution,
              item.transit,
              item.account,
              item.transactionCode,
            ],
            [
              p.reference,
              p.amountCents,
              p.date,
              p.payee.institution,
              p.payee.transit,
              p.payee.account,
              p.transactionCode,
            ],
          );
          assert.equal(item.payeeName, toBankText(p.payee.name, 30));
          assert.match(item.payeeName, BANK_TEXT_CHARACTERS);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('CPA 005: the writer never writes a payment it must not', () => {
  const cases: [string, Partial<Payment>, string][] = [
    ['zero', { amountCents: 0 }, 'amount-not-positive'],
    ['negative', { amountCents: -500 }, 'amount-not-positive'],
    ['fractional cents', { amountCents: 10.5 }, 'amount-not-integer-cents'],
    ['over ten digits', { amountCents: 10_000_000_000 }, 'amount-too-large'],
    ['malformed institution', { payee: { ...payment(0).payee, institution: '03' } }, 'invalid-institution'],
    ['malformed account', { payee: { ...payment(0).payee, account: '12-34' } }, 'invalid-account'],
    ['reference too long', { reference: 'X'.repeat(20) }, 'invalid-reference'],
    ['impossible date', { date: '2026-02-30' }, 'invalid-date'],
    ['name with no Latin letter', { payee: { ...payment(0).payee, name: '李' } }, 'missing-payee-name'],
  ];
  for (const [label, override, problem] of cases) {
    it(`refuses ${label}`, async () => {
      const error = await write([payment(1), payment(2, override)]).catch((e: unknown) => e);
      assert.ok(error instanceof InvalidPaymentError);
      assert.equal(error.problem, problem);
    });
  }
  it('refuses a date the 0YYDDD format cannot hold', async () =>
    assert.rejects(write([payment(1, { date: '2100-01-01' })]), /outside 2000–2099/));
  it('refuses a file creation number outside 1–9999', async () =>
    assert.rejects(write([payment(1)], { ...CPA_HEADER, fileCreationNumber: 10_000 }), /1 to 9999/));
});

describe('CPA 005: the reader refuses bad files with the line number', () => {
  const valid = write(Array.from({ length: 8 }, (_, i) => payment(i)));
  const cases: [string, (file: string) => string, RefusalCode, number][] = [
    ['a wrong total in the trailer', (f) => patch(f, 3, 47, '00000000000001'), 'trailer-total-mismatch', 4],
    ['a wrong count in the trailer', (f) => patch(f, 3, 61, '00000009'), 'trailer-count-mismatch', 4],
    ['an unknown institution', (f) => patch(f, 1, 24 + 240 + 21, '999'), 'unknown-institution', 2],
    ['a malformed transit', (f) => patch(f, 2, 24 + 24, '12A45'), 'invalid-institution', 3],
    [
      'a short record',
      (f) => join(lines(f).map((r, i) => (i === 2 ? r.slice(0, 1400) : r))),
      'record-length',
      3,
    ],
    ['a duplicated record number', (f) => patch(f, 2, 2, '000000002'), 'record-count-sequence', 3],
    ['a gap in record numbers', (f) => join(lines(f).filter((_, i) => i !== 1)), 'record-count-sequence', 2],
    ['a zero amount', (f) => patch(f, 1, 28, '0000000000'), 'zero-amount', 2],
    ['letters in an amount', (f) => patch(f, 1, 28, '00000A1833'), 'invalid-amount', 2],
    ['an impossible Julian date', (f) => patch(f, 1, 38, '026400'), 'invalid-date', 2],
    ['a debit code in a credit file', (f) => patch(f, 1, 25, '999'), 'invalid-transaction-code', 2],
    ['a segment after a blank one', (f) => patch(f, 2, 25, ' '.repeat(240)), 'data-after-blank-segment', 3],
    ['another originator in a record', (f) => patch(f, 1, 11, 'SOMEONE123'), 'originator-mismatch', 2],
    ['another file number in a record', (f) => patch(f, 1, 21, '0043'), 'file-creation-number-mismatch', 2],
    ['no trailer', (f) => join(lines(f).slice(0, 3)), 'trailer-missing', 3],
    ['a record after the trailer', (f) => f + lines(f)[1], 'data-after-trailer', 5],
    ['no header', (f) => patch(f, 0, 1, 'C'), 'header-missing', 1],
    ['a debit record', (f) => patch(f, 1, 1, 'D'), 'unexpected-record-type', 2],
    ['a character outside ASCII', (f) => patch(f, 1, 24 + 81, 'É'), 'invalid-character', 2],
  ];
  for (const [label, corrupt, code, line] of cases) {
    it(`${label}: ${code} at line ${line}`, async () => {
      const error = await refusal(corrupt(await valid));
      assert.deepEqual([error.code, error.line], [code, line]);
    });
  }
  it('describes a refusal in English and French', async () => {
    const error = await refusal(patch(await valid, 3, 47, '00000000000001'));
    assert.match(describeRefusal(error, 'en'), /^Line 4: The total/);
    assert.match(describeRefusal(error, 'fr'), /^Ligne 4 : La somme/);
  });
  it('writes every French refusal with the curly apostrophe, as French text is written (issue #14)', () => {
    for (const code of Object.keys(REFUSAL_MESSAGES) as RefusalCode[]) {
      const french = describeRefusal(new FileRefusedError(code, 1, ''), 'fr');
      assert.doesNotMatch(french, /'/, code);
    }
    assert.match(
      describeRefusal(new FileRefusedError('invalid-header', 2, ''), 'fr'),
      /L’enregistrement d’en-tête/,
    );
  });
  it('reads a file that arrives in arbitrary byte chunks', async () => {
    const file = Buffer.from(await valid, 'latin1');
    const chunks = Array.from({ length: Math.ceil(file.length / 777) }, (_, i) =>
      file.subarray(i * 777, i * 777 + 777),
    );
    const reader = readCpa005(chunks);
    let next = await reader.next();
    while (!next.done) next = await reader.next();
    assert.equal(next.value.itemCount, 8);
  });
  it('the same records are accepted with LF line ends', async () => {
    const { summary } = await read((await valid).replaceAll('\r\n', '\n'));
    assert.equal(summary.itemCount, 8);
  });
  it('an untouched file is accepted', async () => assert.equal((await read(await valid)).summary.records, 4));
  it('ORIGINATOR is the fixtures’ originator', () => assert.equal(ORIGINATOR.id, CPA_HEADER.originator.id));
});
