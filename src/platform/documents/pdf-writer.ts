import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { pageLabel } from './letter.ts';
import type { Letter } from './letter.ts';
import type { PdfStyle } from './pdf-styles.ts';
import { woffToSfnt } from './woff-to-sfnt.ts';

const require = createRequire(import.meta.url);
const NOTO_SANS = join(dirname(require.resolve('@gcds-core/fonts/package.json')), 'fonts', 'noto-sans');
const FONT_FILES = {
  regular: join(NOTO_SANS, 'gcds-noto-sans-regular.woff'),
  bold: join(NOTO_SANS, 'gcds-noto-sans-bold.woff'),
} as const;
let fonts: Record<keyof typeof FONT_FILES, Buffer> | undefined;

/** Noto Sans, the Canada.ca body face, unwrapped once and embedded (subset) in every PDF, as PDF/UA requires. */
function loadFonts(): Record<keyof typeof FONT_FILES, Buffer> {
  fonts ??= {
    regular: woffToSfnt(readFileSync(FONT_FILES.regular)),
    bold: woffToSfnt(readFileSync(FONT_FILES.bold)),
  };
  return fonts;
}

/** A PDF being written: the document, its format and the root of its structure tree. */
export interface PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly style: PdfStyle;
  readonly root: PDFKit.PDFStructureElement;
  readonly output: Promise<Buffer>;
}

export interface TextOptions {
  readonly bold?: boolean;
  readonly size?: number;
  /** Line height as a multiple of the size; the format's own when left out. */
  readonly lineHeight?: number;
  /** Where the text starts; it flows from the current position when left out. */
  readonly at?: { readonly x: number; readonly y: number };
  readonly width?: number;
}

/**
 * Opens a tagged PDF (ISO 14289 PDF/UA-1 identification, PDF 1.7): the document language and title are set
 * and shown instead of the file name, and every piece of text will belong to the structure tree.
 */
export function openPdf(letter: Letter, style: PdfStyle): PdfWriter {
  const doc = new PDFDocument(documentOptions(letter, style));
  const output = collect(doc);
  doc.registerFont('regular', loadFonts().regular);
  doc.registerFont('bold', loadFonts().bold);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, style, root, output };
}

function documentOptions(letter: Letter, style: PdfStyle): PDFKit.PDFDocumentOptions {
  const options = {
    size: 'LETTER',
    margins: { top: style.margin, bottom: style.margin, left: style.margin, right: style.margin },
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    lang: `${letter.lang}-CA`,
    displayTitle: true,
    bufferPages: true,
    info: { Title: letter.title, Author: letter.letterhead.agency, Subject: letter.heading },
  };
  // @types/pdfkit 0.17 lists only the PDF/A subsets; pdfkit itself also takes 'PDF/UA' (its SubsetMixin).
  return options as unknown as PDFKit.PDFDocumentOptions;
}

/** Adds a structure element (`P`, `H1`…) holding the text, which may run over several lines and pages. */
export function writeText(
  writer: PdfWriter,
  parent: PDFKit.PDFStructureElement,
  tag: string,
  text: string,
  options: TextOptions = {},
): void {
  const { doc, style } = writer;
  parent.add(
    doc.struct(tag, {}, () => {
      doc.font(options.bold ? 'bold' : 'regular').fontSize(options.size ?? style.body);
      const layout = { lineGap: lineGap(writer, options), width: options.width };
      if (options.at) doc.text(text, options.at.x, options.at.y, layout);
      else doc.text(text, layout);
    }),
  );
}

/** Extra space between lines so that baselines are `lineHeight` × size apart, whatever the font's own gap. */
export function lineGap(writer: PdfWriter, options: Pick<TextOptions, 'lineHeight' | 'size'> = {}): number {
  const size = options.size ?? writer.style.body;
  const natural = writer.doc.fontSize(size).currentLineHeight();
  return (options.lineHeight ?? writer.style.lineHeight) * size - natural;
}

export function spaceAfter(writer: PdfWriter): void {
  writer.doc.font('regular').fontSize(writer.style.body).moveDown(writer.style.paragraphSpacing);
}

/** Starts a new page when less than `height` points are left, so a heading never ends a page alone. */
export function keepRoom(writer: PdfWriter, height: number): void {
  const { doc } = writer;
  const atTop = doc.y <= doc.page.margins.top;
  if (!atTop && doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Numbers every page ("Page 1 of 3") as a pagination artifact, outside the structure tree, and ends the file. */
export function closePdf(writer: PdfWriter, letter: Letter): Promise<Buffer> {
  const { doc, style } = writer;
  writer.root.end();
  const { start, count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index += 1) {
    doc.switchToPage(start + index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('regular')
      .fontSize(style.small)
      .text(pageLabel(letter, index + 1, count), style.margin, doc.page.height - bottom / 2 - style.small, {
        width: doc.page.width - 2 * style.margin,
        align: 'right',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return writer.output;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
