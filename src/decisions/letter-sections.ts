import type { Translator } from '../platform/i18n/i18n.ts';
import type { LetterBlock, LetterSection } from '../platform/documents/letter.ts';
import { amountText, citationFor, reasonText } from './explanation.ts';
import type { Explanation } from './explanation.ts';

/** What differs between an application's letter and a review's: the title, the heading and what comes before why. */
export interface LetterWording {
  readonly title: string;
  readonly heading: string;
  readonly before: readonly LetterSection[];
}

/** The amount and the day it starts, as a table (an approval, or a benefit that continues at a new amount). */
export function amountTable(
  t: Translator,
  explanation: Explanation,
  fromLabel = 'decisions.explain.from',
): LetterBlock[] {
  if (explanation.outcome !== 'approved' || !explanation.effectiveFrom) return [];
  return [
    {
      kind: 'table',
      caption: t.t('decisions.explain.amountCaption'),
      headers: [t.t('decisions.explain.item'), t.t('decisions.explain.value')],
      rows: [
        { label: t.t('decisions.explain.amount'), value: amountText(t, explanation) },
        { label: t.t(fromLabel), value: t.date(explanation.effectiveFrom) },
      ],
    },
  ];
}

/** Who decided: the rules alone, or an adjudicator. */
export function decidedBy(t: Translator, explanation: Explanation): LetterBlock {
  return {
    kind: 'paragraph',
    text: t.t(explanation.automated ? 'decisions.explain.automated' : 'decisions.explain.byPerson'),
  };
}

/** Why: the reasons, the adjudicator's explanation, and the law cited. */
export function whySection(t: Translator, explanation: Explanation): LetterSection {
  return {
    heading: t.t('decisions.letter.whyHeading'),
    blocks: [
      { kind: 'list', ordered: false, items: explanation.reasons.map((code) => reasonText(t, code)) },
      ...(explanation.note ? [{ kind: 'paragraph' as const, text: explanation.note }] : []),
      ...(explanation.citations.length > 0
        ? [
            {
              kind: 'list' as const,
              ordered: false,
              items: explanation.citations.map((c) => {
                const shown = citationFor(t, c);
                const note = shown.otherLanguage ? ` ${t.t('decisions.explain.pageInOtherLanguage')}` : '';
                return `${shown.title} (${shown.href})${note}`;
              }),
            },
          ]
        : []),
    ],
  };
}
