import { fileTypeFromBuffer } from 'file-type';
import { PDFDocument, PDFName } from 'pdf-lib';

export type EvidenceMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';
export const EVIDENCE_TYPES: readonly EvidenceMediaType[] = ['application/pdf', 'image/jpeg', 'image/png'];
/** 10 MB: a phone photo or a scanned multi-page letter fits; a video does not. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export type CleanFile =
  | { readonly ok: true; readonly mediaType: EvidenceMediaType; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly code: 'wrongType' | 'unreadable' | 'empty' };

const JPEG_DROPPED = new Set([
  0xe1, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xef, 0xfe,
]);
const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** A JPEG without its EXIF/XMP (APP1: location, camera, time), IPTC (APP13) and comment segments. */
export function stripJpeg(input: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [input.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= input.length && input[at] === 0xff) {
    const marker = input[at + 1] as number;
    if (marker === 0xda) break; // start of scan: the image data follows, to the end
    const length = ((input[at + 2] as number) << 8) | (input[at + 3] as number);
    if (!JPEG_DROPPED.has(marker)) parts.push(input.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  parts.push(input.subarray(at));
  return Buffer.concat(parts);
}

/** A PNG without its text, EXIF and time chunks. */
export function stripPng(input: Uint8Array): Uint8Array {
  const view = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const parts: Uint8Array[] = [view.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= view.length) {
    const length = view.readUInt32BE(at);
    const type = view.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (!PNG_DROPPED.has(type)) parts.push(view.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(parts);
}

/** A PDF without its document information (author, software, dates) and XMP metadata; encrypted ones refused. */
export async function stripPdf(input: Uint8Array): Promise<Uint8Array | null> {
  try {
    const document = await PDFDocument.load(input, { updateMetadata: false });
    document.catalog.delete(PDFName.of('Metadata'));
    document.context.trailerInfo.Info = undefined;
    return await document.save({ updateFieldAppearances: false });
  } catch {
    return null;
  }
}

/** Reads the type from the content (never the name or the browser's claim), keeps PDF/JPEG/PNG, strips metadata. */
export async function cleanEvidenceFile(input: Uint8Array): Promise<CleanFile> {
  if (input.length === 0) return { ok: false, code: 'empty' };
  const type = await fileTypeFromBuffer(input);
  const mediaType = EVIDENCE_TYPES.find((allowed) => allowed === type?.mime);
  if (!mediaType) return { ok: false, code: 'wrongType' };
  if (mediaType === 'image/jpeg') return { ok: true, mediaType, bytes: stripJpeg(input) };
  if (mediaType === 'image/png') return { ok: true, mediaType, bytes: stripPng(input) };
  const pdf = await stripPdf(input);
  return pdf ? { ok: true, mediaType, bytes: pdf } : { ok: false, code: 'unreadable' };
}
