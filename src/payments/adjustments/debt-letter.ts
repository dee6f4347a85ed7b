import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Letter } from '../../platform/documents/letter.ts';

/** A debt as its letter tells it: how much, for which months, how it is recovered and under which rule. */
export interface DebtNotice {
  readonly reference: string;
  readonly programmeName: string;
  readonly raisedOn: string;
  readonly originalCents: number;
  readonly basisPoints: number;
  readonly ruleReference: string;
  readonly lines: readonly { period: string; paidCents: number; dueCents: number; differenceCents: number }[];
}

/** Days a person has to ask for a reconsideration (OAS Act s. 27.1(1), CPP s. 81(1): 90 days). */
export const RECONSIDERATION_DAYS = 90;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The letter that tells a person about an overpayment: the months and amounts, the total, how it is
 * recovered (a share of each later payment, never the whole payment), how to repay or ask for less, and the
 * right to a reconsideration.
 */
export function debtLetter(
  t: Translator,
  notice: DebtNotice,
  addressLines: readonly string[] | null,
): Letter {
  const percent = t.number(notice.basisPoints / 100);
  return {
    lang: t.lang,
    title: t.t('debts.letter.title', { programme: notice.programmeName }),
    letterhead: { agency: t.t('debts.letter.agency'), lines: [t.t('debts.letter.agencyLine')] },
    date: { label: t.t('debts.letter.date'), value: t.date(notice.raisedOn) },
    reference: { label: t.t('debts.letter.reference'), value: notice.reference },
    recipient:
      addressLines && addressLines.length > 0 ? addressLines.slice(0, 5) : [t.t('debts.letter.noAddress')],
    heading: t.t('debts.letter.heading', { programme: notice.programmeName }),
    sections: [
      {
        heading: t.t('debts.letter.whatHeading'),
        blocks: [
          {
            kind: 'paragraph',
            text: t.t('debts.letter.what', {
              programme: notice.programmeName,
              amount: t.money(notice.originalCents),
            }),
          },
          {
            kind: 'table',
            caption: t.t('debts.letter.linesCaption'),
            headers: [t.t('debts.letter.period'), t.t('debts.letter.difference')],
            rows: notice.lines.map((line) => ({
              label: line.period,
              value: t.t('debts.letter.line', {
                paid: t.money(line.paidCents),
                due: t.money(line.dueCents),
                difference: t.money(line.differenceCents),
              }),
            })),
          },
        ],
      },
      {
        heading: t.t('debts.letter.howHeading'),
        blocks: [
          { kind: 'paragraph', text: t.t('debts.letter.how', { percent }) },
          { kind: 'paragraph', text: t.t('debts.letter.repay') },
          { kind: 'paragraph', text: t.t('debts.letter.rule', { rule: notice.ruleReference }) },
        ],
      },
    ],
    rights: {
      heading: t.t('debts.letter.rightsHeading'),
      blocks: [
        {
          kind: 'paragraph',
          text: t.t('debts.letter.rights', { date: t.date(addDays(notice.raisedOn, RECONSIDERATION_DAYS)) }),
        },
        { kind: 'paragraph', text: t.t('debts.letter.hardship') },
      ],
    },
    closing: {
      text: t.t('debts.letter.closing'),
      signatory: t.t('debts.letter.signatory'),
      role: t.t('debts.letter.role'),
    },
    labels: { separator: t.t('debts.letter.separator'), page: t.t('debts.letter.page') },
  };
}
