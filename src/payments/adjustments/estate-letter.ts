import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Letter, LetterBlock } from '../../platform/documents/letter.ts';
import { addDays, RECONSIDERATION_DAYS } from './debt-letter.ts';
import type { DebtNotice } from './debt-letter.ts';

/** A debt raised after a death, as the letter to the estate tells it. */
export interface EstateDebtNotice extends DebtNotice {
  readonly diedOn: string;
  /** A debt that was being recovered from payments when the person died: its balance is the estate's. */
  readonly converted?: EstateConversionNotice;
}

/** What the person was told and what was recovered before the death (migration 0990). */
export interface EstateConversionNotice {
  /** The day the overpayment was first raised (the letter itself is dated the day it was converted). */
  readonly raisedOn: string;
  readonly recoveredCents: number;
  readonly balanceCents: number;
}

/** Whose estate, and whom the letter reaches: the last address on file, or a representative's copy. */
export interface EstateAddressing {
  readonly deceasedName: string;
  readonly recipient: { readonly name?: string | null; readonly addressLines: readonly string[] | null };
  /** A representative acting for the person: the estate in their care, at their address. */
  readonly copy: boolean;
}

/**
 * "To the estate of <name>" on the first line, "c/o <representative>" on a representative's copy, then the
 * address (its own first line, the addressee's name, is replaced); at most five lines for the envelope window.
 */
export function estateRecipient(t: Translator, addressing: EstateAddressing): string[] {
  const { recipient } = addressing;
  const careOf = addressing.copy
    ? [t.t('debts.estate.careOf', { name: recipient.name ?? recipient.addressLines?.[0] ?? '' })]
    : [];
  const head = [t.t('debts.estate.to', { name: addressing.deceasedName }), ...careOf];
  const address = recipient.addressLines?.slice(1) ?? [];
  const lines = address.length > 0 ? [...head, ...address] : [...head, t.t('debts.estate.noAddress')];
  return lines.slice(0, 5);
}

function whatBlocks(t: Translator, notice: EstateDebtNotice, name: string): LetterBlock[] {
  const deathMonth = notice.diedOn.slice(0, 7);
  const after = notice.lines.filter((line) => line.period > deathMonth);
  const { converted } = notice;
  const values = {
    name,
    date: t.date(notice.diedOn),
    month: t.month(deathMonth),
    programme: notice.programmeName,
    amount: t.money(notice.originalCents),
    after: t.money(after.reduce((sum, line) => sum - line.differenceCents, 0)),
    ...(converted && {
      raisedOn: t.date(converted.raisedOn),
      recovered: t.money(converted.recoveredCents),
      balance: t.money(converted.balanceCents),
    }),
  };
  // A converted debt tells what was overpaid before the death and what is left of it, not a payment after it.
  const key = (part: string) => (converted ? `debts.estate.converted.${part}` : `debts.estate.${part}`);
  return [
    { kind: 'paragraph', text: t.t('debts.estate.condolences') },
    { kind: 'paragraph', text: t.t(key('what'), values) },
    {
      kind: 'table',
      caption: t.t(key('linesCaption')),
      headers: [t.t('debts.letter.period'), t.t('debts.estate.toRepay')],
      rows: notice.lines.map((line) => ({
        label: t.month(line.period.slice(0, 7)),
        value: t.t('debts.estate.line', {
          paid: t.money(line.paidCents),
          due: t.money(line.dueCents),
          owed: t.money(-line.differenceCents),
        }),
      })),
    },
    { kind: 'paragraph', text: t.t(key('total'), values) },
  ];
}

/**
 * The letter to the estate of a person who died, when payments were issued for months after the month of
 * death (the death was reported late): what was paid after the death, the amount to repay, how to repay, the
 * law, and the right to ask for a reconsideration within 90 days (OAS Act s. 27.1(1), CPP s. 81(1)).
 */
export function estateDebtLetter(
  t: Translator,
  notice: EstateDebtNotice,
  addressing: EstateAddressing,
): Letter {
  const l = (key: string) => t.t(`debts.letter.${key}`);
  const name = addressing.deceasedName;
  const heading = notice.converted ? 'debts.estate.converted' : 'debts.estate';
  return {
    lang: t.lang,
    title: t.t(`${heading}.title`, { programme: notice.programmeName, name }),
    letterhead: { agency: l('agency'), lines: [l('agencyLine')] },
    date: { label: l('date'), value: t.date(notice.raisedOn) },
    reference: { label: l('reference'), value: notice.reference },
    recipient: estateRecipient(t, addressing),
    heading: t.t(`${heading}.heading`, { programme: notice.programmeName, name }),
    sections: [
      { heading: l('whatHeading'), blocks: whatBlocks(t, notice, name) },
      {
        heading: t.t('debts.estate.howHeading'),
        blocks: [
          { kind: 'paragraph', text: t.t('debts.estate.how', { reference: notice.reference }) },
          { kind: 'paragraph', text: t.t('debts.estate.returned') },
          { kind: 'paragraph', text: t.t('debts.estate.setOff') },
          { kind: 'paragraph', text: t.t('debts.estate.rule', { rule: notice.ruleReference }) },
        ],
      },
    ],
    rights: {
      heading: l('rightsHeading'),
      blocks: [
        {
          kind: 'paragraph',
          text: t.t('debts.estate.rights', { date: t.date(addDays(notice.raisedOn, RECONSIDERATION_DAYS)) }),
        },
        { kind: 'paragraph', text: t.t('debts.estate.notYou') },
      ],
    },
    closing: { text: l('closing'), signatory: l('signatory'), role: l('role') },
    labels: { separator: l('separator'), page: l('page') },
  };
}
