import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { findNoticeByNotifyId, leaseDueNotices, queueForPrint, updateNotice } from './inbox.repository.ts';
import type { NoticeRow } from './inbox.repository.ts';
import type { NoticeStatus } from './inbox.tables.ts';
import { printFormatFor } from './inbox.service.ts';
import { hasPostalAddress } from './print-hold.ts';
import type { RecipientDirectory } from './inbox.service.ts';

/** What goes to GC Notify: a contact point, the language, the notice's id as reference and a link. Nothing else. */
export interface OutgoingNotice {
  readonly kind: 'new-document' | 'new-message';
  readonly channel: 'email' | 'sms';
  readonly to: string;
  readonly lang: Lang;
  readonly reference: string;
  readonly link: string;
}

/** GC Notify behind Guichet's client (src/platform/notify), as the inbox needs it. */
export interface NoticeGateway {
  send(notice: OutgoingNotice, previouslyAttempted: boolean): Promise<{ notifyId: string }>;
}

/** A failure GC Notify will answer the same way next time (a 400 for a bad address): go to paper at once. */
export class PermanentNoticeError extends Error {}

export interface NoticeRun {
  readonly sent: number;
  readonly retrying: number;
  readonly toPaper: number;
}

export interface NoticeSenderOptions {
  /** How long a leased notice is left alone before another attempt (longer than one send with its retries). */
  readonly leaseMs: number;
  /** After this many attempts the notice is abandoned and the document printed. */
  readonly maxAttempts: number;
  /** Back-off between attempts from the durable queue: base × 2^(attempt−1), capped. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly batchSize: number;
  readonly pollMs: number;
}

export const DEFAULT_NOTICE_SENDER_OPTIONS: NoticeSenderOptions = {
  leaseMs: 120_000,
  maxAttempts: 8,
  retryBaseMs: 60_000,
  retryMaxMs: 3_600_000,
  batchSize: 50,
  pollMs: 2_000,
};

export interface NoticeSender {
  /** One pass over the due notices (the worker loop calls it; tests and the CLI call it directly). */
  sendDue(): Promise<NoticeRun>;
  /** A GC Notify delivery receipt: a final failure sends the document to paper. */
  recordReceipt(notifyId: string, status: string): Promise<'recorded' | 'unknown'>;
  start(): void;
  stop(): Promise<void>;
}

export interface NoticeSenderDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly recipients: RecipientDirectory;
  readonly gateway: NoticeGateway;
  /** The inbox or the messages page in the person's language: the only thing a notice links to. */
  readonly linkFor: (kind: OutgoingNotice['kind'], lang: Lang) => string;
  readonly clock: () => Date;
  readonly options?: Partial<NoticeSenderOptions>;
  readonly onError?: (error: unknown) => void;
}

const SYSTEM: AccessContext = {
  actor: { type: 'system', id: 'inbox-notices' },
  channel: 'system',
  purpose: 'document-notice',
  correlationId: 'inbox-notices',
};

const FINAL_FAILURES: readonly string[] = ['permanent-failure', 'temporary-failure', 'technical-failure'];

/** The next poll; unref'd so that a waiting sender never keeps a stopping process (a CLI, a test) alive. */
function scheduleAfter(ms: number, tick: () => void): NodeJS.Timeout {
  return setTimeout(tick, ms).unref();
}

