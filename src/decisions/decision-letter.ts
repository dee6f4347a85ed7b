import type { Translator } from '../platform/i18n/i18n.ts';
import type { Letter } from '../platform/documents/letter.ts';
import type { LetterRecipient } from './decisions.types.ts';
import type { Explanation } from './explanation.ts';
import { amountTable, decidedBy, whySection } from './letter-sections.ts';
import type { LetterWording } from './letter-sections.ts';
import { reviewWording } from './review-letter.ts';

/**
 * The decision letter in the recipient's language: the reference, what was decided, the amount and from
 * when, why (the reasons and the law), and how and by when to ask for a reconsideration. A decision on a review
 * a change of circumstance opened has its own wording (what changed, whether the benefit continues or stops).
 */
export function decisionLetter(
  t: Translator,
  explanation: Explanation,
  programmeName: string,
  recipient: LetterRecipient,
): Letter {
  const wording = explanation.review
    ? reviewWording(t, explanation, explanation.review, programmeName)
    : applicationWording(t, explanation, programmeName);
  return {
    lang: t.lang,
    title: wording.title,
    letterhead: { agency: t.t('decisions.letter.agency'), lines: [t.t('decisions.letter.agencyLine')] },
    date: { label: t.t('decisions.letter.date'), value: t.date(explanation.decidedOn) },
    reference: { label: t.t('decisions.letter.reference'), value: explanation.reference },
    recipient:
      recipient.addressLines && recipient.addressLines.length > 0
        ? recipient.addressLines.slice(0, 5)
        : [t.t('decisions.letter.noAddress')],
    heading: wording.heading,
    sections: [...wording.before, whySection(t, explanation)],
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

function applicationWording(t: Translator, explanation: Explanation, programme: string): LetterWording {
  const approved = explanation.outcome === 'approved';
  const text = t.t(approved ? 'decisions.explain.approved' : 'decisions.explain.refused', { programme });
  return {
    title: t.t('decisions.letter.title', { programme }),
    heading: t.t('decisions.letter.heading', { programme }),
    before: [
      {
        heading: t.t('decisions.letter.whatHeading'),
        blocks: [{ kind: 'paragraph', text }, ...amountTable(t, explanation), decidedBy(t, explanation)],
      },
    ],
  };
}
