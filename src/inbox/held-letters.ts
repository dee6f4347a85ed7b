import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { Letter } from '../platform/documents/letter.ts';
import type { DocumentKind } from './document-kinds.ts';
import type { PrintFormat, PrintReason } from './inbox.tables.ts';
import type { RecipientDirectory } from './inbox.service.ts';
import { heldPrintItems, releaseHeldItem } from './held-letters.repository.ts';
import { hasPostalAddress, readdress } from './print-hold.ts';

/** A paper letter held out of the print file: its recipient had no postal address on file. */
export interface HeldLetter {
  readonly documentId: string;
  readonly personId: string;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly format: PrintFormat;
  readonly reason: PrintReason;
  readonly heldAt: Date;
}

export interface HeldLetters {
  /** The held letters, oldest first, for staff; each person listed has the reading in their access log. */
  list(context: AccessContext): Promise<HeldLetter[]>;
  /**
   * Releases to the next print file each held letter whose recipient now has an address on file, readdressed
   * to it, once (before each print file is built); returns how many.
   */
  release(limit?: number): Promise<number>;
}

const LIMIT = 500;

const SYSTEM: AccessContext = {
  actor: { type: 'system', id: 'inbox-print' },
  channel: 'system',
  purpose: 'document-delivery',
  correlationId: 'held-letters',
};

export function createHeldLetters(deps: {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly cipher: FieldCipher;
  readonly recipients: RecipientDirectory;
  readonly clock: () => Date;
}): HeldLetters {
  const { db, audit, cipher } = deps;
  const letterOf = (letterCipher: string) => JSON.parse(cipher.decrypt(letterCipher)) as Letter;
  return {
    async list(context) {
      const rows = await heldPrintItems(db, LIMIT);
      await audit.recordMany(
        rows.map((row) =>
          auditEntry(context, row.person_id, 'inbox.held.read', 'success', { documentId: row.document_id }),
        ),
      );
      return rows.map((row) => ({
        documentId: row.document_id,
        personId: row.person_id,
        kind: row.kind,
        title: letterOf(row.letter_cipher).title,
        format: row.format,
        reason: row.reason,
        heldAt: row.held_at ?? new Date(0),
      }));
    },

    async release(limit = LIMIT) {
      const rows = await heldPrintItems(db, limit);
      if (rows.length === 0) return 0;
      // Read before the transaction (PGlite has one connection); each reading is in the person's access log.
      const found = await deps.recipients.recipientsOf(
        [...new Set(rows.map((row) => row.person_id))],
        SYSTEM,
      );
      const at = deps.clock();
      let released = 0;
      for (const row of rows) {
        const lines = found.get(row.person_id)?.addressLines ?? null;
        if (!lines || !hasPostalAddress({ addressLines: lines })) continue;
        const letter = readdress(letterOf(row.letter_cipher), lines);
        const letterCipher = cipher.encrypt(JSON.stringify(letter));
        const done = await db.transaction().execute(async (trx) => {
          if (!(await releaseHeldItem(trx, { documentId: row.document_id, letterCipher, at }))) return false;
          await audit.record(
            auditEntry(SYSTEM, row.person_id, 'inbox.document.released', 'success', {
              documentId: row.document_id,
              format: row.format,
            }),
            trx,
          );
          return true;
        });
        if (done) released += 1;
      }
      return released;
    },
  };
}
