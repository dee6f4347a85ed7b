import { MARITAL_STATUSES, PROVINCES, RESIDENCE_STATUSES, ageOn, hasPartner } from './finder.answers.ts';
import type { FinderAnswers } from './finder.answers.ts';
import { parseDateParts, parseMoneyCents, parseWholeNumber } from './finder.parse.ts';

export type QuestionId =
  | 'province'
  | 'residence-status'
  | 'birth-date'
  | 'marital-status'
  | 'partner-birth-date'
  | 'partner-residence-status'
  | 'children'
  | 'child-ages'
  | 'child-disability'
  | 'years-in-canada'
  | 'partner-years-in-canada'
  | 'work-income'
  | 'other-income'
  | 'partner-work-income'
  | 'partner-other-income'
  | 'disability'
  | 'partner-disability'
  | 'shelter-cost'
  | 'savings';

export type QuestionKind = 'radios' | 'date' | 'number' | 'money' | 'ages';

export interface FieldError {
  readonly field: string;
  /** Key in the `finder.errors` catalogue. */
  readonly code: string;
}

export type ParseResult =
  | { readonly ok: true; readonly patch: FinderAnswers }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export interface Question {
  readonly id: QuestionId;
  readonly slug: { readonly en: string; readonly fr: string };
  readonly kind: QuestionKind;
  /** Radio options (values); labels come from `finder.q.<id>.options.<value>`. */
  readonly options?: readonly string[];
  /** Asked only when the answers so far make it matter to some programme. */
  relevant(answers: FinderAnswers, asOf: string): boolean;
  parse(form: Readonly<Record<string, string>>, answers: FinderAnswers, asOf: string): ParseResult;
  /** The answer as form values, to show it again when the question is revisited. */
  formValues(answers: FinderAnswers): Record<string, string>;
}

const always = () => true;
const yesNo = ['yes', 'no'] as const;
const olderThan = (birthDate: string | undefined, asOf: string, age: number) =>
  birthDate !== undefined && ageOn(birthDate, asOf) >= age;
const provinceWithAssistance = (a: FinderAnswers) =>
  a.province === 'ON' || a.province === 'BC' || a.province === 'AB';
const cents = (value: number | undefined) =>
  value === undefined ? '' : (value / 100).toFixed(2).replace(/\.00$/, '');

function radio<K extends keyof FinderAnswers>(
  field: K,
  values: readonly string[],
  map: (v: string) => FinderAnswers[K],
) {
  return (form: Readonly<Record<string, string>>): ParseResult =>
    values.includes(form.answer ?? '')
      ? { ok: true, patch: { [field]: map(form.answer ?? '') } }
      : { ok: false, errors: [{ field: 'answer', code: 'choose' }] };
}

function dateQuestion(field: 'birthDate' | 'partnerBirthDate') {
  return (form: Readonly<Record<string, string>>, _a: FinderAnswers, asOf: string): ParseResult => {
    const parsed = parseDateParts(form.day, form.month, form.year, asOf);
    return parsed.ok
      ? { ok: true, patch: { [field]: parsed.value } }
      : { ok: false, errors: [{ field: 'date', code: parsed.code }] };
  };
}

function moneyQuestion(
  field:
    | 'workIncomeCents'
    | 'otherIncomeCents'
    | 'partnerWorkIncomeCents'
    | 'partnerOtherIncomeCents'
    | 'shelterCostCents'
    | 'savingsCents',
) {
  return (form: Readonly<Record<string, string>>): ParseResult => {
    const parsed = parseMoneyCents(form.answer);
    return parsed.ok
      ? { ok: true, patch: { [field]: parsed.value } }
      : { ok: false, errors: [{ field: 'answer', code: parsed.code }] };
  };
}

function wholeNumberQuestion(field: 'childCount' | 'yearsInCanada' | 'partnerYearsInCanada', max: number) {
  return (form: Readonly<Record<string, string>>): ParseResult => {
    const parsed = parseWholeNumber(form.answer, max);
    return parsed.ok
      ? { ok: true, patch: { [field]: parsed.value } }
      : { ok: false, errors: [{ field: 'answer', code: parsed.code }] };
  };
}

function parseChildAges(form: Readonly<Record<string, string>>, answers: FinderAnswers): ParseResult {
  const count = answers.childCount ?? 0;
  const ages: number[] = [];
  const errors: FieldError[] = [];
  for (let i = 0; i < count; i += 1) {
    const parsed = parseWholeNumber(form[`age${i}`], 17);
    if (parsed.ok) ages.push(parsed.value);
    else errors.push({ field: `age${i}`, code: parsed.code === 'too-large' ? 'child-too-old' : parsed.code });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, patch: { childAges: ages } };
}

function dateValues(value: string | undefined): Record<string, string> {
  const [year = '', month = '', day = ''] = value?.split('-') ?? [];
  return { year, month: month.replace(/^0/, ''), day: day.replace(/^0/, '') };
}

