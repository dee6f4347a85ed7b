import { fileTypeFromBuffer } from 'file-type';
import type { ReturnsFormat } from './returns.service.ts';

/**
 * 10 MB, the upload limit of every form (`registerMultipart`): a returns file carries one 240-character
 * segment per returned payment, so this holds tens of thousands of returns, far above a month's.
 */
export const RETURNS_MAX_BYTES = 10 * 1024 * 1024;

export type UploadProblem = 'fileMissing' | 'tooLarge' | 'wrongType' | 'unknownFormat';

export type CheckedUpload =
  | { readonly ok: true; readonly format: ReturnsFormat; readonly text: string }
  | { readonly ok: false; readonly code: UploadProblem };

const NAMESPACES: readonly [string, ReturnsFormat][] = [
  ['urn:iso:std:iso:20022:tech:xsd:pain.002.', 'pain.002'],
  ['urn:iso:std:iso:20022:tech:xsd:camt.054.', 'camt.054'],
];

/**
 * What a returns upload is, read from its content (never its name or the browser's claim): text only (a PDF,
 * an image, an archive or anything with a NUL byte or invalid UTF-8 is refused), then CPA 005 when it starts
 * with an A header record, or ISO 20022 by the namespace of its Document.
 */
export async function checkReturnsUpload(
  bytes: Buffer | undefined,
  truncated: boolean,
): Promise<CheckedUpload> {
  if (!bytes || bytes.length === 0) return { ok: false, code: 'fileMissing' };
  if (truncated || bytes.length > RETURNS_MAX_BYTES) return { ok: false, code: 'tooLarge' };
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed && sniffed.mime !== 'application/xml') return { ok: false, code: 'wrongType' };
  const text = utf8(bytes);
  if (text === null || text.includes('\u0000')) return { ok: false, code: 'wrongType' };
  const format = formatOf(text);
  return format ? { ok: true, format, text } : { ok: false, code: 'unknownFormat' };
}

function utf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function formatOf(text: string): ReturnsFormat | null {
  const start = text.trimStart();
  if (start.startsWith('<')) {
    const head = start.slice(0, 4096);
    return NAMESPACES.find(([namespace]) => head.includes(namespace))?.[1] ?? null;
  }
  return /^A\d{9}/.test(start) ? 'cpa005' : null;
}
