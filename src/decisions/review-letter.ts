import type { Translator } from '../platform/i18n/i18n.ts';
import type { Explanation, ReviewOrigin } from './explanation.ts';
import { amountTable, decidedBy } from './letter-sections.ts';
import type { LetterWording } from './letter-sections.ts';

/** What changed, in words: the cause recorded on the case (`decisions.review.kinds.*`), or a change in general. */
export function reviewChanged(t: Translator, review: ReviewOrigin, programme: string): string {
  const key = `decisions.review.kinds.${review.kind}`;
  const cause = t.has(key) ? t.t(key) : t.t('decisions.review.kinds.other');
  return t.t('decisions.review.letter.changed', { cause, programme });
}

/** The outcome of a review in one sentence: the benefit continues at the new amount, or stops, from that day. */
export function reviewOutcome(
  t: Translator,
  explanation: Explanation,
  review: ReviewOrigin,
  programme: string,
): string {
  const key =
    explanation.outcome === 'approved'
      ? 'decisions.review.letter.continues'
      : 'decisions.review.letter.stops';
  return t.t(key, { programme, date: t.date(explanation.effectiveFrom ?? review.from) });
}

/**
 * A decision on a review a change of circumstance opened (there was no application): what changed, what we
 * decided (the benefit continues at a new amount from a date, or stops from that date), then why and the rights
 * as every decision letter has them.
 */
export function reviewWording(
  t: Translator,
  explanation: Explanation,
  review: ReviewOrigin,
  programme: string,
): LetterWording {
  const stops = explanation.outcome !== 'approved';
  return {
    title: t.t('decisions.review.letter.title', { programme }),
    heading: t.t('decisions.review.letter.heading', { programme }),
    before: [
      {
        heading: t.t('decisions.review.letter.changedHeading'),
        blocks: [
          { kind: 'paragraph', text: reviewChanged(t, review, programme) },
          { kind: 'paragraph', text: t.t('decisions.review.letter.asOf', { date: t.date(review.from) }) },
        ],
      },
      {
        heading: t.t('decisions.letter.whatHeading'),
        blocks: [
          { kind: 'paragraph', text: reviewOutcome(t, explanation, review, programme) },
          ...(stops
            ? [{ kind: 'paragraph' as const, text: t.t('decisions.review.letter.lastPayment') }]
            : amountTable(t, explanation, 'decisions.review.letter.newAmountFrom')),
          decidedBy(t, explanation),
        ],
      },
    ],
  };
}
