import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { Letter } from '../platform/documents/letter.ts';
import { retainUntil } from './document-kinds.ts';
import type { PrintFormat, PrintReason } from './inbox.tables.ts';
import { insertDocumentNotices, insertDocuments, queueManyForPrint } from './inbox.repository.ts';
import { hasPostalAddress } from './print-hold.ts';
import type { Delivered, DeliveryRequest, Recipient } from './inbox.service.ts';

export interface Route {
  readonly notice: 'email' | 'sms' | null;
  readonly print: PrintReason | null;
  readonly format: PrintFormat;
}

/** A letter of a batch, written and encrypted before the batch's transaction opens. */
export interface ComposedLetter {
  readonly recipient: Recipient;
  readonly request: DeliveryRequest;
  readonly letter: Letter;
  readonly letterCipher: string;
  readonly route: Route;
}

export interface BulkStore {
  readonly cipher: FieldCipher;
  readonly audit: AuditService;
  readonly clock: () => Date;
  readonly route: (recipient: Recipient, request: DeliveryRequest) => Route;
}

/** Writes each letter in its recipient's language and encrypts them together (on the crypto workers). */
export async function composeLetters(
  store: BulkStore,
  items: readonly { recipient: Recipient; request: DeliveryRequest }[],
): Promise<ComposedLetter[]> {
  const letters = items.map(({ recipient, request }) => request.compose(recipient));
  const ciphers = await store.cipher.encryptMany(letters.map((letter) => JSON.stringify(letter)));
  return items.map(({ recipient, request }, i) => ({
    recipient,
    request,
    letter: letters[i] as Letter,
    letterCipher: ciphers[i] ?? '',
    route: store.route(recipient, request),
  }));
}

/**
 * What `deliverWithin` does for one letter, for a batch in four statements: the documents, their notices,
 * their print entries and the audit entries, each one multi-row. A source that already delivered (or that
 * comes twice in the batch) stores nothing new. Not for reminders, whose notices wait out a daily limit.
 */
export async function storeLetters(
  trx: Transaction<DB>,
  store: BulkStore,
  letters: readonly ComposedLetter[],
): Promise<Delivered[]> {
  const at = store.clock();
  const first = new Map<string, ComposedLetter>();
  for (const item of letters) if (!first.has(item.request.sourceKey)) first.set(item.request.sourceKey, item);
  const stored = await insertDocuments(
    trx,
    [...first.values()].map((item) => ({
      id: randomUUID(),
      person_id: item.recipient.personId,
      case_id: item.request.caseId ?? null,
      kind: item.request.kind,
      lang: item.letter.lang,
      letter_cipher: item.letterCipher,
      source_key: item.request.sourceKey,
      delivery: item.route.print === null ? ('online' as const) : ('paper' as const),
      created_at: at,
      retain_until: retainUntil(item.request.kind, at),
    })),
  );
  const created = [...first.values()].flatMap((item) => {
    const document = stored.get(item.request.sourceKey);
    return document?.created ? [{ item, documentId: document.id }] : [];
  });
  await insertDocumentNotices(
    trx,
    created.flatMap(({ item, documentId }) =>
      item.route.notice
        ? [
            {
              id: randomUUID(),
              personId: item.recipient.personId,
              documentId,
              channel: item.route.notice,
              at,
            },
          ]
        : [],
    ),
  );
  await queueManyForPrint(
    trx,
    created.flatMap(({ item, documentId }) =>
      item.route.print
        ? [
            {
              documentId,
              format: item.route.format,
              reason: item.route.print,
              at,
              held: !hasPostalAddress(item.recipient),
            },
          ]
        : [],
    ),
  );
  await store.audit.recordMany(
    created.map(({ item, documentId }) =>
      auditEntry(item.request.context, item.recipient.personId, 'inbox.document.delivered', 'success', {
        documentId,
        kind: item.request.kind,
        notice: item.route.notice,
        print: item.route.print === null ? null : item.route.format,
      }),
    ),
    trx,
  );
  const isNew = new Set(created.map(({ item }) => item));
  return letters.map((item) => {
    const id = stored.get(item.request.sourceKey)?.id ?? '';
    return isNew.has(item)
      ? { documentId: id, created: true, route: { notice: item.route.notice, print: item.route.print } }
      : { documentId: id, created: false, route: { notice: null, print: null } };
  });
}