export function createNoticeSender(deps: NoticeSenderDependencies): NoticeSender {
  const options = { ...DEFAULT_NOTICE_SENDER_OPTIONS, ...deps.options };
  const { db, audit, clock } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function toPaper(notice: NoticeRow, status: NoticeStatus, why: string) {
    const personId = notice.person_id;
    const recipient = await deps.recipients.recipientOf(personId, SYSTEM);
    const at = clock();
    await db.transaction().execute(async (trx) => {
      await updateNotice(trx, notice.id, { status, updated_at: at });
      // A letter goes to paper; a message never leaves Guichet: the person reads it when they next sign in.
      if (notice.document_id)
        await queueForPrint(trx, {
          documentId: notice.document_id,
          format: recipient ? printFormatFor(recipient) : 'standard',
          reason: 'notice-failed',
          at,
          held: !hasPostalAddress(recipient),
        });
      await audit.record(
        {
          actor: SYSTEM.actor,
          subjectPersonId: personId,
          action: 'inbox.notice.failed',
          purpose: SYSTEM.purpose,
          channel: 'system',
          outcome: 'failure',
          correlationId: notice.id,
          details: {
            documentId: notice.document_id,
            messageId: notice.message_id,
            channel: notice.channel,
            why,
            fallback: notice.document_id ? 'paper' : 'none',
          },
        },
        trx,
      );
    });
  }

  async function sendOne(notice: NoticeRow): Promise<keyof NoticeRun> {
    const recipient = await deps.recipients.recipientOf(notice.person_id, SYSTEM);
    const to = notice.channel === 'email' ? recipient?.email : recipient?.phone;
    if (!recipient || !to) {
      await toPaper(notice, 'abandoned', 'no-contact-point');
      return 'toPaper';
    }
    try {
      const { notifyId } = await deps.gateway.send(
        {
          kind: notice.kind,
          channel: notice.channel,
          to,
          lang: recipient.lang,
          reference: notice.id,
          link: deps.linkFor(notice.kind, recipient.lang),
        },
        notice.attempts > 1,
      );
      await db.transaction().execute(async (trx) => {
        await updateNotice(trx, notice.id, { status: 'sent', notify_id: notifyId, updated_at: clock() });
        await audit.record(
          {
            actor: SYSTEM.actor,
            subjectPersonId: notice.person_id,
            // The channel is in the action, so the person's access log says how they were told.
            action: notice.channel === 'email' ? 'inbox.notice.sent-by-email' : 'inbox.notice.sent-by-sms',
            purpose: SYSTEM.purpose,
            channel: 'system',
            outcome: 'success',
            correlationId: notice.id,
            details: {
              documentId: notice.document_id,
              messageId: notice.message_id,
              channel: notice.channel,
            },
          },
          trx,
        );
      });
      return 'sent';
    } catch (error) {
      if (error instanceof PermanentNoticeError || notice.attempts >= options.maxAttempts) {
        await toPaper(
          notice,
          'abandoned',
          error instanceof PermanentNoticeError ? 'refused' : 'retries-exhausted',
        );
        return 'toPaper';
      }
      const wait = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** (notice.attempts - 1));
      await updateNotice(db, notice.id, {
        next_attempt_at: new Date(clock().getTime() + wait),
        updated_at: clock(),
      });
      return 'retrying';
    }
  }

  const sender: NoticeSender = {
    async sendDue() {
      const now = clock();
      const leased = await leaseDueNotices(
        db,
        now,
        new Date(now.getTime() + options.leaseMs),
        options.batchSize,
      );
      const run = { sent: 0, retrying: 0, toPaper: 0 };
      for (const notice of leased) run[await sendOne(notice)] += 1;
      return run;
    },

    async recordReceipt(notifyId, status) {
      const notice = await findNoticeByNotifyId(db, notifyId);
      if (!notice) return 'unknown';
      if (FINAL_FAILURES.includes(status)) {
        await toPaper(notice, status as NoticeStatus, status);
      } else if (status === 'delivered') {
        await updateNotice(db, notice.id, { status: 'delivered', updated_at: clock() });
      }
      return 'recorded';
    },

    start() {
      if (timer) return;
      const tick = () => {
        running = sender
          .sendDue()
          .catch((error: unknown) => deps.onError?.(error))
          .finally(() => {
            if (timer) timer = scheduleAfter(options.pollMs, tick);
          });
      };
      timer = scheduleAfter(options.pollMs, tick);
    },

    async stop() {
      const pending = timer;
      timer = undefined;
      if (pending) clearTimeout(pending);
      await running;
    },
  };
  return sender;
}
