import type { AccessContext } from '../platform/audit/access-context.ts';
import type { Letter } from '../platform/documents/letter.ts';
import type { InboxService, Recipient } from './inbox.service.ts';

/**
 * Something a person has to do, and by when (issue #17 item 6): a draft application about to expire,
 * information we asked for and have not received, a review deadline, a bank return.
 */
export interface DueReminder {
  readonly personId: string;
  /** Names this reminder once (`draft-expiring:<draft id>`): the same key never reminds twice. */
  readonly key: string;
  readonly caseId?: string | null;
  /** The reminder as a letter in the recipient's language; it may name the deadline, it stays in the inbox. */
  readonly compose: (recipient: Recipient) => Letter;
}

/** A capability that knows deadlines lists the reminders due at a moment; the inbox sends them. */
export interface ReminderSource {
  readonly name: string;
  due(now: Date): Promise<readonly DueReminder[]>;
}

export interface ReminderRun {
  /** Reminders stored and noticed for the first time, by source. */
  readonly sent: Readonly<Record<string, number>>;
  /** Reminders whose key had already reminded (a second run the same day, a retry). */
  readonly alreadySent: number;
}

const REMINDERS: AccessContext = {
  actor: { type: 'system', id: 'inbox-reminders' },
  channel: 'system',
  purpose: 'reminder',
  correlationId: 'inbox-reminders',
};

/**
 * One pass over every source. Each reminder is a document of kind `reminder` (so the inbox keeps it and paper
 * readers get it by mail) whose source key is `reminder:<key>`: a reminder exists once by construction, and
 * the inbox lets at most one reminder notice a day leave for a person (`REMINDER_NOTICE_INTERVAL_MS`).
 */
export async function sendReminders(
  inbox: Pick<InboxService, 'deliver'>,
  sources: readonly ReminderSource[],
  now: Date,
): Promise<ReminderRun> {
  const sent: Record<string, number> = {};
  let alreadySent = 0;
  for (const source of sources) {
    sent[source.name] = 0;
    for (const reminder of await source.due(now)) {
      const delivered = await inbox.deliver(reminder.personId, {
        kind: 'reminder',
        sourceKey: `reminder:${reminder.key}`,
        caseId: reminder.caseId ?? null,
        compose: reminder.compose,
        context: { ...REMINDERS, correlationId: reminder.key },
      });
      if (delivered?.created) sent[source.name] = (sent[source.name] ?? 0) + 1;
      else if (delivered) alreadySent += 1;
    }
  }
  return { sent, alreadySent };
}
