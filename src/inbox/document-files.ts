import type { LetterFormat } from '../platform/documents/render-letter.ts';

/** The downloads of a document, by file name: the letter in every format Guichet renders. */
export const DOCUMENT_FILES = {
  'letter.pdf': { format: 'pdf', label: 'pdf' },
  'letter-large-print.pdf': { format: 'large-print', label: 'largePrint' },
  'letter.txt': { format: 'text', label: 'text' },
  'letter.brf': { format: 'brf', label: 'brf' },
} as const satisfies Record<string, { format: LetterFormat; label: string }>;

export type DocumentFile = keyof typeof DOCUMENT_FILES;

export function isDocumentFile(value: string): value is DocumentFile {
  return Object.hasOwn(DOCUMENT_FILES, value);
}
