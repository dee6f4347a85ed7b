import type { Lang, Translator } from '../platform/i18n/i18n.ts';
import type { ProgrammeRow } from '../catalogue/index.ts';
import { pathFor } from '../platform/http/route-table.ts';
import { cataloguePaths } from '../catalogue/index.ts';
import { relevantQuestions } from './finder.questions.ts';
import type { Question } from './finder.questions.ts';
import type { FinderAnswers } from './finder.answers.ts';
import type { FinderResult } from './finder.service.ts';
import { PARTNER, YOU } from './finder.household.ts';
import type { AnswerRow, ResultCard } from './views/results.views.ts';
import { cannotApply, missingFacts, reasonsToShow } from './finder.facts.ts';

function forWhom(personId: string | undefined): ResultCard['forWhom'] {
  if (personId === YOU) return 'you';
  return personId === PARTNER ? 'partner' : 'household';
}

export interface ResultCards {
  readonly cards: ResultCard[];
  /** Programmes left out because they cannot apply here (an age, a province). */
  readonly hiddenCount: number;
}

function toCard(
  { result, ratesDate }: FinderResult,
  programme: ProgrammeRow,
  personIds: readonly string[],
  lang: Lang,
): ResultCard & { sortOrder: number } {
  return {
    programmeId: programme.id,
    applyHref: null,
    programmeName: lang === 'en' ? programme.name_en : programme.name_fr,
    programmeHref: pathFor(cataloguePaths.programme, lang, {
      slug: lang === 'en' ? programme.slug_en : programme.slug_fr,
    }),
    infoUrl: lang === 'en' ? programme.info_url_en : programme.info_url_fr,
    status: result.status,
    annualCents: result.annualCents,
    periodCents: result.periodCents,
    period: result.period,
    reasons: reasonsToShow(result),
    missing: missingFacts(result.missingFacts, personIds),
    coverageTo: result.coverage?.to ?? null,
    forWhom: forWhom(result.personId),
    ratesDate,
    sortOrder: programme.sort_order,
  };
}

/**
 * Joins the engine's results with the programme catalogue (names, pages, official links) in one
 * language: one card per programme and person, none for a programme that cannot apply here.
 */
export function resultCards(
  results: readonly FinderResult[],
  programmes: readonly ProgrammeRow[],
  personIds: readonly string[],
  lang: Lang,
): ResultCards {
  const byRulesId = new Map(
    programmes.filter((p) => p.rules_programme_id).map((p) => [p.rules_programme_id, p]),
  );
  const known = results.filter((r) => byRulesId.has(r.result.programme));
  const shown = known.filter((r) => !cannotApply(r.result));
  const hidden = new Set(known.filter((r) => cannotApply(r.result)).map((r) => r.result.programme));
  for (const r of shown) hidden.delete(r.result.programme);
  const cards = shown
    .map((r) => toCard(r, byRulesId.get(r.result.programme) as ProgrammeRow, personIds, lang))
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map(({ sortOrder: _s, ...card }) => card);
  return { cards, hiddenCount: hidden.size };
}

function display(t: Translator, question: Question, answers: FinderAnswers): string {
  const yesNo = (value: boolean | undefined) => t.t(value ? 'common.yes' : 'common.no');
  switch (question.id) {
    case 'province':
      return t.t(`finder.q.province.options.${answers.province ?? ''}`);
    case 'residence-status':
      return t.t(`finder.q.residence-status.options.${answers.residenceStatus ?? ''}`);
    case 'partner-residence-status':
      return t.t(`finder.q.residence-status.options.${answers.partnerResidenceStatus ?? ''}`);
    case 'marital-status':
      return t.t(`finder.q.marital-status.options.${answers.maritalStatus ?? ''}`);
    case 'birth-date':
      return answers.birthDate ? t.date(answers.birthDate) : '';
    case 'partner-birth-date':
      return answers.partnerBirthDate ? t.date(answers.partnerBirthDate) : '';
    case 'children':
      return t.number(answers.childCount ?? 0);
    case 'child-ages':
      return (answers.childAges ?? []).map((age) => t.number(age)).join(', ');
    case 'child-disability':
      return yesNo(answers.childDisability);
    case 'disability':
      return yesNo(answers.disability);
    case 'partner-disability':
      return yesNo(answers.partnerDisability);
    case 'years-in-canada':
      return t.number(answers.yearsInCanada ?? 0);
    case 'partner-years-in-canada':
      return t.number(answers.partnerYearsInCanada ?? 0);
    case 'work-income':
      return t.money(answers.workIncomeCents ?? 0);
    case 'other-income':
      return t.money(answers.otherIncomeCents ?? 0);
    case 'partner-work-income':
      return t.money(answers.partnerWorkIncomeCents ?? 0);
    case 'partner-other-income':
      return t.money(answers.partnerOtherIncomeCents ?? 0);
    case 'shelter-cost':
      return t.money(answers.shelterCostCents ?? 0);
    case 'savings':
      return t.money(answers.savingsCents ?? 0);
  }
}

/** "Check your answers" rows with a Change link for every question that was asked. */
export function answerRows(
  t: Translator,
  answers: FinderAnswers,
  asOf: string,
  href: (q: Question) => string,
): AnswerRow[] {
  return relevantQuestions(answers, asOf).map((question) => ({
    question: t.t(`finder.q.${question.id}.summary`),
    answer: display(t, question, answers),
    changeHref: href(question),
  }));
}
