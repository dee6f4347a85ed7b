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

function forWhom(personId: string | undefined): ResultCard['forWhom'] {
  if (personId === YOU) return 'you';
  return personId === PARTNER ? 'partner' : 'household';
}

/** Joins the engine's results with the programme catalogue (names, pages, official links) in one language. */
export function resultCards(
  results: readonly FinderResult[],
  programmes: readonly ProgrammeRow[],
  lang: Lang,
): ResultCard[] {
  const byRulesId = new Map(
    programmes.filter((p) => p.rules_programme_id).map((p) => [p.rules_programme_id, p]),
  );
  return results
    .flatMap(({ result, ratesDate }) => {
      const programme = byRulesId.get(result.programme);
      if (!programme) return [];
      return [
        {
          programmeName: lang === 'en' ? programme.name_en : programme.name_fr,
          programmeHref: pathFor(cataloguePaths.programme, lang, {
            slug: lang === 'en' ? programme.slug_en : programme.slug_fr,
          }),
          infoUrl: lang === 'en' ? programme.info_url_en : programme.info_url_fr,
          // Until the finder shows "rates not on file" itself (issue #13, item 3), it is a cannot-tell card.
          status: result.status === 'rates-not-on-file' ? 'cannot-tell' : result.status,
          annualCents: result.annualCents,
          periodCents: result.periodCents,
          period: result.period,
          reasons: result.reasons,
          missingFacts: result.missingFacts,
          forWhom: forWhom(result.personId),
          ratesDate,
          sortOrder: programme.sort_order,
        },
      ];
    })
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map(({ sortOrder: _s, ...card }) => card);
}

function display(t: Translator, question: Question, answers: FinderAnswers): string {
  const yesNo = (value: boolean | undefined) => t.t(value ? 'common.yes' : 'common.no');
  switch (question.id) {
    case 'province':
      return t.t(`finder.q.province.options.${answers.province ?? ''}`);
    case 'residence-status':
      return t.t(`finder.q.residence-status.options.${answers.residenceStatus ?? ''}`);
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
    case 'years-in-canada':
      return t.number(answers.yearsInCanada ?? 0);
    case 'partner-years-in-canada':
      return t.number(answers.partnerYearsInCanada ?? 0);
    case 'work-income':
      return t.money(answers.workIncomeCents ?? 0);
    case 'other-income':
      return t.money(answers.otherIncomeCents ?? 0);
    case 'partner-income':
      return t.money(answers.partnerIncomeCents ?? 0);
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
