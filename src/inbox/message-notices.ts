import type { AccessContext } from '../platform/audit/access-context.ts';
import { noticeChannelFor } from './inbox.service.ts';
import type { RecipientDirectory } from './inbox.service.ts';

/**
 * Who, besides the person, reads the person's conversations on a day: the representatives whose authorisation
 * in force shows the person's file (the root builds it over applications' representatives, as for copies).
 */
export interface ConversationReaders {
  actingFor(personId: string, onDate: string): Promise<readonly { representativeId: string }[]>;
}

export interface AnswerNotice {
  readonly personId: string;
  readonly channel: 'email' | 'sms';
  readonly representative: boolean;
}

/**
 * Everyone to tell of a staff answer, by the channel each chose: the person, then each representative who can
 * see the thread. Never paper: the message itself stays in Guichet and is read when they next sign in.
 */
export async function answerNotices(
  recipients: RecipientDirectory,
  readers: ConversationReaders | undefined,
  personId: string,
  onDate: string,
  context: AccessContext,
): Promise<AnswerNotice[]> {
  const representatives = readers ? await readers.actingFor(personId, onDate) : [];
  const people = [
    { personId, representative: false },
    ...[...new Set(representatives.map((entry) => entry.representativeId))]
      .filter((id) => id !== personId)
      .map((id) => ({ personId: id, representative: true })),
  ];
  const notices: AnswerNotice[] = [];
  for (const someone of people) {
    const recipient = await recipients.recipientOf(someone.personId, context);
    const channel = recipient ? noticeChannelFor({ ...recipient, prefersPaper: false }) : null;
    if (channel) notices.push({ ...someone, channel });
  }
  return notices;
}
