import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decimalOf, reconcile } from './reconciliation.ts';
import { checkReturnsUpload } from '../returns/returns-upload.ts';

const group = (
  status: 'pending' | 'review' | 'issued' | 'returned' | 'reissued' | 'cancelled',
  method: 'deposit' | 'cheque' | null,
  count: number,
  cents: number,
  kind: 'regular' | 'reissue' = 'regular',
) => ({ status, method, kind, count, cents });

describe('reconciliation of a run', () => {
  it('splits what was prepared into issued, returned, reissued, cancelled, to the cent', () => {
    const report = reconcile(
      [
        group('issued', 'deposit', 3, 300_01),
        group('issued', 'cheque', 1, 99_99),
        group('returned', 'deposit', 1, 123_45),
        group('reissued', 'deposit', 1, 67_89),
        group('review', 'deposit', 1, 10_00),
        group('cancelled', null, 2, 20_00),
        group('issued', 'deposit', 1, 55_55, 'reissue'),
      ],
      { count: 10, cents: 676_89 },
    );
    assert.deepEqual(report.lines.issued, { count: 7, cents: 646_89 });
    assert.deepEqual(report.lines.issuedCheque, { count: 1, cents: 99_99 });
    assert.deepEqual(report.lines.returned, { count: 2, cents: 191_34 });
    assert.deepEqual(report.lines.reissued, { count: 1, cents: 67_89 });
    assert.deepEqual(report.lines.awaitingReissue, { count: 1, cents: 123_45 });
    assert.deepEqual(report.lines.netPaid, { count: 5, cents: 455_55 });
    assert.deepEqual(report.lines.reissuesIncluded, { count: 1, cents: 55_55 });
    assert.equal(report.balanced, true);
  });

  it('does not balance when the run’s recorded totals differ by a cent', () => {
    const report = reconcile([group('issued', 'deposit', 1, 100)], { count: 1, cents: 101 });
    assert.equal(report.balanced, false);
  });

  it('always balances against its own payments, whatever their mix (property)', () => {
    const statuses = ['pending', 'review', 'issued', 'returned', 'reissued', 'cancelled'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            status: fc.constantFrom(...statuses),
            method: fc.constantFrom('deposit' as const, 'cheque' as const),
            count: fc.integer({ min: 1, max: 1_000 }),
            cents: fc.integer({ min: 1, max: 1_000_000_000 }),
          }),
        ),
        (groups) => {
          const all = groups.map((g) => ({ ...g, kind: 'regular' as const }));
          const prepared = all.reduce((t, g) => ({ count: t.count + g.count, cents: t.cents + g.cents }), {
            count: 0,
            cents: 0,
          });
          return reconcile(all, prepared).balanced;
        },
      ),
    );
  });

  it('writes dollars from cents without floating point', () => {
    assert.equal(decimalOf(123_456), '1234.56');
    assert.equal(decimalOf(5), '0.05');
    assert.equal(decimalOf(-5), '-0.05');
    assert.equal(decimalOf(1_000_000_000_000_01), '1000000000000.01');
  });
});

describe('what an uploaded returns file is, read from its content', () => {
  const header = `A000000001GUICHET0010007${' '.repeat(20)}\n`;
  it('recognises CPA 005, pain.002 and camt.054', async () => {
    assert.deepEqual(await checkReturnsUpload(Buffer.from(header), false), {
      ok: true,
      format: 'cpa005',
      text: header,
    });
    for (const [ns, format] of [
      ['pain.002.001.10', 'pain.002'],
      ['camt.054.001.08', 'camt.054'],
    ] as const) {
      const xml = `<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${ns}"></Document>`;
      const checked = await checkReturnsUpload(Buffer.from(xml), false);
      assert.equal(checked.ok && checked.format, format);
    }
  });

  it('refuses an empty, cut, binary or unknown file', async () => {
    assert.deepEqual(await checkReturnsUpload(Buffer.alloc(0), false), { ok: false, code: 'fileMissing' });
    assert.deepEqual(await checkReturnsUpload(Buffer.from(header), true), { ok: false, code: 'tooLarge' });
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1');
    assert.deepEqual(await checkReturnsUpload(pdf, false), { ok: false, code: 'wrongType' });
    assert.deepEqual(await checkReturnsUpload(Buffer.from([0x41, 0x00, 0x42]), false), {
      ok: false,
      code: 'wrongType',
    });
    assert.deepEqual(await checkReturnsUpload(Buffer.from([0x41, 0xff, 0xfe, 0x42]), false), {
      ok: false,
      code: 'wrongType',
    });
    const other = '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"/>';
    assert.deepEqual(await checkReturnsUpload(Buffer.from(other), false), {
      ok: false,
      code: 'unknownFormat',
    });
  });
});
