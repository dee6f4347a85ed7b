import { readFileSync } from 'node:fs';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { Lang, Translator } from '../platform/i18n/i18n.ts';
import { citationIn, parameterFileOf, parameterName, stepName } from '../rules/index.ts';
import type { Citation } from '../rules/index.ts';
import { openRecord } from './decision-record.ts';
import { recordWithTrace } from './record-trace.ts';
import type { DecisionRow } from './decisions.repository.ts';
import { addDays, isoDateOf } from './dates.ts';

/** The rules' reason codes in words, as the finder shows them (src/rules/reasons.*.json). */
const RULE_REASONS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: JSON.parse(readFileSync(new URL('../rules/reasons.en.json', import.meta.url), 'utf8')) as Record<
    string,
    string
  >,
  fr: JSON.parse(readFileSync(new URL('../rules/reasons.fr.json', import.meta.url), 'utf8')) as Record<
    string,
    string
  >,
};

/** A figure the rules applied: a parameter (file, since when, value) or a step's amount. */
export interface Figure {
  readonly rule: string;
  readonly file?: string;
  readonly effective?: string;
  readonly value?: number;
  /** The parameter is an amount of money (its file's unit is cents), shown in dollars. */
  readonly money?: boolean;
  readonly resultCents?: number;
}

/** Whether a parameter file holds amounts in cents; a file no longer on disk says nothing (shown as a number). */
function inCents(file: string): boolean {
  return parameterFileOf(file)?.unit === 'cents';
}

/** A review a change of circumstance opened (no application): what changed, and the day the decision takes effect. */
export interface ReviewOrigin {
  /** `decisions.review.kinds.<kind>` when known: an address, a birth, a death, the July redetermination. */
  readonly kind: string;
  readonly from: string;
}

/** A final decision as the person reads it: what, how much, from when, why, and how to ask for a review. */
export interface Explanation {
  readonly decisionId: string;
  readonly reference: string;
  readonly programmeId: string;
  readonly outcome: 'approved' | 'refused';
  readonly automated: boolean;
  readonly amountCents: number | null;
  readonly periodKind: 'month' | 'biweekly' | null;
  readonly effectiveFrom: string | null;
  readonly decidedOn: string;
  /** The last day to ask for a reconsideration (90 days after the decision, by default). */
  readonly reviewBy: string;
  readonly reasons: readonly string[];
  readonly citations: readonly Citation[];
  readonly figures: readonly Figure[];
  readonly note: string | null;
  /** Set when the decision is on a review case rather than an application: its letter and page say so. */
  readonly review: ReviewOrigin | null;
}

/** The case's review columns, when the row carries them (a review case has a review kind and an effective day). */
interface ReviewColumns {
  readonly review_kind?: string | null;
  readonly effective_on?: Date | string | null;
}

function reviewOf(row: ReviewColumns): ReviewOrigin | null {
  if (!row.review_kind || !row.effective_on) return null;
  return { kind: row.review_kind, from: isoDateOf(row.effective_on) };
}

export function explain(
  cipher: FieldCipher,
  row: DecisionRow & { reference: string } & ReviewColumns,
  reviewDays: number,
): Explanation {
  // A batch's decision keeps no trace: its figures are recomputed from the facts and rules it recorded.
  const record = recordWithTrace(openRecord(cipher, row.record_cipher));
  const decidedOn = isoDateOf(row.created_at.toISOString());
  const figures: Figure[] = [];
  for (const step of record.result?.trace ?? []) {
    for (const use of step.parameters ?? [])
      if (typeof use.value === 'number')
        figures.push({
          rule: step.rule,
          file: use.file,
          effective: use.effective,
          value: use.value,
          money: inCents(use.file),
        });
    if (step.resultCents !== undefined) figures.push({ rule: step.rule, resultCents: step.resultCents });
  }
  return {
    decisionId: row.id,
    reference: row.reference,
    programmeId: row.programme_id,
    outcome: row.outcome === 'approved' ? 'approved' : 'refused',
    automated: row.kind === 'automated',
    amountCents: row.amount_cents === null ? null : Number(row.amount_cents),
    periodKind: row.period_kind,
    effectiveFrom: row.effective_from === null ? null : isoDateOf(row.effective_from),
    decidedOn,
    reviewBy: addDays(decidedOn, reviewDays),
    reasons: record.reasons,
    citations: record.result?.citations ?? [],
    figures: figures.slice(0, 40),
    note: record.note,
    review: reviewOf(row),
  };
}

/** A reason code in words: the adjudicator's list (`decisions.reasons.*`) or the rules' own. */
export function reasonText(t: Translator, code: string): string {
  if (code.startsWith('decisions.')) return t.t(code);
  return RULE_REASONS[t.lang][code] ?? code;
}

/** "$669.46 a month" / "669,46 $ par mois". */
export function amountText(
  t: Translator,
  explanation: Pick<Explanation, 'amountCents' | 'periodKind'>,
): string {
  if (explanation.amountCents === null) return '';
  return t.t(`decisions.period.${explanation.periodKind ?? 'month'}`, {
    amount: t.money(explanation.amountCents),
  });
}

/** A figure in the reader's words: the parameter's description or the step's name; the file or rule id if none. */
export function figureText(t: Translator, figure: Figure, decidedOn: string): string {
  if (figure.resultCents !== undefined)
    return t.t('decisions.explain.step', {
      name: stepName(t.lang, figure.rule) ?? figure.rule,
      amount: t.money(figure.resultCents),
    });
  const value = figure.value ?? 0;
  return t.t('decisions.explain.figure', {
    name: (figure.file && parameterName(t.lang, figure.file)) ?? figure.file ?? figure.rule,
    date: t.date(figure.effective ?? decidedOn),
    value: figure.money ? t.money(value) : t.number(value),
  });
}

/** A citation as the reader sees it, and whether the page it opens is in another language than theirs. */
export function citationFor(
  t: Translator,
  citation: Citation,
): ReturnType<typeof citationIn> & { otherLanguage: boolean } {
  const shown = citationIn(t.lang, citation);
  return { ...shown, otherLanguage: shown.hrefLang !== t.lang };
}
