import type { Letter } from './letter.ts';
import { letterToBrf } from './letter-brf.ts';
import { letterToHtml } from './letter-html.ts';
import { letterToPdf } from './letter-pdf.ts';
import { letterToText } from './letter-text.ts';
import { LARGE_PRINT, STANDARD_PRINT } from './pdf-styles.ts';

export const LETTER_FORMATS = ['html', 'pdf', 'large-print', 'brf', 'text'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

/** What to send with each format when it is downloaded or printed. */
export const LETTER_FILES: Readonly<
  Record<LetterFormat, { readonly mediaType: string; readonly extension: string }>
> = {
  html: { mediaType: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
  'large-print': { mediaType: 'application/pdf', extension: 'pdf' },
  brf: { mediaType: 'text/plain; charset=us-ascii', extension: 'brf' },
  text: { mediaType: 'text/plain; charset=utf-8', extension: 'txt' },
};

/** One letter, any format: the PDFs as bytes, the others as text. */
export function renderLetter(letter: Letter, format: 'pdf' | 'large-print'): Promise<Buffer>;
export function renderLetter(letter: Letter, format: 'html' | 'brf' | 'text'): Promise<string>;
export function renderLetter(letter: Letter, format: LetterFormat): Promise<Buffer | string>;
export async function renderLetter(letter: Letter, format: LetterFormat): Promise<Buffer | string> {
  switch (format) {
    case 'html':
      return letterToHtml(letter).toString();
    case 'text':
      return letterToText(letter);
    case 'pdf':
      return letterToPdf(letter, STANDARD_PRINT);
    case 'large-print':
      return letterToPdf(letter, LARGE_PRINT);
    case 'brf':
      return letterToBrf(letter);
  }
}
