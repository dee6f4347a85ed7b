import { LetterError, labelled } from './letter.ts';
import type { Letter } from './letter.ts';
import { ADDRESS_WINDOW, BODY_TOP_BELOW_WINDOW, META_COLUMN } from './pdf-styles.ts';
import { spaceAfter, writeText } from './pdf-writer.ts';
import type { PdfWriter } from './pdf-writer.ts';

const LETTERHEAD_TOP = 36;

/**
 * Letterhead top left, date and reference top right, the recipient's address in the #10 envelope window,
 * then the body below the window: the reading order is the order written.
 */
export function writeEnvelopeHead(writer: PdfWriter, letter: Letter): void {
  const { doc, style, root } = writer;
  const letterheadWidth = META_COLUMN.x - style.margin - 18;
  writeText(writer, root, 'P', letter.letterhead.agency, {
    bold: true,
    at: { x: style.margin, y: LETTERHEAD_TOP },
    width: letterheadWidth,
  });
  writeText(writer, root, 'P', letter.letterhead.lines.join('\n'), {
    size: style.small,
    width: letterheadWidth,
  });
  assertAboveWindow(writer, 'the letterhead');
  writeText(writer, root, 'P', metaLines(letter), {
    at: { x: META_COLUMN.x, y: LETTERHEAD_TOP },
    width: META_COLUMN.width,
  });
  assertAboveWindow(writer, 'the date and reference');
  assertAddressFitsWindow(writer, letter);
  writeText(writer, root, 'P', letter.recipient.join('\n'), {
    size: ADDRESS_WINDOW.size,
    lineHeight: ADDRESS_WINDOW.lineHeight / ADDRESS_WINDOW.size,
    at: { x: ADDRESS_WINDOW.x, y: ADDRESS_WINDOW.y },
    width: ADDRESS_WINDOW.width,
  });
  doc.x = style.margin;
  doc.y = BODY_TOP_BELOW_WINDOW;
}

/** Large print: everything in one column at the format's sizes, in reading order. */
export function writeFlowingHead(writer: PdfWriter, letter: Letter): void {
  const { style, root } = writer;
  writeText(writer, root, 'P', letter.letterhead.agency, { bold: true, size: style.small });
  writeText(writer, root, 'P', letter.letterhead.lines.join('\n'), { size: style.small });
  spaceAfter(writer);
  writeText(writer, root, 'P', metaLines(letter));
  spaceAfter(writer);
  writeText(writer, root, 'P', letter.recipient.join('\n'));
  spaceAfter(writer);
}

function metaLines(letter: Letter): string {
  return [labelled(letter, letter.date), labelled(letter, letter.reference)].join('\n');
}

function assertAboveWindow(writer: PdfWriter, what: string): void {
  if (writer.doc.y > ADDRESS_WINDOW.y) throw new LetterError(`${what} runs into the envelope window`);
}

/** An address line that would wrap could push the postal code out of the window: refuse it instead. */
function assertAddressFitsWindow(writer: PdfWriter, letter: Letter): void {
  const doc = writer.doc.font('regular').fontSize(ADDRESS_WINDOW.size);
  const tooWide = letter.recipient.filter((line) => doc.widthOfString(line) > ADDRESS_WINDOW.width);
  if (tooWide.length > 0) {
    throw new LetterError(`${tooWide.length} address line(s) are too long for the envelope window`);
  }
}
