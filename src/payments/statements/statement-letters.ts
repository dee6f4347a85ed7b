import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Letter, LetterSection } from '../../platform/documents/letter.ts';
import type { YearStatement } from './statements.service.ts';
import type { TaxSlip } from './tax-slips.ts';

/**
 * The year's statement of payments and the tax slips, as letters: the platform renders them to tagged PDF
 * (and every other format) in the language of the translator.
 */
function frame(
  t: Translator,
  title: string,
  heading: string,
  addressLines: readonly string[] | null,
  today: Date,
  sections: readonly LetterSection[],
): Letter {
  return {
    lang: t.lang,
    title,
    letterhead: { agency: t.t('statements.doc.agency'), lines: [t.t('statements.doc.agencyLine')] },
    date: { label: t.t('statements.doc.date'), value: t.date(today.toISOString().slice(0, 10)) },
    reference: { label: t.t('statements.doc.reference'), value: title },
    recipient:
      addressLines && addressLines.length > 0 ? addressLines.slice(0, 5) : [t.t('statements.doc.noAddress')],
    heading,
    sections,
    rights: {
      heading: t.t('statements.doc.questionsHeading'),
      blocks: [{ kind: 'paragraph', text: t.t('statements.doc.questions') }],
    },
    closing: {
      text: t.t('statements.doc.closing'),
      signatory: t.t('statements.doc.signatory'),
      role: t.t('statements.doc.role'),
    },
    labels: { separator: t.t('statements.doc.separator'), page: t.t('statements.doc.page') },
  };
}

export function statementLetter(
  t: Translator,
  statement: YearStatement,
  names: ReadonlyMap<string, string>,
  addressLines: readonly string[] | null,
  today: Date,
): Letter {
  const year = String(statement.year);
  const rows = statement.lines.map((line) => ({
    label: t.t(line.arrears ? 'statements.doc.lineArrears' : 'statements.doc.line', {
      date: t.date(line.payDate),
      programme: names.get(line.programmeId) ?? line.programmeId,
      period: t.month(line.period),
    }),
    value:
      line.recoveredCents > 0
        ? t.t('statements.doc.amountKept', {
            net: t.money(line.netCents),
            gross: t.money(line.grossCents),
            kept: t.money(line.recoveredCents),
          })
        : t.t('statements.doc.amount', { net: t.money(line.netCents) }),
  }));
  return frame(
    t,
    t.t('statements.doc.statementTitle', { year }),
    t.t('statements.doc.statementHeading', { year }),
    addressLines,
    today,
    [
      {
        heading: t.t('statements.doc.paymentsHeading'),
        blocks: [
          {
            kind: 'table',
            caption: t.t('statements.doc.paymentsCaption', { year }),
            headers: [t.t('statements.doc.payment'), t.t('statements.doc.paid')],
            rows,
          },
        ],
      },
      {
        heading: t.t('statements.doc.totalsHeading'),
        blocks: [
          {
            kind: 'table',
            caption: t.t('statements.doc.totalsCaption', { year }),
            headers: [t.t('statements.doc.item'), t.t('statements.doc.value')],
            rows: [
              { label: t.t('statements.doc.gross'), value: t.money(statement.grossCents) },
              { label: t.t('statements.doc.kept'), value: t.money(statement.recoveredCents) },
              { label: t.t('statements.doc.net'), value: t.money(statement.netCents) },
            ],
          },
          { kind: 'paragraph', text: t.t('statements.doc.notSlip') },
        ],
      },
    ],
  );
}

export function slipLetter(
  t: Translator,
  slip: TaxSlip,
  addressLines: readonly string[] | null,
  today: Date,
): Letter {
  const year = String(slip.year);
  const name = slip.name[t.lang];
  return frame(t, t.t('statements.doc.slipTitle', { slip: name, year }), name, addressLines, today, [
    {
      heading: t.t('statements.doc.boxesHeading', { year }),
      blocks: [
        {
          kind: 'table',
          caption: t.t('statements.doc.boxesCaption', { slip: name, year }),
          headers: [t.t('statements.doc.box'), t.t('statements.doc.value')],
          rows: slip.boxes.map((box) => ({
            label: t.t(`statements.box.${slip.slip}.${box.box}`),
            value: t.money(box.cents),
          })),
        },
        { kind: 'paragraph', text: t.t(`statements.slipNote.${slip.slip}`) },
        { kind: 'paragraph', text: t.t('statements.doc.sin') },
        { kind: 'list', ordered: false, items: slip.reference.map((r) => `${r.title} (${r.href})`) },
      ],
    },
  ]);
}
