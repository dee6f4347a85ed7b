import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { Letter } from '../platform/documents/letter.ts';
import type { InboxService } from './inbox.service.ts';
import type { NoticeGateway } from './notice-sender.ts';
import { PermanentNoticeError } from './notice-sender.ts';
import {
  finishSecurityNotice,
  leaseDueSecurityNotices,
  queueSecurityNotice,
  retrySecurityNotice,
} from './security-notice.repository.ts';

/** A security notice as the inbox receives it (the person module writes it; the root hands it over). */
export interface SecurityNoticeRequest {
  readonly personId: string;
  readonly sourceKey: string;
  readonly lang: Lang;
  readonly previous:
    { readonly channel: 'email' | 'sms'; readonly to: string } | { readonly channel: 'mail' };
  readonly addressLines: readonly string[] | null;
  readonly alternateFormats: readonly string[];
  readonly letter: Letter;
}

export interface SecurityNotices {
  /**
   * Inside the change's transaction: the letter goes into the person's inbox, and a notice to the PREVIOUS
   * email or phone is queued (or, with neither, the letter is printed and mailed). Once per source key.
   */
  deliverWithin(trx: Transaction<DB>, request: SecurityNoticeRequest, context: AccessContext): Promise<void>;
  /** Sends the queued notices that are due; the server runs it every few seconds. */
  sendDue(): Promise<{ sent: number; retrying: number; abandoned: number }>;
  start(): void;
  stop(): Promise<void>;
}

export interface SecurityNoticeDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly cipher: FieldCipher;
  readonly inbox: Pick<InboxService, 'deliverWithin'>;
  readonly gateway: NoticeGateway;
  /** The inbox page in the person's language: the notice says there is a letter, and nothing else. */
  readonly linkFor: (lang: Lang) => string;
  readonly clock: () => Date;
  readonly options?: { maxAttempts?: number; retryMs?: number; leaseMs?: number; pollMs?: number };
}

const SYSTEM: AccessContext = {
  actor: { type: 'system', id: 'security-notices' },
  channel: 'system',
  purpose: 'security-notice',
  correlationId: 'security-notices',
};

export function createSecurityNotices(deps: SecurityNoticeDependencies): SecurityNotices {
  const { db, audit, cipher, clock } = deps;
  const { maxAttempts = 8, retryMs = 60_000, leaseMs = 120_000, pollMs = 2_000 } = deps.options ?? {};
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function sendOne(row: Awaited<ReturnType<typeof leaseDueSecurityNotices>>[number]) {
    if (row.to_cipher === null) return 'abandoned' as const;
    try {
      const sent = await deps.gateway.send(
        {
          kind: 'new-document',
          channel: row.channel,
          to: cipher.decrypt(row.to_cipher),
          lang: row.lang,
          reference: row.id,
          link: deps.linkFor(row.lang),
        },
        row.attempts > 1,
      );
      await finishSecurityNotice(db, row.id, { status: 'sent', notifyId: sent.notifyId });
      return 'sent' as const;
    } catch (error) {
      if (error instanceof PermanentNoticeError || row.attempts >= maxAttempts) {
        await finishSecurityNotice(db, row.id, { status: 'abandoned' });
        return 'abandoned' as const;
      }
      await retrySecurityNotice(db, row.id, new Date(clock().getTime() + retryMs * 2 ** (row.attempts - 1)));
      return 'retrying' as const;
    }
  }

  const notices: SecurityNotices = {
    async deliverWithin(trx, request, context) {
      const paper = request.previous.channel === 'mail';
      await deps.inbox.deliverWithin(
        trx,
        {
          personId: request.personId,
          lang: request.lang,
          addressLines: request.addressLines,
          // Never the record's current email or phone: they may be what was just changed.
          email: null,
          phone: null,
          prefersPaper: paper,
          alternateFormats: request.alternateFormats,
        },
        {
          kind: 'account-notice',
          sourceKey: request.sourceKey,
          compose: () => request.letter,
          context,
          ...(paper ? {} : { ownNotice: true }),
        },
      );
      if (request.previous.channel === 'mail') return;
      const queued = await queueSecurityNotice(trx, {
        id: randomUUID(),
        person_id: request.personId,
        source_key: request.sourceKey,
        channel: request.previous.channel,
        to_cipher: cipher.encrypt(request.previous.to),
        lang: request.lang,
        status: 'queued',
        attempts: 0,
        next_attempt_at: clock(),
        notify_id: null,
        created_at: clock(),
      });
      if (queued)
        await audit.record(
          {
            actor: { type: 'system', id: 'security-notices' },
            subjectPersonId: request.personId,
            action: 'inbox.security-notice.queued',
            purpose: 'security-notice',
            channel: 'system',
            outcome: 'success',
            correlationId: context.correlationId,
            details: { channel: request.previous.channel },
          },
          trx,
        );
    },
    async sendDue() {
      const now = clock();
      const rows = await leaseDueSecurityNotices(db, now, new Date(now.getTime() + leaseMs), 50);
      const run = { sent: 0, retrying: 0, abandoned: 0 };
      for (const row of rows) {
        const outcome = await sendOne(row);
        run[outcome] += 1;
        await audit.record({
          ...{ actor: SYSTEM.actor, purpose: SYSTEM.purpose, channel: SYSTEM.channel },
          subjectPersonId: row.person_id,
          action: `inbox.security-notice.${outcome}`,
          outcome: outcome === 'abandoned' ? 'failure' : 'success',
          correlationId: row.id,
          details: { noticeId: row.id, channel: row.channel },
        });
      }
      return run;
    },
    start() {
      if (timer) return;
      timer = setInterval(() => {
        running = running.then(() => notices.sendDue()).catch(() => undefined);
      }, pollMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
  return notices;
}
