import type { DbExecutor } from '../platform/db/schema.ts';

/** Letters held for want of a postal address and not yet released, oldest first (migration 1000). */
export function heldPrintItems(db: DbExecutor, limit: number) {
  return db
    .selectFrom('print_item as p')
    .innerJoin('person_document as d', 'd.id', 'p.document_id')
    .select([
      'p.document_id',
      'p.format',
      'p.reason',
      'p.held_at',
      'd.person_id',
      'd.kind',
      'd.letter_cipher',
    ])
    .where('p.held_at', 'is not', null)
    .where('p.released_at', 'is', null)
    .where('p.print_file_id', 'is', null)
    .orderBy('p.held_at')
    .orderBy('p.document_id')
    .limit(limit)
    .execute();
}

/**
 * Releases one held letter to the next print file, with its letter readdressed, if it is still held: a
 * release that runs twice (two runs at once, or one retried) releases it once.
 */
export async function releaseHeldItem(
  trx: DbExecutor,
  release: { documentId: string; letterCipher: string; at: Date },
): Promise<boolean> {
  const released = await trx
    .updateTable('print_item')
    .set({ released_at: release.at })
    .where('document_id', '=', release.documentId)
    .where('held_at', 'is not', null)
    .where('released_at', 'is', null)
    .where('print_file_id', 'is', null)
    .returning('document_id')
    .executeTakeFirst();
  if (!released) return false;
  await trx
    .updateTable('person_document')
    .set({ letter_cipher: release.letterCipher })
    .where('id', '=', release.documentId)
    .execute();
  return true;
}
