import type {
  ApplicationForm,
  Condition,
  EvidenceDefinition,
  QuestionDefinition,
} from './application-forms.ts';

/** Facts by key (a question's id, `childBirthDate.2` for a repeated one), as the form keeps them: strings. */
export type Facts = Readonly<Record<string, string>>;

/** What a draft holds besides its answers: whether the person confirmed what the record already says. */
export interface DraftState {
  readonly answers: Facts;
  /** `yes`: the record's facts stand; `no`: they are asked again with the record's values as defaults. */
  readonly confirmed: 'yes' | 'no' | null;
  readonly fromFinder: boolean;
}

/** One question as asked in this application: its definition and, when repeated, which item. */
export interface AskedQuestion {
  readonly definition: QuestionDefinition;
  readonly key: string;
  /** 1-based item of a repeated question (child 1, child 2…), else null. */
  readonly item: number | null;
}

export type Step =
  | { readonly kind: 'confirm' }
  | { readonly kind: 'question'; readonly key: string }
  | { readonly kind: 'evidence' }
  | { readonly kind: 'check' };

export function conditionHolds(condition: Condition, facts: Facts, channel: string): boolean {
  if (condition.channel !== undefined && condition.channel !== channel) return false;
  if (condition.fact === undefined) return true;
  const value = facts[condition.fact];
  if (value === undefined) return false;
  if (condition.in && !condition.in.includes(value)) return false;
  if (condition.notIn?.includes(value)) return false;
  if (condition.min !== undefined && !(Number(value) >= condition.min)) return false;
  return true;
}

export const allHold = (conditions: readonly Condition[] | undefined, facts: Facts, channel: string) =>
  (conditions ?? []).every((condition) => conditionHolds(condition, facts, channel));

/** The record's facts, with the person's answers over them. */
export const mergedFacts = (record: Facts, draft: DraftState): Facts => ({ ...record, ...draft.answers });

/** Every question that applies to this household, in order, repeated questions once per item. */
export function applicableQuestions(form: ApplicationForm, facts: Facts, channel: string): AskedQuestion[] {
  const out: AskedQuestion[] = [];
  for (const definition of form.questions) {
    if (!allHold(definition.when, facts, channel)) continue;
    if (definition.repeat === undefined) {
      out.push({ definition, key: definition.id, item: null });
      continue;
    }
    const count = Math.min(Number(facts[definition.repeat] ?? 0) || 0, definition.max ?? 12);
    for (let item = 1; item <= count; item++) out.push({ definition, key: `${definition.id}.${item}`, item });
  }
  return out;
}

/** What the record already holds for this application: shown for confirmation, never asked again. */
export function prefilledQuestions(form: ApplicationForm, record: Facts, draft: DraftState, channel: string) {
  return applicableQuestions(form, mergedFacts(record, draft), channel).filter(
    (question) => question.definition.prefill === 'record' && record[question.key] !== undefined,
  );
}

/** The questions to ask: those the record does not answer (or all, when the person said it is wrong). */
export function questionsToAsk(
  form: ApplicationForm,
  record: Facts,
  draft: DraftState,
  channel: string,
): AskedQuestion[] {
  return applicableQuestions(form, mergedFacts(record, draft), channel).filter((question) => {
    if (question.definition.type === 'employer-records') return false;
    const fromRecord = question.definition.prefill === 'record' && record[question.key] !== undefined;
    return !fromRecord || draft.confirmed === 'no';
  });
}

export function requiredEvidence(
  form: ApplicationForm,
  facts: Facts,
  channel: string,
): readonly EvidenceDefinition[] {
  return form.evidence.filter((evidence) => allHold(evidence.when, facts, channel));
}

/** Where the person goes next: confirm the record, the first unanswered question, evidence, then check. */
export function nextStep(
  form: ApplicationForm,
  record: Facts,
  draft: DraftState,
  channel: string,
  evidenceKinds: ReadonlySet<string>,
): Step {
  if (draft.confirmed === null && prefilledQuestions(form, record, draft, channel).length > 0)
    return { kind: 'confirm' };
  const pending = questionsToAsk(form, record, draft, channel).find(
    (q) => draft.answers[q.key] === undefined,
  );
  if (pending) return { kind: 'question', key: pending.key };
  const facts = mergedFacts(record, draft);
  const missing = requiredEvidence(form, facts, channel).some((e) => e.required && !evidenceKinds.has(e.id));
  return missing ? { kind: 'evidence' } : { kind: 'check' };
}

export type SectionStatus = 'completed' | 'in-progress' | 'not-started';

/** The task list of a long form: each section and how far it is done. */
export function sectionStatuses(form: ApplicationForm, record: Facts, draft: DraftState, channel: string) {
  const asked = questionsToAsk(form, record, draft, channel);
  return form.sections.map((section) => {
    const mine = asked.filter((question) => question.definition.section === section.id);
    const done = mine.filter((question) => draft.answers[question.key] !== undefined).length;
    const status: SectionStatus =
      done === mine.length ? 'completed' : done === 0 ? 'not-started' : 'in-progress';
    const first = mine.find((question) => draft.answers[question.key] === undefined) ?? mine[0];
    return { section, status, questions: mine.length, firstKey: first?.key ?? null };
  });
}

/** The question at `key`, if it applies to this application now. */
export function findQuestion(
  form: ApplicationForm,
  record: Facts,
  draft: DraftState,
  channel: string,
  key: string,
): AskedQuestion | undefined {
  return questionsToAsk(form, record, draft, channel).find((question) => question.key === key);
}

/**
 * A changed answer can make others meaningless (fewer children, no partner any more): answers to questions
 * that no longer apply are dropped, so the household never carries a fact the person did not mean.
 */
export function pruneAnswers(
  form: ApplicationForm,
  record: Facts,
  draft: DraftState,
  channel: string,
): Facts {
  const applicable = new Set(
    applicableQuestions(form, mergedFacts(record, draft), channel).map((q) => q.key),
  );
  return Object.fromEntries(Object.entries(draft.answers).filter(([key]) => applicable.has(key)));
}
