import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Letter } from '../../platform/documents/letter.ts';
import { addDays, RECONSIDERATION_DAYS } from './debt-letter.ts';

/** Arrears of one enrolment set off in one released run, as its letter tells them. */
export interface SetOffNotice {
  /** The first debt's reference, as its own letter showed it. */
  readonly reference: string;
  readonly programmeName: string;
  /** The day the letter is sent: the review period runs from it. */
  readonly sentOn: string;
  /** The run's pay date: the day the rest is paid. */
  readonly payDate: string;
  readonly arrearsCents: number;
  readonly setOffCents: number;
  readonly paidCents: number;
  /** What the debts set off against still owe, today. */
  readonly balanceCents: number;
  readonly basisPoints: number;
  readonly ruleReference: string;
}

/**
 * The letter that tells a person that arrears owed to them went first to an overpayment they owe: the
 * arrears, the part applied, the part paid, what is still owed, the rule, and their rights (review within 90
 * days, hardship). The inbox's notice of it (email or SMS) says only that a document arrived.
 */
export function setOffLetter(
  t: Translator,
  notice: SetOffNotice,
  addressLines: readonly string[] | null,
): Letter {
  const k = (key: string, values?: Record<string, string>) => t.t(`debts.setOff.${key}`, values);
  const l = (key: string) => t.t(`debts.letter.${key}`);
  const amounts = {
    arrears: t.money(notice.arrearsCents),
    applied: t.money(notice.setOffCents),
    paid: t.money(notice.paidCents),
    programme: notice.programmeName,
    date: t.date(notice.payDate),
  };
  return {
    lang: t.lang,
    title: k('title', { programme: notice.programmeName }),
    letterhead: { agency: l('agency'), lines: [l('agencyLine')] },
    date: { label: l('date'), value: t.date(notice.sentOn) },
    reference: { label: l('reference'), value: notice.reference },
    recipient: addressLines && addressLines.length > 0 ? addressLines.slice(0, 5) : [l('noAddress')],
    heading: k('heading', { programme: notice.programmeName }),
    sections: [
      {
        heading: k('whatHeading'),
        blocks: [
          { kind: 'paragraph', text: k(notice.paidCents > 0 ? 'whatPaid' : 'whatNone', amounts) },
          {
            kind: 'table',
            caption: k('amountsCaption'),
            headers: [k('amountsItem'), k('amountsValue')],
            rows: [
              { label: k('arrears'), value: amounts.arrears },
              { label: k('applied'), value: amounts.applied },
              { label: k('paid'), value: amounts.paid },
              { label: k('balance'), value: t.money(notice.balanceCents) },
            ],
          },
        ],
      },
      {
        heading: k('whyHeading'),
        blocks: [
          { kind: 'paragraph', text: k('why', { percent: t.number(notice.basisPoints / 100) }) },
          { kind: 'paragraph', text: k('rule', { rule: notice.ruleReference }) },
        ],
      },
    ],
    rights: {
      heading: l('rightsHeading'),
      blocks: [
        {
          kind: 'paragraph',
          text: k('rights', { date: t.date(addDays(notice.sentOn, RECONSIDERATION_DAYS)) }),
        },
        { kind: 'paragraph', text: k('hardship') },
      ],
    },
    closing: { text: l('closing'), signatory: l('signatory'), role: l('role') },
    labels: { separator: l('separator'), page: l('page') },
  };
}
