import type { Lang } from '../i18n/i18n.ts';

/**
 * A letter as data. Every string is final text in the letter's language: the capability that writes the
 * letter translates its words and formats its amounts and dates (Intl, in that language) before building
 * it, so the renderers never choose words or switch on the language.
 */
export interface Letter {
  readonly lang: Lang;
  /** The document's title (PDF Title, shown by readers instead of the file name). */
  readonly title: string;
  readonly letterhead: Letterhead;
  readonly date: LabelledValue;
  readonly reference: LabelledValue;
  /** Name and postal address, one line each; at most five lines so they fit the envelope window. */
  readonly recipient: readonly string[];
  /** What the letter is about, e.g. "Decision on your Canada child benefit application". */
  readonly heading: string;
  readonly sections: readonly LetterSection[];
  /** How to ask for a review or appeal, and by when: every letter that decides something has one. */
  readonly rights: LetterSection;
  readonly closing: Closing;
  readonly labels: LetterLabels;
}

export interface Letterhead {
  readonly agency: string;
  /** The agency's return address and contact lines. */
  readonly lines: readonly string[];
}

export interface LabelledValue {
  readonly label: string;
  readonly value: string;
}

export interface LetterSection {
  readonly heading: string;
  readonly blocks: readonly LetterBlock[];
}

export type LetterBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly caption: string;
      readonly headers: readonly [string, string];
      readonly rows: readonly LabelledValue[];
    };

export interface Closing {
  readonly text: string;
  readonly signatory: string;
  readonly role: string;
}

export interface LetterLabels {
  /** Between a label and its value in linear formats (text, braille): ": " in English, " : " in French. */
  readonly separator: string;
  /** Page footer of the printed formats, with `{page}` and `{total}`, e.g. "Page {page} of {total}". */
  readonly page: string;
}

export const MAX_RECIPIENT_LINES = 5;

export class LetterError extends Error {
  constructor(problem: string) {
    super(`This letter cannot be rendered: ${problem}`);
    this.name = 'LetterError';
  }
}

/** Refuses, before any output, a letter that would print wrongly (an address outside the window, no page numbers). */
export function assertPrintable(letter: Letter): void {
  const lines = letter.recipient;
  if (lines.length === 0 || lines.length > MAX_RECIPIENT_LINES || lines.some((line) => line.trim() === '')) {
    throw new LetterError(`the recipient needs 1 to ${MAX_RECIPIENT_LINES} non-empty address lines`);
  }
  if (!letter.labels.page.includes('{page}') || !letter.labels.page.includes('{total}')) {
    throw new LetterError('the page label needs {page} and {total}');
  }
}

export function pageLabel(letter: Letter, page: number, total: number): string {
  return letter.labels.page.replace('{page}', String(page)).replace('{total}', String(total));
}

/** "Label: value" for the linear formats, with the separator the letter's language uses. */
export function labelled(letter: Letter, { label, value }: LabelledValue): string {
  return `${label}${letter.labels.separator}${value}`;
}
