import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { Letter } from '../platform/documents/letter.ts';
import { LETTER_FILES, renderLetter } from '../platform/documents/render-letter.ts';
import { retainUntil } from './document-kinds.ts';
import { composeLetters, storeLetters } from './bulk-delivery.ts';
import type { BulkStore, Route } from './bulk-delivery.ts';
import { copyForRepresentative } from './reminder-letters.ts';
import { hasPostalAddress } from './print-hold.ts';
import { matches } from './document-search.ts';
import { DOCUMENT_FILES } from './document-files.ts';
import type { DocumentFile } from './document-files.ts';
import type { DocumentKind } from './document-kinds.ts';
import type { PrintFormat, PrintReason } from './inbox.tables.ts';
import {
  findDocument,
  insertDocument,
  insertNotice,
  latestReminderNoticeDue,
  listDocuments,
  markRead,
  noticesOf,
  printStatusOf,
  queueForPrint,
} from './inbox.repository.ts';
import type { DocumentRow, NoticeRow } from './inbox.repository.ts';

/** Who a document goes to and how, read from the person's record when it is sent. */
export interface Recipient {
  readonly personId: string;
  /** Given and family name, for a representative's copy ("a copy of a letter we sent to …"). */
  readonly name?: string | null;
  readonly lang: Lang;
  /** Name and postal address for the envelope window (at most five lines); null without an address on file. */
  readonly addressLines: readonly string[] | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly prefersPaper: boolean;
  /** From the profile's accessibility needs: `large-print`, `braille`, `audio`, `accessible-pdf`. */
  readonly alternateFormats: readonly string[];
}

/** The person module, seen from the inbox: reading contact points is an audited access like any other. */
export interface RecipientDirectory {
  recipientOf(personId: string, context: AccessContext): Promise<Recipient | null>;
  /** Many recipients in a few statements, each read audited (a batch's letters); people not found are absent. */
  recipientsOf(personIds: readonly string[], context: AccessContext): Promise<ReadonlyMap<string, Recipient>>;
}

/**
 * Who acts for the person and may see their file, on a given day (the root builds it over applications'
 * representatives: authorisations in force whose scope shows the file). Each gets a copy of the person's letters.
 */
export interface RepresentativeCopies {
  /** For many people in one look-up (a batch's letters); a person nobody acts for is absent. */
  actingForMany(
    personIds: readonly string[],
    onDate: string,
  ): Promise<ReadonlyMap<string, readonly { representativeId: string; until: string }[]>>;
}

/** Representatives' addresses looked up at once by `deliverMany` (each look-up is its own statement). */
const READS_AT_ONCE = 8;

type Copy = { until: string; recipient: Recipient };
type Acting = Awaited<ReturnType<RepresentativeCopies['actingForMany']>>;
type Prepared = { recipient: Recipient; copies: Copy[]; request: DeliveryRequest };

/** Letters about the person's own sign-in and account go to them alone, never to a representative. */
const NEVER_COPIED: ReadonlySet<DocumentKind> = new Set(['account-notice', 'linking-code']);

export interface DeliveryRequest {
  readonly kind: DocumentKind;
  /** The event that produced the document (`decision:<id>`): the same source never delivers twice. */
  readonly sourceKey: string;
  readonly caseId?: string | null;
  /** Writes the letter in the recipient's language, to the address the record holds today. */
  readonly compose: (recipient: Recipient) => Letter;
  readonly context: AccessContext;
  /** The caller sends its own notice (a security notice goes to the previous contact point, not the record's). */
  readonly ownNotice?: boolean;
  /**
   * A letter to the estate of a person who died: printed and posted to the last address, with no email or text
   * message to the deceased's contact points. A representative's copy still goes by their own channel.
   */
  readonly toEstate?: boolean;
}

export interface Delivered {
  readonly documentId: string;
  /** False when this source had already delivered its document (nothing new was stored or sent). */
  readonly created: boolean;
  readonly route: { readonly notice: 'email' | 'sms' | null; readonly print: PrintReason | null };
}

