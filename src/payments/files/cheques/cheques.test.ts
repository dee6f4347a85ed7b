import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PassThrough } from 'node:stream';
import { inflateSync } from 'node:zlib';
import { amountInFigures, amountInWords } from './amount-in-words.ts';
import { InvalidChequeError, printable, writeChequePrintFile, type ChequePayment } from './cheque-print.ts';

const cheque = (index: number, overrides: Partial<ChequePayment> = {}): ChequePayment => ({
  reference: `CHQ-${index}`,
  amountCents: 71_834 + index,
  date: '2026-03-27',
  payee: {
    name: index % 2 ? "Éloïse Gagné-O'Brien" : 'Nguyễn Văn An',
    address: {
      lines: ['123, rue Principale', 'App. 4'],
      city: 'Gatineau',
      province: 'QC',
      postalCode: 'J8X 1A1',
    },
  },
  language: index % 2 ? 'fr' : 'en',
  programme: { en: 'Old Age Security', fr: 'Sécurité de la vieillesse' },
  ...overrides,
});
const run = {
  issuer: { en: 'Guichet – Government of Canada', fr: 'Guichet – Gouvernement du Canada' },
  firstChequeNumber: 500_001,
};

async function print(
  cheques: ChequePayment[],
  uncompressed = true,
): Promise<{ pdf: Buffer; manifest: string }> {
  const [pdfOut, manifestOut] = [new PassThrough(), new PassThrough()];
  const chunks: Buffer[] = [];
  let manifest = '';
  pdfOut.on('data', (c: Buffer) => chunks.push(c));
  manifestOut.on('data', (c: Buffer) => (manifest += c.toString('utf8')));
  await writeChequePrintFile({ ...run, uncompressed }, cheques, pdfOut, manifestOut);
  return { pdf: Buffer.concat(chunks), manifest };
}

/** The text shown on each page: pdfkit writes standard-font text as hex strings of WinAnsi codes. */
function pageTexts(pdf: Buffer): string[] {
  const streams = [...pdf.toString('latin1').matchAll(/stream\n([\s\S]*?)\nendstream/g)].map(
    (m) => m[1] ?? '',
  );
  return streams
    .filter((s) => s.includes('Tj') || s.includes('TJ'))
    .map((s) =>
      [...s.matchAll(/<([0-9a-f]+)>/g)]
        .map((m) => Buffer.from(m[1] ?? '', 'hex').toString('latin1'))
        .join(''),
    );
}

describe('amounts in words and figures', () => {
  const cases: [number, string, string, string, string][] = [
    [
      71_834,
      'Seven hundred eighteen and 34/100 dollars',
      'Sept cent dix-huit et 34/100 dollars',
      '$718.34',
      '718,34 $',
    ],
    [8_000, 'Eighty and 00/100 dollars', 'Quatre-vingts et 00/100 dollars', '$80.00', '80,00 $'],
    [
      2_100_071,
      'Twenty-one thousand and 71/100 dollars',
      'Vingt et un mille et 71/100 dollars',
      '$21,000.71',
      '21 000,71 $',
    ],
    [7_100, 'Seventy-one and 00/100 dollars', 'Soixante et onze et 00/100 dollars', '$71.00', '71,00 $'],
  ];
  for (const [cents, en, fr, figuresEn, figuresFr] of cases) {
    it(`${cents} cents`, () => {
      assert.deepEqual([amountInWords(cents, 'en'), amountInWords(cents, 'fr')], [en, fr]);
      assert.deepEqual(
        [amountInFigures(cents, 'en'), amountInFigures(cents, 'fr').replace(/\s/g, ' ')],
        [figuresEn, figuresFr],
      );
    });
  }
  it('refuses fractions of a cent', () => assert.throws(() => amountInWords(10.5, 'en'), RangeError));
});

describe('cheque print file', () => {
  it('one page per cheque, with the amount in words in the payee’s language and the reference', async () => {
    const { pdf } = await print([cheque(1), cheque(2)]);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.equal([...pdf.toString('latin1').matchAll(/\/Type \/Page\b/g)].length, 2);
    const [french, english] = pageTexts(pdf);
    assert.match(french ?? '', /Payez\u00a0: Sept cent dix-huit et 35\/100 dollars/);
    assert.match(french ?? '', /Éloïse Gagné-O'Brien/);
    assert.match(french ?? '', /Référence du paiement\u00a0: CHQ-1/);
    assert.match(english ?? '', /Pay: Seven hundred eighteen and 36\/100 dollars/);
    assert.match(english ?? '', /Nguyen Van An/, 'characters outside the standard font are transliterated');
    assert.match(english ?? '', /Gatineau QC {2}J8X 1A1/);
  });
  it('writes a CSV manifest row per page, quoting what needs quoting', async () => {
    const { manifest } = await print([
      cheque(1),
      cheque(2, { payee: { ...cheque(2).payee, name: 'Smith, "Bob"' } }),
    ]);
    assert.deepEqual(manifest.trim().split('\n'), [
      'page,cheque_number,reference,amount_cents,date,language,payee_name,postal_code',
      "1,500001,CHQ-1,71835,2026-03-27,fr,Éloïse Gagné-O'Brien,J8X 1A1",
      '2,500002,CHQ-2,71836,2026-03-27,en,"Smith, ""Bob""",J8X 1A1',
    ]);
  });
  it('never prints a cheque of zero or less, nor one without an address', async () => {
    await assert.rejects(print([cheque(1, { amountCents: 0 })]), InvalidChequeError);
    await assert.rejects(print([cheque(1, { amountCents: -1 })]), InvalidChequeError);
    const noAddress = { ...cheque(1).payee, address: { ...cheque(1).payee.address, postalCode: ' ' } };
    await assert.rejects(print([cheque(1, { payee: noAddress })]), InvalidChequeError);
  });
  it('compresses page content by default', async () => {
    const { pdf } = await print([cheque(1)], false);
    const content = /stream\n([\s\S]*?)\nendstream/.exec(pdf.toString('latin1'));
    assert.ok(content && /FlateDecode/.test(pdf.toString('latin1')));
    assert.ok(inflateSync(Buffer.from(content[1] ?? '', 'latin1')).length > 0);
  });
  it('keeps French and Latin-1 letters as they are', () =>
    assert.equal(printable('Œuvre Çà ß'), 'Œuvre Çà ß'));
});
