import type { DbExecutor } from '../platform/db/schema.ts';

/** A person's documents, newest first, with each one's notice and paper letter (if any) and its print file. */
export function deliveriesOfPerson(db: DbExecutor, personId: string, limit: number) {
  return db
    .selectFrom('person_document as d')
    .leftJoin('document_notice as n', 'n.document_id', 'd.id')
    .leftJoin('print_item as p', 'p.document_id', 'd.id')
    .leftJoin('print_file as f', 'f.id', 'p.print_file_id')
    .select([
      'd.id',
      'd.kind',
      'd.letter_cipher',
      'd.delivery',
      'd.created_at',
      'd.read_at',
      'n.channel as notice_channel',
      'n.status as notice_status',
      'n.updated_at as notice_updated_at',
      'p.format as print_format',
      'p.reason as print_reason',
      'p.queued_at as print_queued_at',
      'p.held_at as print_held_at',
      'p.released_at as print_released_at',
      'f.print_date',
      'f.sequence as print_sequence',
      'f.mailed_at',
    ])
    .where('d.person_id', '=', personId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

/** Marks a print file mailed (the mail house's confirmation); false when there is no such file or it was. */
export async function markPrintFileMailed(
  db: DbExecutor,
  file: { printDate: string; sequence: number },
  at: Date,
): Promise<boolean> {
  const marked = await db
    .updateTable('print_file')
    .set({ mailed_at: at })
    .where('print_date', '=', file.printDate)
    .where('sequence', '=', file.sequence)
    .where('mailed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return marked !== undefined;
}