export interface DocumentSummary {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly caseId: string | null;
  readonly receivedAt: Date;
  readonly readAt: Date | null;
  readonly delivery: 'online' | 'paper';
  /** `held`: not mailed, for want of a postal address on file, until one is recorded (ADR 0018 addendum). */
  readonly print: { readonly format: PrintFormat; readonly printed: boolean; readonly held: boolean } | null;
}

export interface OpenedDocument extends DocumentSummary {
  readonly letter: Letter;
}

export interface InboxService {
  /** Reads the recipient (before any transaction: PGlite has one connection). */
  recipientOf(personId: string, context: AccessContext): Promise<Recipient | null>;
  /** Stores the document and queues its notice or its printing, inside the caller's transaction. */
  deliverWithin(trx: Transaction<DB>, recipient: Recipient, request: DeliveryRequest): Promise<Delivered>;
  /** `recipientOf` then `deliverWithin` in a transaction of its own. */
  deliver(personId: string, request: DeliveryRequest): Promise<Delivered | null>;
  /**
   * `deliver` for a batch job's many letters: the recipients are read first, then every document is stored
   * in one transaction (one commit for the batch rather than one per letter). Null where no recipient.
   */
  deliverMany(
    items: readonly { readonly personId: string; readonly request: DeliveryRequest }[],
  ): Promise<(Delivered | null)[]>;
  list(personId: string, search?: string): Promise<DocumentSummary[]>;
  /** The document if it is the person's (the first opening records the read receipt); audited either way. */
  open(personId: string, documentId: string, context: AccessContext): Promise<OpenedDocument | null>;
  /** One of the document's files (`DOCUMENT_FILES`), rendered from the stored letter; audited either way. */
  download(
    personId: string,
    documentId: string,
    file: DocumentFile,
    context: AccessContext,
  ): Promise<{ body: Buffer | string; mediaType: string } | null>;
  unreadCount(personId: string): Promise<number>;
  notices(personId: string): Promise<NoticeRow[]>;
}

export interface InboxDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly cipher: FieldCipher;
  readonly recipients: RecipientDirectory;
  readonly clock: () => Date;
  /** Representatives who receive a copy; none when absent. */
  readonly copies?: RepresentativeCopies;
}

/** The print format a person's accessibility needs call for (Accessible Canada Act s. 5: alternate formats). */
export function printFormatFor(recipient: Recipient): PrintFormat {
  if (recipient.alternateFormats.includes('braille')) return 'braille';
  if (recipient.alternateFormats.includes('large-print')) return 'large-print';
  return 'standard';
}

/** Email first, then SMS; none when the person prefers paper or has no contact point Notify can reach. */
export function noticeChannelFor(recipient: Recipient): 'email' | 'sms' | null {
  if (recipient.prefersPaper) return null;
  if (recipient.email) return 'email';
  if (recipient.phone) return 'sms';
  return null;
}

/** How a document reaches its recipient: the notice that it arrived, or paper (and in which format). */
export function routeOf(
  recipient: Recipient,
  request: Pick<DeliveryRequest, 'ownNotice' | 'toEstate'>,
): Route {
  if (request.toEstate) return { notice: null, print: 'to-estate', format: printFormatFor(recipient) };
  const notice = request.ownNotice ? null : noticeChannelFor(recipient);
  const print: PrintReason | null = recipient.prefersPaper
    ? 'prefers-paper'
    : notice === null && !request.ownNotice
      ? 'no-contact-point'
      : null;
  return { notice, print, format: printFormatFor(recipient) };
}

/** Reminders never spam (issue #17 item 6): at most one reminder notice a day per person; later ones wait. */
export const REMINDER_NOTICE_INTERVAL_MS = 24 * 3_600_000;

async function noticeDue(
  trx: Transaction<DB>,
  personId: string,
  kind: DocumentKind,
  at: Date,
): Promise<Date> {
  if (kind !== 'reminder') return at;
  const latest = await latestReminderNoticeDue(trx, personId);
  if (!latest) return at;
  return new Date(Math.max(at.getTime(), latest.getTime() + REMINDER_NOTICE_INTERVAL_MS));
}

