import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { Letter } from '../platform/documents/letter.ts';
import type { DocumentKind } from './document-kinds.ts';
import type { NoticeStatus, PrintFormat, PrintReason } from './inbox.tables.ts';
import { deliveriesOfPerson, markPrintFileMailed } from './delivery-record.repository.ts';

/**
 * A paper letter's way to the post: waiting for the day's print file, in one, then confirmed mailed; or held
 * out of every print file while no postal address is on file (migration 1000).
 */
export type PaperState = 'held' | 'queued' | 'printed' | 'mailed';

/** One document sent to a person, as staff see it: how they were told and where its paper copy is. */
export interface DeliveryLine {
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly sentAt: Date;
  readonly readAt: Date | null;
  readonly delivery: 'online' | 'paper';
  /** The email or SMS notice and its status (from GC Notify's delivery receipts), if one was queued. */
  readonly notice: {
    readonly channel: 'email' | 'sms';
    readonly status: NoticeStatus;
    readonly at: Date;
  } | null;
  readonly paper: {
    readonly format: PrintFormat;
    /** Why it went on paper: the person prefers it, the notice failed (the fallback), no contact point. */
    readonly reason: PrintReason;
    readonly state: PaperState;
    readonly queuedAt: Date;
    /** `YYYY-MM-DD-NNN`, the print file's folder name, once printed. */
    readonly printFile: string | null;
    readonly mailedAt: Date | null;
  } | null;
}

export interface DeliveryRecord {
  /** The person's documents, notices and paper letters for staff: an access to the person's information, audited. */
  of(personId: string, context: AccessContext): Promise<DeliveryLine[]>;
  /** The mail house confirms a print file (`YYYY-MM-DD-NNN`) went to the post; false when unknown or already. */
  mailed(printFile: string, at: Date): Promise<boolean>;
}

const LIMIT = 200;
const PRINT_FILE = /^(\d{4}-\d{2}-\d{2})-(\d{3})$/;
const isoDay = (value: Date | string) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

type Row = Awaited<ReturnType<typeof deliveriesOfPerson>>[number];

function paperOf(row: Row): DeliveryLine['paper'] {
  if (!row.print_format || !row.print_reason || !row.print_queued_at) return null;
  const printFile =
    row.print_date && row.print_sequence !== null
      ? `${isoDay(row.print_date)}-${String(row.print_sequence).padStart(3, '0')}`
      : null;
  const held = row.print_held_at !== null && row.print_released_at === null;
  const state: PaperState = row.mailed_at ? 'mailed' : printFile ? 'printed' : held ? 'held' : 'queued';
  return {
    format: row.print_format,
    reason: row.print_reason,
    state,
    queuedAt: row.print_queued_at,
    printFile,
    mailedAt: row.mailed_at ?? null,
  };
}

export function createDeliveryRecord(deps: {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly cipher: FieldCipher;
}): DeliveryRecord {
  return {
    async of(personId, context) {
      const rows = await deliveriesOfPerson(deps.db, personId, LIMIT);
      await deps.audit.record(
        auditEntry(context, personId, 'inbox.deliveries.read', 'success', { documents: rows.length }),
      );
      return rows.map((row) => ({
        documentId: row.id,
        kind: row.kind,
        title: (JSON.parse(deps.cipher.decrypt(row.letter_cipher)) as Letter).title,
        sentAt: row.created_at,
        readAt: row.read_at,
        delivery: row.delivery,
        notice:
          row.notice_channel && row.notice_status && row.notice_updated_at
            ? { channel: row.notice_channel, status: row.notice_status, at: row.notice_updated_at }
            : null,
        paper: paperOf(row),
      }));
    },
    async mailed(printFile, at) {
      const match = PRINT_FILE.exec(printFile);
      if (!match?.[1] || !match[2]) return false;
      return markPrintFileMailed(deps.db, { printDate: match[1], sequence: Number(match[2]) }, at);
    },
  };
}
