import type { LabelledValue, Letter, LetterSection } from '../platform/documents/letter.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import type { Address } from '../person/index.ts';
import { formatAddress } from '../person/index.ts';
import type { MyDataSources } from './my-data-export.ts';
import { accessLabels } from './views/privacy.views.ts';
import type { AgencyNames } from './views/privacy.views.ts';

/**
 * "Download my data" as a document: the same sections as the page, laid out by the platform's letter
 * renderer, so the PDF is tagged (PDF/UA), in the page's language, with the Canada.ca body face.
 */
export function myDataLetter(
  t: Translator,
  data: MyDataSources,
  agencies: AgencyNames,
  zone: string,
): Letter {
  const { profile } = data;
  const title = t.t('privacy.myData.pdf.title');
  const none = t.t('person.profile.none');
  return {
    lang: t.lang,
    title,
    letterhead: { agency: t.t('privacy.myData.pdf.agency'), lines: [t.t('privacy.myData.pdf.office')] },
    date: { label: t.t('privacy.myData.pdf.dateLabel'), value: t.date(data.generatedAt) },
    reference: { label: t.t('privacy.myData.pdf.lawLabel'), value: t.t('privacy.myData.pdf.law') },
    recipient: recipientLines(profile.givenName, profile.familyName, profile.currentAddress),
    heading: title,
    sections: [
      intro(t),
      table(t.t('person.profile.identityTitle'), t, [
        row(t.t('person.fields.name'), `${profile.givenName} ${profile.familyName}`),
        row(t.t('person.fields.birthDate'), t.date(profile.birthDate)),
        row(t.t('person.fields.sin'), profile.sin ?? none),
        row(t.t('person.fields.maritalStatus'), t.t(`person.marital.${profile.maritalStatus}`)),
        row(t.t('person.fields.residenceStatus'), t.t(`person.residence.${profile.residenceStatus}`)),
        row(t.t('person.fields.preferredLanguage'), t.t(`person.language.${profile.preferredLanguage}`)),
      ]),
      table(
        t.t('person.profile.addressTitle'),
        t,
        profile.addresses.map((address) =>
          row(
            `${t.t(`person.addressKinds.${address.kind}`)}, ${t.t('privacy.myData.pdf.from', { date: t.date(address.effectiveFrom) })}`,
            formatAddress(address, t),
          ),
        ),
      ),
      table(t.t('person.profile.contactTitle'), t, [
        row(t.t('person.fields.email'), profile.contact.email ?? none),
        row(t.t('person.fields.phone'), profile.contact.phone ?? none),
        row(t.t('person.fields.preferredChannel'), t.t(`person.channel.${profile.contact.preferredChannel}`)),
        row(t.t('person.fields.accessibilityNeeds'), profile.contact.accessibilityNeeds ?? none),
        row(
          t.t('person.fields.alternateFormats'),
          profile.contact.alternateFormats.map((format) => t.t(`person.formats.${format}`)).join(', ') ||
            none,
        ),
        row(
          t.t('person.fields.directDeposit'),
          profile.directDeposit ? t.t('person.profile.depositValue', { ...profile.directDeposit }) : none,
        ),
      ]),
      table(
        t.t('person.changes.title'),
        t,
        data.changes.map((change) =>
          row(
            t.dateTime(change.occurred_at),
            [t.t(`person.elements.${change.element}`), change.reference].filter(Boolean).join(' · '),
          ),
        ),
      ),
      table(
        t.t('exchange.told.title'),
        t,
        data.whoWasTold.map((told) =>
          row(
            `${t.t(`person.elements.${told.element}`)}, ${told.recipient[t.lang]}`,
            told.deliveredAt
              ? t.t('exchange.told.delivered', { when: t.dateTime(told.deliveredAt) })
              : t.t(`exchange.told.status.${told.status}`),
          ),
        ),
      ),
      table(
        t.t('privacy.myData.pdf.consents'),
        t,
        data.consents.map((consent) =>
          row(consent.agencyName[t.lang], t.t(`privacy.myData.pdf.consentState.${consent.state}`)),
        ),
      ),
      table(
        t.t('privacy.accessLog.title'),
        t,
        data.accessLog.map((entry) => {
          const { who, what } = accessLabels(t, entry, agencies);
          return row(t.dateTime(entry.at, zone), t.t('privacy.myData.pdf.accessLine', { who, what }));
        }),
      ),
    ],
    rights: {
      heading: t.t('privacy.myData.pdf.rightsTitle'),
      blocks: [{ kind: 'paragraph', text: t.t('privacy.myData.pdf.rights') }],
    },
    closing: {
      text: t.t('privacy.myData.pdf.closing'),
      signatory: t.t('privacy.myData.pdf.agency'),
      role: t.t('privacy.myData.pdf.office'),
    },
    labels: { separator: t.t('privacy.myData.pdf.separator'), page: t.t('privacy.myData.pdf.page') },
  };
}

function intro(t: Translator): LetterSection {
  return {
    heading: t.t('privacy.myData.pdf.aboutTitle'),
    blocks: [{ kind: 'paragraph', text: t.t('privacy.myData.intro') }],
  };
}

const row = (label: string, value: string): LabelledValue => ({ label, value });

/** A section as a two-column table; an empty one says so rather than showing an empty table. */
function table(heading: string, t: Translator, rows: LabelledValue[]): LetterSection {
  if (rows.length === 0)
    return { heading, blocks: [{ kind: 'paragraph', text: t.t('privacy.myData.pdf.empty') }] };
  const headers = [t.t('privacy.myData.pdf.item'), t.t('privacy.myData.pdf.value')] as const;
  return { heading, blocks: [{ kind: 'table', caption: heading, headers, rows }] };
}

/** Name and home address, as in a window envelope (at most five lines, none empty). */
function recipientLines(given: string, family: string, address: Address | null): string[] {
  const lines = [`${given} ${family}`];
  if (address) {
    lines.push(address.line1);
    if (address.line2) lines.push(address.line2);
    lines.push(`${address.city} ${address.provinceCode}  ${address.postalCode}`);
  }
  return lines;
}
