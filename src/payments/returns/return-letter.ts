import type { AccessContext } from '../../platform/audit/access-context.ts';
import type { Letter } from '../../platform/documents/letter.ts';
import type { Lang, Translator } from '../../platform/i18n/i18n.ts';
import type { ReturnNotifier } from '../run/run-ports.ts';

/** Who a letter goes to, as the inbox reads it from the record when it is sent. */
export interface ReturnLetterRecipient {
  readonly lang: Lang;
  readonly addressLines: readonly string[] | null;
}

/** Where the returned-payment letter goes: the root wires the inbox's `deliver` (payments does not know it). */
export interface ReturnLetterPort {
  deliver(
    personId: string,
    request: {
      readonly kind: 'payment-return';
      /** `payment-return:<id>`: one letter per return, however often it is tried. */
      readonly sourceKey: string;
      readonly compose: (recipient: ReturnLetterRecipient) => Letter;
      readonly context: AccessContext;
    },
  ): Promise<unknown>;
}

export interface ReturnedPaymentFacts {
  readonly returnId: string;
  readonly programme: string;
  readonly amountCents: number;
  readonly payDate: string;
  readonly reason: string;
}

/**
 * The letter: which payment came back and why, what to do (update the direct deposit in My profile, or ask
 * for cheques), and that it is paid again in the next run once the details change. The inbox's notice of it
 * (email or SMS) says only that a document arrived.
 */
export function returnLetter(
  t: Translator,
  facts: ReturnedPaymentFacts,
  recipient: ReturnLetterRecipient,
  today: string,
): Letter {
  const k = (key: string, values?: Record<string, string>) => t.t(`payment-returns.letter.${key}`, values);
  return {
    lang: t.lang,
    title: k('title', { programme: facts.programme }),
    letterhead: { agency: k('agency'), lines: [k('agencyLine')] },
    date: { label: k('date'), value: t.date(today) },
    reference: { label: k('reference'), value: facts.returnId.slice(0, 8).toUpperCase() },
    recipient:
      recipient.addressLines && recipient.addressLines.length > 0
        ? recipient.addressLines.slice(0, 5)
        : [k('noAddress')],
    heading: k('heading', { programme: facts.programme }),
    sections: [
      {
        heading: k('whatHeading'),
        blocks: [
          {
            kind: 'paragraph',
            text: k('what', {
              amount: t.money(facts.amountCents),
              programme: facts.programme,
              date: t.date(facts.payDate),
            }),
          },
          { kind: 'paragraph', text: k('why', { reason: t.t(`payment-returns.reasons.${facts.reason}`) }) },
        ],
      },
      {
        heading: k('doHeading'),
        blocks: [
          { kind: 'list', ordered: true, items: [k('do1'), k('do2'), k('do3')] },
          { kind: 'paragraph', text: k('then') },
        ],
      },
    ],
    rights: { heading: k('helpHeading'), blocks: [{ kind: 'paragraph', text: k('help') }] },
    closing: { text: k('closing'), signatory: k('signatory'), role: k('role') },
    labels: { separator: k('separator'), page: k('page') },
  };
}

const SYSTEM_CONTEXT = (returnId: string): AccessContext => ({
  actor: { type: 'system', id: 'payments-returns', role: null },
  channel: 'system',
  purpose: 'payment-return',
  correlationId: `payment-return:${returnId}`,
});

/** A `ReturnNotifier` that writes the letter in the person's language and delivers it to their inbox. */
export function returnLetters(
  letters: ReturnLetterPort,
  translator: (lang: Lang) => Translator,
  programmeName: (programmeId: string, lang: Lang) => Promise<string>,
  clock: () => Date,
): ReturnNotifier {
  return {
    async paymentReturned(notice) {
      const names = {
        en: await programmeName(notice.programmeId, 'en'),
        fr: await programmeName(notice.programmeId, 'fr'),
      };
      const today = clock().toISOString().slice(0, 10);
      await letters.deliver(notice.personId, {
        kind: 'payment-return',
        sourceKey: `payment-return:${notice.returnId}`,
        compose: (recipient) =>
          returnLetter(
            translator(recipient.lang),
            { ...notice, programme: names[recipient.lang] },
            recipient,
            today,
          ),
        context: SYSTEM_CONTEXT(notice.returnId),
      });
    },
  };
}
