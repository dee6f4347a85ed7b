import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import { renderLetter } from '../platform/documents/render-letter.ts';
import type { Letter } from '../platform/documents/letter.ts';
import { insertPrintFile, nextPrintSequence, waitingPrintItems } from './inbox.repository.ts';
import type { PrintFormat } from './inbox.tables.ts';

/** How each format is mailed: standard letters fold into a #10 window envelope; large print goes flat. */
const ENVELOPES: Record<PrintFormat, string> = {
  standard: '#10 window',
  'large-print': '9x12 flat',
  braille: 'Free Matter for the Blind',
};

export interface ManifestLine {
  readonly sequence: number;
  readonly documentId: string;
  readonly format: PrintFormat;
  readonly lang: 'en' | 'fr';
  /** The file the letter is in, and its first page and page count there (PDFs). */
  readonly file: string;
  readonly firstPage: number | null;
  readonly pages: number | null;
  readonly envelope: string;
}

export interface PrintFileResult {
  readonly id: string;
  readonly printDate: string;
  readonly sequence: number;
  readonly directory: string;
  readonly manifest: readonly ManifestLine[];
}

/**
 * The day's letters for the mail house: `letters.pdf` (window envelopes), `large-print.pdf` (flat
 * envelopes), one `.brf` per braille letter for the embosser, and `manifest.json` (no names or addresses: they
 * are in the letters). The files are written to `<date>-<sequence>.partial` first, the letters are marked
 * printed in one transaction, and only then is the folder renamed: a run killed before the commit leaves the
 * letters waiting for the next run; one killed after it is finished by `resumePrintFiles`.
 */
export async function buildPrintFile(
  db: Kysely<DB>,
  cipher: FieldCipher,
  options: {
    printDate: string;
    outDir: string;
    limit?: number;
    clock: () => Date;
    /** Each letter mailed is in its person's access log (`inbox.document.mailed`, channel mail). */
    audit?: Pick<AuditService, 'record'>;
  },
): Promise<PrintFileResult | null> {
  return db
    .transaction()
    .execute(async (trx) => {
      const items = await waitingPrintItems(trx, options.limit ?? 10_000);
      if (items.length === 0) return null;
      const sequence = await nextPrintSequence(trx, options.printDate);
      const id = randomUUID();
      const name = `${options.printDate}-${String(sequence).padStart(3, '0')}`;
      const partial = join(options.outDir, `${name}.partial`);
      const letters = items.map((item) => ({
        documentId: item.document_id,
        format: item.format,
        letter: JSON.parse(cipher.decrypt(item.letter_cipher)) as Letter,
      }));
      const manifest = await writePrintFolder(partial, letters);
      await insertPrintFile(
        trx,
        { id, printDate: options.printDate, sequence, letters: items.length, at: options.clock() },
        items.map((item) => item.document_id),
      );
      for (const item of items)
        await options.audit?.record(
          {
            actor: { type: 'system', id: 'inbox-print' },
            subjectPersonId: item.person_id,
            action: 'inbox.document.mailed',
            purpose: 'document-delivery',
            channel: 'mail',
            outcome: 'success',
            correlationId: id,
            details: { documentId: item.document_id, format: item.format, printFile: name },
          },
          trx,
        );
      return { id, printDate: options.printDate, sequence, directory: join(options.outDir, name), manifest };
    })
    .then(async (result) => {
      if (result) await rename(`${result.directory}.partial`, result.directory);
      return result;
    });
}

/** Print files committed but not renamed (the run died in between): written again and renamed. */
export async function resumePrintFiles(
  db: Kysely<DB>,
  cipher: FieldCipher,
  outDir: string,
): Promise<string[]> {
  const files = await db
    .selectFrom('print_file')
    .selectAll()
    .orderBy('print_date')
    .orderBy('sequence')
    .execute();
  const finished: string[] = [];
  for (const file of files) {
    const name = `${file.print_date}-${String(file.sequence).padStart(3, '0')}`;
    if (await exists(join(outDir, name))) continue;
    const items = await db
      .selectFrom('print_item as p')
      .innerJoin('person_document as d', 'd.id', 'p.document_id')
      .select(['p.document_id', 'p.format', 'd.letter_cipher'])
      .where('p.print_file_id', '=', file.id)
      .orderBy('p.queued_at')
      .orderBy('p.document_id')
      .execute();
    const partial = join(outDir, `${name}.partial`);
    await rm(partial, { recursive: true, force: true });
    await writePrintFolder(
      partial,
      items.map((item) => ({
        documentId: item.document_id,
        format: item.format,
        letter: JSON.parse(cipher.decrypt(item.letter_cipher)) as Letter,
      })),
    );
    await rename(partial, join(outDir, name));
    finished.push(name);
  }
  return finished;
}

interface PrintLetter {
  readonly documentId: string;
  readonly format: PrintFormat;
  readonly letter: Letter;
}

async function writePrintFolder(directory: string, letters: readonly PrintLetter[]): Promise<ManifestLine[]> {
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const books: Record<'standard' | 'large-print', PDFDocument> = {
    standard: await PDFDocument.create(),
    'large-print': await PDFDocument.create(),
  };
  const manifest: ManifestLine[] = [];
  for (const [index, item] of letters.entries()) {
    const base = {
      sequence: index + 1,
      documentId: item.documentId,
      format: item.format,
      lang: item.letter.lang,
    };
    if (item.format === 'braille') {
      const file = `braille/${String(index + 1).padStart(5, '0')}.brf`;
      await mkdir(join(directory, 'braille'), { recursive: true, mode: 0o700 });
      await writeFile(join(directory, file), await renderLetter(item.letter, 'brf'), { mode: 0o600 });
      manifest.push({ ...base, file, firstPage: null, pages: null, envelope: ENVELOPES.braille });
      continue;
    }
    const book = books[item.format];
    const source = await PDFDocument.load(
      await renderLetter(item.letter, item.format === 'large-print' ? 'large-print' : 'pdf'),
    );
    const firstPage = book.getPageCount() + 1;
    for (const page of await book.copyPages(source, source.getPageIndices())) book.addPage(page);
    manifest.push({
      ...base,
      file: item.format === 'standard' ? 'letters.pdf' : 'large-print.pdf',
      firstPage,
      pages: source.getPageCount(),
      envelope: ENVELOPES[item.format],
    });
  }
  if (books.standard.getPageCount() > 0)
    await writeFile(join(directory, 'letters.pdf'), await books.standard.save(), { mode: 0o600 });
  if (books['large-print'].getPageCount() > 0)
    await writeFile(join(directory, 'large-print.pdf'), await books['large-print'].save(), { mode: 0o600 });
  await writeFile(join(directory, 'manifest.json'), JSON.stringify({ letters: manifest }, null, 2), {
    mode: 0o600,
  });
  return manifest;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
