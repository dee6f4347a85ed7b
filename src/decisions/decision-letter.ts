import type { Translator } from '../platform/i18n/i18n.ts';
import type { Letter, LetterSection } from '../platform/documents/letter.ts';
import type { LetterRecipient } from './decisions.types.ts';
import { amountText, reasonText } from './explanation.ts';
import type { Explanation } from './explanation.ts';

/**
 * The decision letter in the recipient's language: the reference, what was decided, the amount and from
 * when, why (the reasons and the law), and how and by when to ask for a reconsideration.
 */
export function decisionLetter(
  t: Translator,
  explanation: Explanation,
  programmeName: string,
  recipient: LetterRecipient,
): Letter {
  const approved = explanation.outcome === 'approved';
  const what: LetterSection = {
    heading: t.t('decisions.letter.whatHeading'),
    blocks: [
      {
        kind: 'paragraph',
        text: t.t(approved ? 'decisions.explain.approved' : 'decisions.explain.refused', {
          programme: programmeName,
        }),
      },
      ...(approved && explanation.effectiveFrom
        ? [
            {
              kind: 'table' as const,
              caption: t.t('decisions.explain.amountCaption'),
              headers: [t.t('decisions.explain.item'), t.t('decisions.explain.value')] as const,
              rows: [
                { label: t.t('decisions.explain.amount'), value: amountText(t, explanation) },
                { label: t.t('decisions.explain.from'), value: t.date(explanation.effectiveFrom) },
              ],
            },
          ]
        : []),
      {
        kind: 'paragraph',
        text: t.t(explanation.automated ? 'decisions.explain.automated' : 'decisions.explain.byPerson'),
      },
    ],
  };
  const why: LetterSection = {
    heading: t.t('decisions.letter.whyHeading'),
    blocks: [
      { kind: 'list', ordered: false, items: explanation.reasons.map((code) => reasonText(t, code)) },
      ...(explanation.note ? [{ kind: 'paragraph' as const, text: explanation.note }] : []),
      ...(explanation.citations.length > 0
        ? [
            {
              kind: 'list' as const,
              ordered: false,
              items: explanation.citations.map((c) => `${c.title} (${c.href})`),
            },
          ]
        : []),
    ],
  };
  return {
    lang: t.lang,
    title: t.t('decisions.letter.title', { programme: programmeName }),
    letterhead: { agency: t.t('decisions.letter.agency'), lines: [t.t('decisions.letter.agencyLine')] },
    date: { label: t.t('decisions.letter.date'), value: t.date(explanation.decidedOn) },
    reference: { label: t.t('decisions.letter.reference'), value: explanation.reference },
    recipient:
      recipient.addressLines && recipient.addressLines.length > 0
        ? recipient.addressLines.slice(0, 5)
        : [t.t('decisions.letter.noAddress')],
    heading: t.t('decisions.letter.heading', { programme: programmeName }),
    sections: [what, why],
    rights: {
      heading: t.t('decisions.rights.heading'),
      blocks: [
        { kind: 'paragraph', text: t.t('decisions.rights.text', { date: t.date(explanation.reviewBy) }) },
        { kind: 'paragraph', text: t.t('decisions.rights.how') },
      ],
    },
    closing: {
      text: t.t('decisions.letter.closing'),
      signatory: t.t('decisions.letter.signatory'),
      role: t.t('decisions.letter.role'),
    },
    labels: { separator: t.t('decisions.letter.separator'), page: t.t('decisions.letter.page') },
  };
}
