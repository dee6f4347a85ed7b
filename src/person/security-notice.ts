import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { Letter } from '../platform/documents/letter.ts';
import { createI18n } from '../platform/i18n/i18n.ts';
import type { I18n, Lang, Translator } from '../platform/i18n/i18n.ts';
import * as repo from './person.repository.ts';

/**
 * A security notice after a sensitive change (ASVS 6.3.7): a letter for the person's inbox, and where to
 * announce it, which is the contact point the person had BEFORE the change. Neither says what the new email,
 * number or bank account is: only that something changed, when, and what to do if it was not them.
 */
export interface SecurityNotice {
  readonly personId: string;
  readonly element: 'direct-deposit' | 'contact';
  /** One notice per change: `security-notice:<personId>:<version>`. */
  readonly sourceKey: string;
  readonly lang: Lang;
  /** The previous email or phone number; `mail` (a letter) when there was neither. */
  readonly previous:
    { readonly channel: 'email' | 'sms'; readonly to: string } | { readonly channel: 'mail' };
  /** Name and mailing address lines for the envelope window; null without an address on file. */
  readonly addressLines: readonly string[] | null;
  readonly alternateFormats: readonly string[];
  readonly letter: Letter;
}

let texts: I18n | undefined;

/** Reads the record as it is before the change (call it before writing) and writes the notice. */
export async function composeSecurityNotice(
  trx: Transaction<DB>,
  personId: string,
  element: SecurityNotice['element'],
  version: number,
  at: Date,
): Promise<SecurityNotice | null> {
  const person = await repo.findPerson(trx, personId);
  if (!person) return null;
  const contact = await repo.findContact(trx, personId);
  const addresses = await repo.listAddresses(trx, personId);
  const address =
    addresses.find((a) => a.kind === 'mailing' && a.effective_to === null) ??
    addresses.find((a) => a.effective_to === null);
  const name = `${person.given_name} ${person.family_name}`;
  const addressLines = address
    ? [
        name,
        address.line1,
        ...(address.line2 ? [address.line2] : []),
        `${address.city} ${address.province_code}  ${address.postal_code}`.toLocaleUpperCase('en-CA'),
      ]
    : null;
  const previous: SecurityNotice['previous'] = contact?.email
    ? { channel: 'email', to: contact.email }
    : contact?.phone
      ? { channel: 'sms', to: contact.phone }
      : { channel: 'mail' };
  if (previous.channel === 'mail' && addressLines === null) return null; // nowhere to tell them
  const lang: Lang = person.preferred_language === 'fr' ? 'fr' : 'en';
  texts ??= createI18n([new URL('./locales/', import.meta.url)]);
  const t = texts.translator(lang);
  return {
    personId,
    element,
    sourceKey: `security-notice:${personId}:${version}`,
    lang,
    previous,
    addressLines,
    alternateFormats: contact?.alternate_formats ?? [],
    letter: securityLetter(t, element, at, addressLines ?? [name], `SEC-${version}`),
  };
}

function securityLetter(
  t: Translator,
  element: SecurityNotice['element'],
  at: Date,
  recipient: readonly string[],
  reference: string,
): Letter {
  const k = (key: string) => `security-notice.${key}`;
  return {
    lang: t.lang,
    title: t.t(k(`title.${element}`)),
    letterhead: {
      agency: t.t(k('agency')),
      lines: [t.t(k('agencyLine1')), t.t(k('agencyLine2')), t.t(k('phone'))],
    },
    date: { label: t.t(k('date')), value: t.date(at) },
    reference: { label: t.t(k('reference')), value: reference },
    recipient,
    heading: t.t(k(`title.${element}`)),
    sections: [
      {
        heading: t.t(k('whatHappened')),
        blocks: [{ kind: 'paragraph', text: t.t(k(`changed.${element}`), { when: t.dateTime(at) }) }],
      },
      {
        heading: t.t(k('notYou')),
        blocks: [{ kind: 'paragraph', text: t.t(k('notYouText'), { phone: t.t(k('phone')) }) }],
      },
    ],
    rights: { heading: t.t(k('rights')), blocks: [{ kind: 'paragraph', text: t.t(k('rightsText')) }] },
    closing: { text: t.t(k('closing')), signatory: t.t(k('signatory')), role: t.t(k('role')) },
    labels: { separator: t.t(k('separator')), page: t.t(k('page')) },
  };
}
