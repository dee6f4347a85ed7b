import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Letter } from '../../platform/documents/letter.ts';

export interface ProgrammeChange {
  readonly programmeId: string;
  readonly periodKind: 'month' | 'biweekly';
  /** Cents per period in force the day before the benefit year, null if none. */
  readonly beforeCents: number | null;
  /** Cents per period from the first day of the benefit year, null if it ended. */
  readonly afterCents: number | null;
}

export interface RedeterminationNotice {
  readonly year: number;
  readonly changes: readonly ProgrammeChange[];
  readonly review: boolean;
  readonly names: (programmeId: string) => string;
  readonly addressLines: readonly string[] | null;
  readonly today: Date;
}

/** Days a person has to ask for a reconsideration (Income Tax Act s. 165(1) and OAS Act s. 27.1(1): 90 days). */
const RECONSIDERATION_DAYS = 90;

function changeText(t: Translator, change: ProgrammeChange): string {
  const money = (cents: number | null) =>
    cents === null ? t.t('redetermination.letter.none') : t.money(cents);
  if (change.afterCents === null)
    return t.t('redetermination.letter.ended', { before: money(change.beforeCents) });
  if (change.beforeCents === change.afterCents)
    return t.t('redetermination.letter.same', { amount: money(change.afterCents) });
  return t.t('redetermination.letter.changed', {
    before: money(change.beforeCents),
    after: money(change.afterCents),
  });
}

/** The July letter: what each income-tested benefit pays from July and why, and how to disagree. */
export function redeterminationLetter(t: Translator, notice: RedeterminationNotice): Letter {
  const year = String(notice.year);
  const baseYear = String(notice.year - 1);
  const nextYear = String(notice.year + 1);
  const today = notice.today.toISOString().slice(0, 10);
  const reviewBy = new Date(notice.today.getTime() + RECONSIDERATION_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return {
    lang: t.lang,
    title: t.t('redetermination.letter.title', { year, next: nextYear }),
    letterhead: { agency: t.t('decisions.letter.agency'), lines: [t.t('decisions.letter.agencyLine')] },
    date: { label: t.t('decisions.letter.date'), value: t.date(today) },
    reference: { label: t.t('decisions.letter.reference'), value: `R${year}` },
    recipient:
      notice.addressLines && notice.addressLines.length > 0
        ? notice.addressLines.slice(0, 5)
        : [t.t('decisions.letter.noAddress')],
    heading: t.t('redetermination.letter.heading', { year, next: nextYear }),
    sections: [
      {
        heading: t.t('redetermination.letter.whatHeading'),
        blocks: [
          {
            kind: 'table',
            caption: t.t('redetermination.letter.caption', { date: t.date(`${year}-07-01`) }),
            headers: [t.t('redetermination.letter.benefit'), t.t('redetermination.letter.amount')],
            rows: notice.changes.map((change) => ({
              label: notice.names(change.programmeId),
              value: changeText(t, change),
            })),
          },
          ...(notice.review
            ? [{ kind: 'paragraph' as const, text: t.t('redetermination.letter.review') }]
            : []),
        ],
      },
      {
        heading: t.t('redetermination.letter.whyHeading'),
        blocks: [
          {
            kind: 'paragraph',
            text: t.t('redetermination.letter.why', { base: baseYear, year, next: nextYear }),
          },
          { kind: 'paragraph', text: t.t('redetermination.letter.wrongIncome', { base: baseYear }) },
        ],
      },
    ],
    rights: {
      heading: t.t('decisions.rights.heading'),
      blocks: [
        { kind: 'paragraph', text: t.t('decisions.rights.text', { date: t.date(reviewBy) }) },
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
