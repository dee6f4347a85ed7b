import { createI18n, PLATFORM_LOCALES } from '../platform/i18n/i18n.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import type { Letter } from '../platform/documents/letter.ts';
import type { Recipient } from './inbox.service.ts';

const i18n = createI18n([PLATFORM_LOCALES, new URL('./locales/', import.meta.url)]);

export type ReminderLetterKind = 'informationRequested' | 'reviewDeadline' | 'bankReturn';

/** What a reminder letter says, as final values: the letter translates its own words. */
export interface ReminderLetterFacts {
  readonly kind: ReminderLetterKind;
  readonly programme: { readonly en: string; readonly fr: string };
  readonly reference: string;
  /** The day the letter is about: the request's date, the reconsideration deadline, the payment's date. */
  readonly date: string;
  readonly amountCents?: number;
  /** The day the letter is written (ISO). */
  readonly today: string;
}

/** The envelope and the formalities every letter the inbox writes itself shares. */
export function inboxLetterFrame(
  t: Translator,
  recipient: Pick<Recipient, 'addressLines'>,
  today: string,
  reference: string,
): Pick<Letter, 'lang' | 'letterhead' | 'date' | 'reference' | 'recipient' | 'closing' | 'labels'> {
  return {
    lang: t.lang,
    letterhead: { agency: t.t('inbox.reminders.agency'), lines: [t.t('inbox.reminders.agencyLine')] },
    date: { label: t.t('inbox.reminders.date'), value: t.date(today) },
    reference: { label: t.t('inbox.reminders.reference'), value: reference },
    recipient:
      recipient.addressLines && recipient.addressLines.length > 0
        ? recipient.addressLines.slice(0, 5)
        : [t.t('inbox.reminders.noAddress')],
    closing: {
      text: t.t('inbox.reminders.closing'),
      signatory: t.t('inbox.reminders.signatory'),
      role: t.t('inbox.reminders.role'),
    },
    labels: { separator: t.t('inbox.reminders.separator'), page: t.t('inbox.reminders.page') },
  };
}

/** A reminder in the recipient's language: what we wait for or what is coming, by when, and how to act. */
export function reminderLetter(facts: ReminderLetterFacts, recipient: Recipient): Letter {
  const t = i18n.translator(recipient.lang);
  const key = `inbox.reminders.${facts.kind}`;
  const values = {
    programme: facts.programme[recipient.lang],
    date: t.date(facts.date),
    amount: facts.amountCents === undefined ? '' : t.money(facts.amountCents),
  };
  return {
    ...inboxLetterFrame(t, recipient, facts.today, facts.reference),
    title: t.t(`${key}.title`, values),
    heading: t.t(`${key}.heading`, values),
    sections: [
      {
        heading: t.t(`${key}.whatHeading`),
        blocks: [
          { kind: 'paragraph', text: t.t(`${key}.text`, values) },
          { kind: 'paragraph', text: t.t(`${key}.how`) },
        ],
      },
    ],
    rights: {
      heading: t.t('inbox.reminders.helpHeading'),
      blocks: [{ kind: 'paragraph', text: t.t('inbox.reminders.help') }],
    },
  };
}

/** The representative's copy: the person's letter, opened by a note saying whose it is and why they have it. */
export function copyForRepresentative(
  letter: Letter,
  personName: string | null,
  representativeLang: Recipient['lang'],
  until: string,
): Letter {
  const t = i18n.translator(representativeLang);
  const note = t.t('inbox.copy.text', {
    name: personName ?? t.t('inbox.copy.someone'),
    date: t.date(until),
  });
  return {
    ...letter,
    sections: [
      { heading: t.t('inbox.copy.heading'), blocks: [{ kind: 'paragraph', text: note }] },
      ...letter.sections,
    ],
  };
}