export function createInboxService(deps: InboxDependencies): InboxService {
  const { db, audit, cipher, clock } = deps;
  const letterOf = (row: DocumentRow) => JSON.parse(cipher.decrypt(row.letter_cipher)) as Letter;

  async function summaries(rows: readonly DocumentRow[]): Promise<OpenedDocument[]> {
    const print = await printStatusOf(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => {
      const letter = letterOf(row);
      return {
        id: row.id,
        kind: row.kind,
        title: letter.title,
        caseId: row.case_id,
        receivedAt: row.created_at,
        readAt: row.read_at,
        delivery: row.delivery,
        print: print.get(row.id) ?? null,
        letter,
      };
    });
  }

  const copied = (request: DeliveryRequest) => !request.ownNotice && !NEVER_COPIED.has(request.kind);

  /** Who acts for each person today, in one look-up for all the letters a representative gets a copy of. */
  async function actingFor(
    items: readonly { personId: string; request: DeliveryRequest }[],
  ): Promise<Acting> {
    const people = items.filter((item) => copied(item.request)).map((item) => item.personId);
    if (!deps.copies || people.length === 0) return new Map();
    return deps.copies.actingForMany(people, clock().toISOString().slice(0, 10));
  }

  async function copyRecipients(personId: string, request: DeliveryRequest, acting: Acting) {
    if (!copied(request)) return [];
    const found = await Promise.all(
      (acting.get(personId) ?? []).map(async (entry) => ({
        until: entry.until,
        recipient: await deps.recipients.recipientOf(entry.representativeId, request.context),
      })),
    );
    return found.flatMap((entry) => (entry.recipient ? [{ ...entry, recipient: entry.recipient }] : []));
  }

  /** The representative's copy, in their language, to their address, by their channel; in the person's log too. */
  async function deliverCopy(
    trx: Transaction<DB>,
    person: Recipient,
    copy: { until: string; recipient: Recipient },
    request: DeliveryRequest,
    documentId: string,
  ) {
    const sent = await service.deliverWithin(trx, copy.recipient, {
      ...request,
      toEstate: false,
      sourceKey: `${request.sourceKey}:copy:${copy.recipient.personId}`,
      compose: (to) => copyForRepresentative(request.compose(to), person.name ?? null, to.lang, copy.until),
    });
    await audit.record(
      auditEntry(request.context, person.personId, 'inbox.document.copied', 'success', {
        documentId,
        copyId: sent.documentId,
        representativeId: copy.recipient.personId,
        notice: sent.route.notice,
        print: sent.route.print,
      }),
      trx,
    );
  }

  const bulkStore: BulkStore = { cipher, audit, clock, route: routeOf };

  /** The batch's recipients in one read per access context, who acts for them in one more, then those addresses. */
  async function prepareMany(items: readonly { personId: string; request: DeliveryRequest }[]) {
    const recipients = new Map<AccessContext, ReadonlyMap<string, Recipient>>();
    for (const context of new Set(items.map((item) => item.request.context)))
      recipients.set(
        context,
        await deps.recipients.recipientsOf(
          items.filter((item) => item.request.context === context).map((item) => item.personId),
          context,
        ),
      );
    const recipientOf = (item: { personId: string; request: DeliveryRequest }) =>
      recipients.get(item.request.context)?.get(item.personId);
    const acting = await actingFor(items.filter((item) => recipientOf(item) !== undefined));
    const prepared: (Prepared | null)[] = [];
    for (let i = 0; i < items.length; i += READS_AT_ONCE)
      prepared.push(
        ...(await Promise.all(
          items.slice(i, i + READS_AT_ONCE).map(async (item) => {
            const recipient = recipientOf(item);
            if (!recipient) return null;
            return {
              recipient,
              copies: await copyRecipients(item.personId, item.request, acting),
              request: item.request,
            };
          }),
        )),
      );
    return prepared;
  }

  const service: InboxService = {
    recipientOf: (personId, context) => deps.recipients.recipientOf(personId, context),

    async deliverWithin(trx, recipient, request) {
      const at = clock();
      const letter = request.compose(recipient);
      const { notice, print } = routeOf(recipient, request);
      const stored = await insertDocument(trx, {
        id: randomUUID(),
        person_id: recipient.personId,
        case_id: request.caseId ?? null,
        kind: request.kind,
        lang: letter.lang,
        letter_cipher: cipher.encrypt(JSON.stringify(letter)),
        source_key: request.sourceKey,
        delivery: print === null ? 'online' : 'paper',
        created_at: at,
        retain_until: retainUntil(request.kind, at),
      });
      if (!stored.created)
        return { documentId: stored.id, created: false, route: { notice: null, print: null } };
      if (notice)
        await insertNotice(trx, {
          id: randomUUID(),
          personId: recipient.personId,
          about: { documentId: stored.id },
          channel: notice,
          at,
          due: await noticeDue(trx, recipient.personId, request.kind, at),
        });
      if (print)
        await queueForPrint(trx, {
          documentId: stored.id,
          format: printFormatFor(recipient),
          reason: print,
          at,
          held: !hasPostalAddress(recipient),
        });
      await audit.record(
        auditEntry(request.context, recipient.personId, 'inbox.document.delivered', 'success', {
          documentId: stored.id,
          kind: request.kind,
          notice,
          print: print === null ? null : printFormatFor(recipient),
        }),
        trx,
      );
      return { documentId: stored.id, created: true, route: { notice, print } };
    },

    async deliver(personId, request) {
      const recipient = await deps.recipients.recipientOf(personId, request.context);
      if (!recipient) return null;
      // Read before the transaction: PGlite has one connection.
      const copies = await copyRecipients(personId, request, await actingFor([{ personId, request }]));
      return db.transaction().execute(async (trx) => {
        const delivered = await service.deliverWithin(trx, recipient, request);
        if (delivered.created)
          for (const copy of copies) await deliverCopy(trx, recipient, copy, request, delivered.documentId);
        return delivered;
      });
    },

    async deliverMany(items) {
      const prepared = await prepareMany(items);
      // Reminders go one by one: their notices wait out a daily limit per person.
      const bulk = prepared.filter(
        (item): item is Prepared => item !== null && item.request.kind !== 'reminder',
      );
      const composed = await composeLetters(bulkStore, bulk);
      return db.transaction().execute(async (trx) => {
        const stored = new Map(
          (await storeLetters(trx, bulkStore, composed)).map((one, i) => [bulk[i], one] as const),
        );
        const delivered: (Delivered | null)[] = [];
        for (const item of prepared) {
          if (!item) {
            delivered.push(null);
            continue;
          }
          const one = stored.get(item) ?? (await service.deliverWithin(trx, item.recipient, item.request));
          if (one.created)
            for (const copy of item.copies)
              await deliverCopy(trx, item.recipient, copy, item.request, one.documentId);
          delivered.push(one);
        }
        return delivered;
      });
    },

    async list(personId, search) {
      const all = await summaries(await listDocuments(db, personId));
      const words = (search ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean);
      const found = words.length === 0 ? all : all.filter((document) => matches(document, words));
      return found.map(({ letter: _letter, ...summary }) => summary);
    },

    async open(personId, documentId, context) {
      const row = await findDocument(db, personId, documentId);
      if (!row) {
        await audit.record(auditEntry(context, personId, 'inbox.document.read', 'denied', { documentId }));
        return null;
      }
      const at = clock();
      await db.transaction().execute(async (trx) => {
        const first = await markRead(trx, row.id, at);
        await audit.record(
          auditEntry(context, personId, 'inbox.document.read', 'success', { documentId, first }),
          trx,
        );
      });
      const [opened] = await summaries([{ ...row, read_at: row.read_at ?? at }]);
      return opened ?? null;
    },

    async download(personId, documentId, file, context) {
      const row = await findDocument(db, personId, documentId);
      await audit.record(
        auditEntry(context, personId, 'inbox.document.downloaded', row ? 'success' : 'denied', {
          documentId,
          file,
        }),
      );
      if (!row) return null;
      const { format } = DOCUMENT_FILES[file];
      return { body: await renderLetter(letterOf(row), format), mediaType: LETTER_FILES[format].mediaType };
    },

    async unreadCount(personId) {
      const row = await db
        .selectFrom('person_document')
        .select((eb) => eb.fn.countAll<string>().as('unread'))
        .where('person_id', '=', personId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(row?.unread ?? 0);
    },

    notices: (personId) => noticesOf(db, personId),
  };
  return service;
}