/** In the order they are asked. Relevance follows what the programmes' rules need. */
export const QUESTIONS: readonly Question[] = [
  {
    id: 'province',
    slug: { en: 'province', fr: 'province' },
    kind: 'radios',
    options: PROVINCES,
    relevant: always,
    parse: radio('province', PROVINCES, (v) => v as FinderAnswers['province']),
    formValues: (a) => ({ answer: a.province ?? '' }),
  },
  {
    id: 'residence-status',
    slug: { en: 'status-in-canada', fr: 'statut-au-canada' },
    kind: 'radios',
    options: RESIDENCE_STATUSES,
    relevant: always,
    parse: radio('residenceStatus', RESIDENCE_STATUSES, (v) => v as FinderAnswers['residenceStatus']),
    formValues: (a) => ({ answer: a.residenceStatus ?? '' }),
  },
  {
    id: 'birth-date',
    slug: { en: 'date-of-birth', fr: 'date-de-naissance' },
    kind: 'date',
    relevant: always,
    parse: dateQuestion('birthDate'),
    formValues: (a) => dateValues(a.birthDate),
  },
  {
    id: 'marital-status',
    slug: { en: 'marital-status', fr: 'etat-civil' },
    kind: 'radios',
    options: MARITAL_STATUSES,
    relevant: always,
    parse: radio('maritalStatus', MARITAL_STATUSES, (v) => v as FinderAnswers['maritalStatus']),
    formValues: (a) => ({ answer: a.maritalStatus ?? '' }),
  },
  {
    id: 'partner-birth-date',
    slug: { en: 'partner-date-of-birth', fr: 'date-de-naissance-conjoint' },
    kind: 'date',
    relevant: hasPartner,
    parse: dateQuestion('partnerBirthDate'),
    formValues: (a) => dateValues(a.partnerBirthDate),
  },
  {
    id: 'partner-residence-status',
    slug: { en: 'partner-status-in-canada', fr: 'statut-au-canada-conjoint' },
    kind: 'radios',
    options: RESIDENCE_STATUSES,
    relevant: hasPartner,
    parse: radio(
      'partnerResidenceStatus',
      RESIDENCE_STATUSES,
      (v) => v as FinderAnswers['partnerResidenceStatus'],
    ),
    formValues: (a) => ({ answer: a.partnerResidenceStatus ?? '' }),
  },
  {
    id: 'children',
    slug: { en: 'children', fr: 'enfants' },
    kind: 'number',
    relevant: always,
    parse: wholeNumberQuestion('childCount', 15),
    formValues: (a) => ({ answer: a.childCount?.toString() ?? '' }),
  },
  {
    id: 'child-ages',
    slug: { en: 'children-ages', fr: 'age-des-enfants' },
    kind: 'ages',
    relevant: (a) => (a.childCount ?? 0) > 0,
    parse: parseChildAges,
    formValues: (a) => Object.fromEntries((a.childAges ?? []).map((age, i) => [`age${i}`, String(age)])),
  },
  {
    id: 'child-disability',
    slug: { en: 'child-disability', fr: 'enfant-handicape' },
    kind: 'radios',
    options: yesNo,
    relevant: (a) => (a.childCount ?? 0) > 0,
    parse: radio('childDisability', yesNo, (v) => v === 'yes'),
    formValues: (a) => ({ answer: a.childDisability === undefined ? '' : a.childDisability ? 'yes' : 'no' }),
  },
  {
    id: 'years-in-canada',
    slug: { en: 'years-in-canada', fr: 'annees-au-canada' },
    kind: 'number',
    relevant: (a, asOf) =>
      olderThan(a.birthDate, asOf, 59) || (hasPartner(a) && olderThan(a.partnerBirthDate, asOf, 59)),
    parse: wholeNumberQuestion('yearsInCanada', 100),
    formValues: (a) => ({ answer: a.yearsInCanada?.toString() ?? '' }),
  },
  {
    id: 'partner-years-in-canada',
    slug: { en: 'partner-years-in-canada', fr: 'annees-au-canada-conjoint' },
    kind: 'number',
    relevant: (a, asOf) => hasPartner(a) && olderThan(a.partnerBirthDate, asOf, 59),
    parse: wholeNumberQuestion('partnerYearsInCanada', 100),
    formValues: (a) => ({ answer: a.partnerYearsInCanada?.toString() ?? '' }),
  },
  {
    id: 'work-income',
    slug: { en: 'work-income', fr: 'revenu-de-travail' },
    kind: 'money',
    relevant: always,
    parse: moneyQuestion('workIncomeCents'),
    formValues: (a) => ({ answer: cents(a.workIncomeCents) }),
  },
  {
    id: 'other-income',
    slug: { en: 'other-income', fr: 'autres-revenus' },
    kind: 'money',
    relevant: always,
    parse: moneyQuestion('otherIncomeCents'),
    formValues: (a) => ({ answer: cents(a.otherIncomeCents) }),
  },
  {
    id: 'partner-work-income',
    slug: { en: 'partner-work-income', fr: 'revenu-de-travail-conjoint' },
    kind: 'money',
    relevant: hasPartner,
    parse: moneyQuestion('partnerWorkIncomeCents'),
    formValues: (a) => ({ answer: cents(a.partnerWorkIncomeCents) }),
  },
  {
    id: 'partner-other-income',
    slug: { en: 'partner-other-income', fr: 'autres-revenus-conjoint' },
    kind: 'money',
    relevant: hasPartner,
    parse: moneyQuestion('partnerOtherIncomeCents'),
    formValues: (a) => ({ answer: cents(a.partnerOtherIncomeCents) }),
  },
  {
    id: 'disability',
    slug: { en: 'disability', fr: 'handicap' },
    kind: 'radios',
    options: yesNo,
    relevant: (a, asOf) => a.birthDate !== undefined && ageOn(a.birthDate, asOf) < 65,
    parse: radio('disability', yesNo, (v) => v === 'yes'),
    formValues: (a) => ({ answer: a.disability === undefined ? '' : a.disability ? 'yes' : 'no' }),
  },
  {
    id: 'partner-disability',
    slug: { en: 'partner-disability', fr: 'handicap-conjoint' },
    kind: 'radios',
    options: yesNo,
    relevant: (a, asOf) =>
      hasPartner(a) && a.partnerBirthDate !== undefined && ageOn(a.partnerBirthDate, asOf) < 65,
    parse: radio('partnerDisability', yesNo, (v) => v === 'yes'),
    formValues: (a) => ({
      answer: a.partnerDisability === undefined ? '' : a.partnerDisability ? 'yes' : 'no',
    }),
  },
  {
    id: 'shelter-cost',
    slug: { en: 'housing-costs', fr: 'frais-de-logement' },
    kind: 'money',
    relevant: provinceWithAssistance,
    parse: moneyQuestion('shelterCostCents'),
    formValues: (a) => ({ answer: cents(a.shelterCostCents) }),
  },
  {
    id: 'savings',
    slug: { en: 'savings', fr: 'epargne' },
    kind: 'money',
    relevant: provinceWithAssistance,
    parse: moneyQuestion('savingsCents'),
    formValues: (a) => ({ answer: cents(a.savingsCents) }),
  },
];

