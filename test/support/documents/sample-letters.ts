import type { Lang } from '../../../src/platform/i18n/i18n.ts';
import type { Letter } from '../../../src/platform/documents/letter.ts';

// A fictitious decision letter in both languages, for tests and for showing the formats in development.
// The amounts are made up; real letters take theirs from the decision.

const money = (cents: number, lang: Lang) =>
  new Intl.NumberFormat(`${lang}-CA`, { style: 'currency', currency: 'CAD' }).format(cents / 100);
const day = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(`${lang}-CA`, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

export function sampleLetter(lang: Lang): Letter {
  return SAMPLES[lang]();
}

function englishSample(): Letter {
  return {
    lang: 'en',
    title: 'Decision on your Canada child benefit application',
    letterhead: {
      agency: 'Guichet demonstration agency',
      lines: ['PO Box 1234, Station A', 'Ottawa ON  K1A 0A1', '1-800-555-0199'],
    },
    date: { label: 'Date', value: day('2026-11-02', 'en') },
    reference: { label: 'Our reference', value: 'CCB-7KQ4-M2XH' },
    recipient: ['ALEX SAMPLE', '123 MAIN ST APT 4', 'GATINEAU QC  J8X 1A1'],
    heading: 'Decision on your Canada child benefit application',
    sections: [
      {
        heading: 'What we decided',
        blocks: [
          { kind: 'paragraph', text: 'Your application for the Canada child benefit was approved.' },
          {
            kind: 'table',
            caption: 'Your benefit',
            headers: ['Item', 'Amount or date'],
            rows: [
              { label: 'Monthly amount', value: money(64_250, 'en') },
              { label: 'First payment', value: day('2026-11-20', 'en') },
            ],
          },
        ],
      },
      {
        heading: 'Why',
        blocks: [
          {
            kind: 'paragraph',
            text: 'We used the information on your application and your 2025 tax return.',
          },
          {
            kind: 'list',
            ordered: false,
            items: [
              'One child under 6 lives with you.',
              'Your adjusted family net income is under the threshold.',
            ],
          },
        ],
      },
    ],
    rights: {
      heading: 'If you disagree',
      blocks: [
        {
          kind: 'paragraph',
          text: 'You can ask us to review this decision within 90 days of the date of this letter.',
        },
        {
          kind: 'list',
          ordered: true,
          items: ['Sign in to My Guichet.', 'Open this letter.', 'Choose "Ask for a review".'],
        },
      ],
    },
    closing: { text: 'Sincerely,', signatory: 'Jordan Example', role: 'Director, Benefit Programs' },
    labels: { separator: ': ', page: 'Page {page} of {total}' },
  };
}

function frenchSample(): Letter {
  return {
    lang: 'fr',
    title: 'Décision sur votre demande d’allocation canadienne pour enfants',
    letterhead: {
      agency: 'Agence de démonstration Guichet',
      lines: ['CP 1234, succursale A', 'Ottawa ON  K1A 0A1', '1-800-555-0199'],
    },
    date: { label: 'Date', value: day('2026-11-02', 'fr') },
    reference: { label: 'Notre référence', value: 'CCB-7KQ4-M2XH' },
    recipient: ['ALEX EXEMPLE', '123 RUE PRINCIPALE APP 4', 'GATINEAU QC  J8X 1A1'],
    heading: 'Décision sur votre demande d’allocation canadienne pour enfants',
    sections: [
      {
        heading: 'Ce que nous avons décidé',
        blocks: [
          { kind: 'paragraph', text: 'Votre demande d’allocation canadienne pour enfants est approuvée.' },
          {
            kind: 'table',
            caption: 'Votre prestation',
            headers: ['Élément', 'Montant ou date'],
            rows: [
              { label: 'Montant mensuel', value: money(64_250, 'fr') },
              { label: 'Premier paiement', value: day('2026-11-20', 'fr') },
            ],
          },
        ],
      },
      {
        heading: 'Pourquoi',
        blocks: [
          {
            kind: 'paragraph',
            text: 'Nous avons utilisé les renseignements de votre demande et votre déclaration de revenus de 2025.',
          },
          {
            kind: 'list',
            ordered: false,
            items: [
              'Un enfant de moins de 6 ans vit avec vous.',
              'Le revenu familial net rajusté est sous le seuil.',
            ],
          },
        ],
      },
    ],
    rights: {
      heading: 'Si vous n’êtes pas d’accord',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Vous pouvez nous demander de réviser cette décision dans les 90 jours suivant la date de cette lettre.',
        },
        {
          kind: 'list',
          ordered: true,
          items: [
            'Ouvrez une session dans Mon Guichet.',
            'Ouvrez cette lettre.',
            'Choisissez « Demander une révision ».',
          ],
        },
      ],
    },
    closing: {
      text: 'Veuillez agréer nos salutations distinguées.',
      signatory: 'Jordan Exemple',
      role: 'Directrice, Programmes de prestations',
    },
    labels: { separator: '\u00a0: ', page: 'Page {page} de {total}' },
  };
}

const SAMPLES: Record<Lang, () => Letter> = { en: englishSample, fr: frenchSample };
