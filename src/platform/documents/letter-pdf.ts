import { assertPrintable } from './letter.ts';
import type { Letter, LetterBlock, LetterSection } from './letter.ts';
import { writeEnvelopeHead, writeFlowingHead } from './letter-pdf-head.ts';
import type { PdfStyle } from './pdf-styles.ts';
import { closePdf, keepRoom, lineGap, openPdf, spaceAfter, writeText } from './pdf-writer.ts';
import type { PdfWriter } from './pdf-writer.ts';

const HEADS = { 'window-envelope': writeEnvelopeHead, flowing: writeFlowingHead } as const;

/**
 * The letter as a tagged PDF in the given print format: a structure tree Document → P (letterhead, date,
 * address) → H1 → Sect (H2, P, L/LI/Lbl/LBody, Table/TR/TH/TD) → P (closing), real text in embedded Noto
 * Sans, page numbers as artifacts.
 */
export async function letterToPdf(letter: Letter, style: PdfStyle): Promise<Buffer> {
  assertPrintable(letter);
  const writer = openPdf(letter, style);
  HEADS[style.head](writer, letter);
  writeHeading(writer, writer.root, 'H1', letter.heading);
  for (const part of [...letter.sections, letter.rights]) writeSection(writer, part);
  writeText(writer, writer.root, 'P', letter.closing.text);
  spaceAfter(writer);
  writeText(writer, writer.root, 'P', `${letter.closing.signatory}\n${letter.closing.role}`);
  return closePdf(writer, letter);
}

function writeSection(writer: PdfWriter, part: LetterSection): void {
  const section = writer.doc.struct('Sect');
  writer.root.add(section);
  writeHeading(writer, section, 'H2', part.heading);
  for (const block of part.blocks) {
    writeBlock(writer, section, block);
    spaceAfter(writer);
  }
  section.end();
}

function writeHeading(
  writer: PdfWriter,
  parent: PDFKit.PDFStructureElement,
  tag: 'H1' | 'H2',
  text: string,
): void {
  const { style } = writer;
  const size = tag === 'H1' ? style.h1 : style.h2;
  keepRoom(writer, size * 2 + style.body * style.lineHeight * 3);
  writeText(writer, parent, tag, text, { bold: true, size, lineHeight: 1.25 });
  writer.doc.moveDown(0.4);
}

function writeBlock(writer: PdfWriter, parent: PDFKit.PDFStructureElement, block: LetterBlock): void {
  switch (block.kind) {
    case 'paragraph':
      return writeText(writer, parent, 'P', block.text);
    case 'list':
      return writeList(writer, parent, block.items, block.ordered);
    case 'table':
      return writeTable(writer, parent, block);
  }
}

function writeList(
  writer: PdfWriter,
  parent: PDFKit.PDFStructureElement,
  items: readonly string[],
  ordered: boolean,
) {
  const { doc, style } = writer;
  const list = doc.struct('L');
  parent.add(list);
  doc.font('regular').fontSize(style.body);
  doc.list([...items], {
    structParent: list,
    listType: ordered ? 'numbered' : 'bullet',
    lineGap: lineGap(writer),
    bulletRadius: style.body * 0.18,
    bulletIndent: style.body * 0.5,
    textIndent: style.body * 1.5,
    paragraphGap: style.body * 0.3,
  });
  list.end();
}

/** pdfkit tags tables (Table, TR, TH with Scope, TD) when given a structure parent; its typings lag behind. */
interface TaggedCell extends PDFKit.Mixins.CellOptions {
  readonly scope?: 'Row' | 'Column';
}
interface TaggedTableOptions extends PDFKit.Mixins.TableOptions {
  readonly data: TaggedCell[][];
  readonly structParent: PDFKit.PDFStructureElement;
}

function writeTable(
  writer: PdfWriter,
  parent: PDFKit.PDFStructureElement,
  table: Extract<LetterBlock, { kind: 'table' }>,
) {
  const { doc, style } = writer;
  const rowHeight = style.body * style.lineHeight + style.body;
  keepRoom(writer, rowHeight * (table.rows.length + 2));
  writeText(writer, parent, 'P', table.caption, { bold: true });
  const cell = (text: string): TaggedCell => ({ text, font: { src: 'regular', size: style.body } });
  const header = (text: string, scope: TaggedCell['scope']): TaggedCell => ({
    text,
    type: 'TH',
    scope,
    font: { src: 'bold', size: style.body },
  });
  const options: TaggedTableOptions = {
    structParent: parent,
    defaultStyle: { border: 0.75, padding: style.body * 0.4 },
    data: [
      [header(table.headers[0], 'Column'), header(table.headers[1], 'Column')],
      ...table.rows.map((row) => [header(row.label, 'Row'), cell(row.value)]),
    ],
  };
  doc.font('regular').fontSize(style.body).table(options);
}