const ANSWER_FIELDS: Record<QuestionId, keyof FinderAnswers> = {
  province: 'province',
  'residence-status': 'residenceStatus',
  'birth-date': 'birthDate',
  'marital-status': 'maritalStatus',
  'partner-birth-date': 'partnerBirthDate',
  'partner-residence-status': 'partnerResidenceStatus',
  children: 'childCount',
  'child-ages': 'childAges',
  'child-disability': 'childDisability',
  'years-in-canada': 'yearsInCanada',
  'partner-years-in-canada': 'partnerYearsInCanada',
  'work-income': 'workIncomeCents',
  'other-income': 'otherIncomeCents',
  'partner-work-income': 'partnerWorkIncomeCents',
  'partner-other-income': 'partnerOtherIncomeCents',
  disability: 'disability',
  'partner-disability': 'partnerDisability',
  'shelter-cost': 'shelterCostCents',
  savings: 'savingsCents',
};

export function isAnswered(question: Question, answers: FinderAnswers): boolean {
  return answers[ANSWER_FIELDS[question.id]] !== undefined;
}

export function relevantQuestions(answers: FinderAnswers, asOf: string): Question[] {
  return QUESTIONS.filter((q) => q.relevant(answers, asOf));
}

/** The next question to ask, or null when every relevant question has an answer. */
export function nextQuestion(answers: FinderAnswers, asOf: string): Question | null {
  return relevantQuestions(answers, asOf).find((q) => !isAnswered(q, answers)) ?? null;
}

export function previousQuestion(current: Question, answers: FinderAnswers, asOf: string): Question | null {
  const relevant = relevantQuestions(answers, asOf);
  const index = relevant.findIndex((q) => q.id === current.id);
  return index > 0 ? (relevant[index - 1] ?? null) : null;
}

export function questionBySlug(lang: 'en' | 'fr', slug: string): Question | undefined {
  return QUESTIONS.find((q) => q.slug[lang] === slug);
}

/** Answers that no longer matter (e.g. partner income after "single") are dropped, not kept silently. */
export function pruneIrrelevant(answers: FinderAnswers, asOf: string): FinderAnswers {
  const kept: Record<string, unknown> = {};
  for (const question of relevantQuestions(answers, asOf)) {
    const field = ANSWER_FIELDS[question.id];
    if (answers[field] !== undefined) kept[field] = answers[field];
  }
  return kept as FinderAnswers;
}
