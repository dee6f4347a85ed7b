import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { Letter } from '../platform/documents/letter.ts';
import { createI18n, PLATFORM_LOCALES } from '../platform/i18n/i18n.ts';
import type { Lang, Translator } from '../platform/i18n/i18n.ts';
import { deleteExpiredDrafts, listDraftsExpiring } from './applications.repository.ts';

/** A draft is reminded this many days before it is deleted (the person was told the date when they saved). */
export const REMINDER_DAYS = 7;
const DAY_MS = 86_400_000;
const LOCALES = new URL('./locales/', import.meta.url);

/** Who a reminder goes to, as the inbox reads it from the record when it is sent. */
export interface ReminderRecipient {
  readonly lang: Lang;
  readonly addressLines: readonly string[] | null;
}

export interface DraftReminder {
  readonly personId: string;
  /** Once per draft and expiry date: a draft saved again (a new date) is reminded again. */
  readonly key: string;
  readonly caseId: string;
  readonly compose: (recipient: ReminderRecipient) => Letter;
}

export interface ExpiringDraft {
  readonly reference: string;
  readonly programmeId: string;
  readonly expiresAt: Date;
  readonly today: Date;
}

/** The reminder as a letter in the recipient's language: which application, the date it goes, what to do. */
export function draftExpiryLetter(
  t: Translator,
  draft: ExpiringDraft,
  programmeName: string,
  recipient: ReminderRecipient,
): Letter {
  const date = t.date(draft.expiresAt.toISOString().slice(0, 10));
  return {
    lang: t.lang,
    title: t.t('applications.expiry.title', { programme: programmeName }),
    letterhead: { agency: t.t('applications.expiry.agency'), lines: [t.t('applications.expiry.agencyLine')] },
    date: { label: t.t('applications.expiry.date'), value: t.date(draft.today.toISOString().slice(0, 10)) },
    reference: { label: t.t('applications.expiry.reference'), value: draft.reference },
    recipient:
      recipient.addressLines && recipient.addressLines.length > 0
        ? recipient.addressLines.slice(0, 5)
        : [t.t('applications.expiry.noAddress')],
    heading: t.t('applications.expiry.heading', { programme: programmeName, date }),
    sections: [
      {
        heading: t.t('applications.expiry.whatHeading'),
        blocks: [
          { kind: 'paragraph', text: t.t('applications.expiry.what', { date }) },
          { kind: 'paragraph', text: t.t('applications.expiry.how') },
        ],
      },
    ],
    rights: {
      heading: t.t('applications.expiry.helpHeading'),
      blocks: [{ kind: 'paragraph', text: t.t('applications.expiry.help') }],
    },
    closing: {
      text: t.t('applications.expiry.closing'),
      signatory: t.t('applications.expiry.signatory'),
      role: t.t('applications.expiry.role'),
    },
    labels: { separator: t.t('applications.expiry.separator'), page: t.t('applications.expiry.page') },
  };
}

/**
 * Drafts expire with notice (ADR 0016): a reminder a week before, through the inbox's reminders, then the
 * expired drafts are deleted with their evidence, each deletion audited.
 */
export function createDraftExpiry(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  programmeName: (programmeId: string, lang: Lang) => Promise<string>;
}) {
  const i18n = createI18n([PLATFORM_LOCALES, LOCALES]);
  return {
    /** The reminders due at `now`: every draft that expires within the coming week. */
    async due(now: Date): Promise<DraftReminder[]> {
      const rows = await listDraftsExpiring(deps.db, now, new Date(now.getTime() + REMINDER_DAYS * DAY_MS));
      const reminders: DraftReminder[] = [];
      for (const row of rows) {
        const names = {
          en: await deps.programmeName(row.programme_id, 'en'),
          fr: await deps.programmeName(row.programme_id, 'fr'),
        };
        const draft = {
          reference: row.reference,
          programmeId: row.programme_id,
          expiresAt: row.expires,
          today: now,
        };
        reminders.push({
          personId: row.person_id,
          key: `draft-expiring:${row.id}:${row.expires.toISOString().slice(0, 10)}`,
          caseId: row.reference,
          compose: (recipient) =>
            draftExpiryLetter(i18n.translator(recipient.lang), draft, names[recipient.lang], recipient),
        });
      }
      return reminders;
    },
    /** Deletes every draft past its date (evidence with it); returns how many. */
    async purge(now: Date): Promise<number> {
      return deps.db.transaction().execute(async (trx) => {
        const deleted = await deleteExpiredDrafts(trx, now);
        for (const row of deleted)
          await deps.audit.record(
            {
              actor: { type: 'system', id: 'applications' },
              subjectPersonId: row.person_id,
              action: 'application.draft-expired',
              purpose: 'retention',
              channel: 'system',
              outcome: 'success',
              correlationId: `draft-expiry:${row.id}`,
              details: { applicationId: row.id, programme: row.programme_id },
            },
            trx,
          );
        return deleted.length;
      });
    },
  };
}

export type DraftExpiry = ReturnType<typeof createDraftExpiry>;
