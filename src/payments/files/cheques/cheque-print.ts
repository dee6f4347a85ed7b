import { once } from 'node:events';
import type { Writable } from 'node:stream';
import transliterate from '@sindresorhus/transliterate';
import { stringify } from 'csv-stringify';
import PDFDocument from 'pdfkit';
import { amountInFigures, amountInWords } from './amount-in-words.ts';

export interface MailingAddress {
  /** Street lines, as the person gave them. */
  readonly lines: readonly string[];
  readonly city: string;
  readonly province: string;
  readonly postalCode: string;
}

/** A payment to someone without direct deposit. */
export interface ChequePayment {
  readonly reference: string;
  readonly amountCents: number;
  readonly date: string;
  readonly payee: { readonly name: string; readonly address: MailingAddress };
  readonly language: 'en' | 'fr';
  readonly programme: { readonly en: string; readonly fr: string };
}

export interface ChequeRun {
  readonly issuer: { readonly en: string; readonly fr: string };
  readonly firstChequeNumber: number;
  /** Writes uncompressed page content, so tests can read the text; production leaves it compressed. */
  readonly uncompressed?: boolean;
}

export class InvalidChequeError extends Error {}

const POINTS_PER_INCH = 72;
/**
 * Where the address must sit to show through a #10 window envelope: 7/8" from the left and about 2" from
 * the top of a letter page folded in three. Adjust to the envelopes the print provider uses.
 */
const ADDRESS_WINDOW = { x: 0.875 * POINTS_PER_INCH, y: 2.1 * POINTS_PER_INCH, width: 4 * POINTS_PER_INCH };
// French puts a (non-breaking) space before a colon.
const LABELS = {
  en: {
    cheque: 'Cheque',
    date: 'Date',
    pay: 'Pay:',
    toTheOrderOf: 'To the order of:',
    reference: 'Payment reference:',
    programme: 'Programme:',
  },
  fr: {
    cheque: 'Chèque',
    date: 'Date',
    pay: 'Payez\u00a0:',
    toTheOrderOf: "À l'ordre de\u00a0:",
    reference: 'Référence du paiement\u00a0:',
    programme: 'Programme\u00a0:',
  },
};
const MANIFEST_COLUMNS = [
  'page',
  'cheque_number',
  'reference',
  'amount_cents',
  'date',
  'language',
  'payee_name',
  'postal_code',
];
/** Bytes of finished pages the document may hold before the writer waits for the file to take them. */
const HIGH_WATER_BYTES = 1 << 20;

/**
 * Writes the print file for a cheque run: a PDF with one cheque per page (payee and address placed for a
 * window envelope, amount in figures and in words in the person's language, payment reference) and a CSV
 * manifest of the same cheques, page by page. Both stream: a page is written out before the next is drawn.
 * The MICR line is left to the bank's cheque stock (it needs the E-13B font and the bank's account data).
 */
export async function writeChequePrintFile(
  run: ChequeRun,
  cheques: Iterable<ChequePayment> | AsyncIterable<ChequePayment>,
  pdfOut: Writable,
  manifestOut: Writable,
): Promise<{ count: number; totalCents: number }> {
  const pdf = new PDFDocument({
    size: 'LETTER',
    autoFirstPage: false,
    compress: !run.uncompressed,
    margin: 54,
  });
  const manifest = stringify({ header: true, columns: MANIFEST_COLUMNS });
  pdf.pipe(pdfOut);
  manifest.pipe(manifestOut);
  const totals = { count: 0, totalCents: 0 };
  for await (const cheque of cheques) {
    assertPrintable(cheque);
    const number = run.firstChequeNumber + totals.count;
    drawCheque(pdf, run, cheque, number);
    totals.count++;
    totals.totalCents += cheque.amountCents;
    if (!manifest.write(manifestRow(totals.count, number, cheque))) await once(manifest, 'drain');
    while (pdf.readableLength > HIGH_WATER_BYTES) await once(pdfOut, 'drain');
  }
  await Promise.all([finished(pdf, pdfOut), finished(manifest, manifestOut)]);
  return totals;
}

function assertPrintable(cheque: ChequePayment): void {
  if (!Number.isSafeInteger(cheque.amountCents) || cheque.amountCents <= 0) {
    throw new InvalidChequeError(`Cheque ${cheque.reference}: the amount must be a positive number of cents`);
  }
  if (cheque.payee.name.trim() === '' || cheque.payee.address.postalCode.trim() === '') {
    throw new InvalidChequeError(`Cheque ${cheque.reference}: a name and a postal address are needed`);
  }
}

function drawCheque(pdf: PDFKit.PDFDocument, run: ChequeRun, cheque: ChequePayment, number: number): void {
  const label = LABELS[cheque.language];
  pdf.addPage();
  pdf.font('Helvetica-Bold').fontSize(12).text(printable(run.issuer[cheque.language]), 54, 40);
  pdf
    .font('Helvetica')
    .fontSize(10)
    .text(`${label.cheque} ${number}   ${label.date} ${cheque.date}`, 330, 40, {
      width: 228,
      align: 'right',
    });
  pdf
    .fontSize(14)
    .text(amountInFigures(cheque.amountCents, cheque.language), 330, 62, { width: 228, align: 'right' });
  pdf
    .fontSize(10)
    .text(`${label.pay} ${amountInWords(cheque.amountCents, cheque.language)}`, 54, 92, { width: 504 });
  pdf.text(label.toTheOrderOf, 54, 122);
  pdf.fontSize(11).text(addressBlock(cheque), ADDRESS_WINDOW.x, ADDRESS_WINDOW.y, {
    width: ADDRESS_WINDOW.width,
    lineGap: 1,
  });
  pdf.moveTo(54, 540).lineTo(558, 540).dash(3, { space: 3 }).stroke().undash();
  pdf.fontSize(10).text(`${label.programme} ${printable(cheque.programme[cheque.language])}`, 54, 560);
  pdf.text(`${label.reference} ${cheque.reference}`, 54, 576);
  pdf.text(amountInFigures(cheque.amountCents, cheque.language), 330, 560, { width: 228, align: 'right' });
}

function addressBlock(cheque: ChequePayment): string {
  const { name, address } = cheque.payee;
  const lines = [name, ...address.lines, `${address.city} ${address.province}  ${address.postalCode}`];
  return lines.map(printable).join('\n');
}

/**
 * The PDF's standard fonts cover Latin-1 and a few more characters (WinAnsi); anything else is
 * transliterated so that a name never prints as empty boxes.
 */
export function printable(text: string): string {
  return Array.from(text.normalize('NFC'), (c) => (WIN_ANSI.test(c) ? c : transliterate(c))).join('');
}
const WIN_ANSI = /^[\x20-\x7e\xa0-\xffŒœŠšŽžŸƒ€‘’‚“”„†‡•…‰‹›™–—]$/;

function manifestRow(page: number, number: number, cheque: ChequePayment): (string | number)[] {
  return [
    page,
    number,
    cheque.reference,
    cheque.amountCents,
    cheque.date,
    cheque.language,
    cheque.payee.name,
    cheque.payee.address.postalCode,
  ];
}

async function finished(source: { end(): unknown }, destination: Writable): Promise<void> {
  const done = once(destination, 'finish');
  source.end();
  await done;
}
