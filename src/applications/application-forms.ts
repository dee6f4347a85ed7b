import { readdirSync, readFileSync } from 'node:fs';
import { PROVINCE_CODES } from '../rules/index.ts';

/**
 * An application is data (ADR 0016): a form per programme in `reference-data/canada/applications/`, its
 * questions drawn from a shared library of household facts (`_questions.json`), each saying which fact of the
 * household the rules engine reads it fills, when it is asked, and whether the record may already hold it.
 */
export const FORMS_DIR = new URL('../../reference-data/canada/applications/', import.meta.url);

export interface Bilingual {
  readonly en: string;
  readonly fr: string;
}

export type QuestionType = 'yes-no' | 'choice' | 'date' | 'money' | 'integer' | 'employer-records';
const QUESTION_TYPES: readonly QuestionType[] = [
  'yes-no',
  'choice',
  'date',
  'money',
  'integer',
  'employer-records',
];

/** Holds when every part holds: a fact's value (`in`, `notIn`, a minimum) or the channel it came by. */
export interface Condition {
  readonly fact?: string;
  readonly in?: readonly string[];
  readonly notIn?: readonly string[];
  readonly min?: number;
  readonly channel?: string;
}

export interface QuestionDefinition {
  /** The question's id, and the key of the fact it fills (`childBirthDate.2` for a repeated one). */
  readonly id: string;
  /** The household fact it fills, as the rules engine reads it (docs/household.schema.json). */
  readonly fills: string;
  readonly type: QuestionType;
  readonly section: string;
  readonly label: Bilingual;
  readonly hint?: Bilingual;
  readonly choices?: readonly { readonly value: string; readonly label: Bilingual }[];
  readonly when?: readonly Condition[];
  /** Asked once per item: the fact holding the count (e.g. `childCount`). */
  readonly repeat?: string;
  /** The person's record may hold this fact: shown for confirmation, not asked. */
  readonly prefill?: 'record';
  readonly min?: number;
  readonly max?: number;
}

export interface EvidenceDefinition {
  readonly id: string;
  readonly label: Bilingual;
  readonly required: boolean;
  readonly when?: readonly Condition[];
}

export interface ApplicationForm {
  /** The programme's id in the catalogue. */
  readonly programmeId: string;
  /** The rules engine's programmes the application is decided by (CCB with the Child Disability Benefit). */
  readonly rulesProgrammes: readonly string[];
  /** Determined from the tax return: nothing to apply for, only this explanation. */
  readonly noApplication?: Bilingual;
  readonly sections: readonly { readonly id: string; readonly title: Bilingual }[];
  readonly questions: readonly QuestionDefinition[];
  readonly evidence: readonly EvidenceDefinition[];
  /** Insurable hours and earnings come from employers' Records of Employment (EI). */
  readonly employerRecords?: boolean;
  /** Another agency decides for people this condition holds for (CPP in Quebec: Retraite Québec). */
  readonly referral?: {
    readonly when: readonly Condition[];
    readonly programmeId: string;
    readonly message: Bilingual;
    readonly href: Bilingual;
  };
  readonly serviceStandard?: {
    readonly days: number;
    readonly basis: 'calendar' | 'business';
    readonly text: Bilingual;
  };
  readonly whatHappensNext?: Bilingual;
}

export class InvalidApplicationFormError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'InvalidApplicationFormError';
  }
}

type Json = Record<string, unknown>;

const JURISDICTIONS = JSON.parse(
  readFileSync(new URL('../../reference-data/canada/jurisdictions.json', import.meta.url), 'utf8'),
) as readonly { code: string; name_en: string; name_fr: string }[];

function provinceChoices(): { value: string; label: Bilingual }[] {
  return PROVINCE_CODES.map((code) => {
    const entry = JURISDICTIONS.find((item) => item.code === code);
    return { value: code, label: { en: entry?.name_en ?? code, fr: entry?.name_fr ?? code } };
  });
}

function resolveQuestion(file: string, library: Json, entry: Json): QuestionDefinition {
  const base = (typeof entry.use === 'string' ? library[entry.use] : undefined) as Json | undefined;
  if (typeof entry.use === 'string' && !base)
    throw new InvalidApplicationFormError(file, `unknown question ${entry.use}`);
  const merged: Json = { ...base, ...entry, id: entry.id ?? entry.use };
  delete merged.use;
  if (merged.choices === 'provinces') merged.choices = provinceChoices();
  const question = merged as unknown as QuestionDefinition;
  if (!QUESTION_TYPES.includes(question.type))
    throw new InvalidApplicationFormError(file, `question ${question.id} has type ${String(question.type)}`);
  if (typeof question.fills !== 'string' || typeof question.section !== 'string')
    throw new InvalidApplicationFormError(file, `question ${question.id} needs fills and section`);
  if (question.type === 'choice' && !question.choices?.length)
    throw new InvalidApplicationFormError(file, `question ${question.id} has no choices`);
  return question;
}

function checkReferences(file: string, form: ApplicationForm): void {
  const ids = new Set(form.questions.map((question) => question.id));
  const sections = new Set(form.sections.map((section) => section.id));
  for (const question of form.questions) {
    if (!sections.has(question.section))
      throw new InvalidApplicationFormError(file, `question ${question.id} is in no section`);
    for (const fact of [question.repeat, ...(question.when ?? []).map((c) => c.fact)])
      if (fact !== undefined && !ids.has(fact))
        throw new InvalidApplicationFormError(file, `question ${question.id} depends on unknown ${fact}`);
  }
}

/** Every programme's application form, checked: an unknown question, type or fact fails at start-up. */
export function loadApplicationForms(dir: URL = FORMS_DIR): ReadonlyMap<string, ApplicationForm> {
  const library = JSON.parse(readFileSync(new URL('_questions.json', dir), 'utf8')) as Json;
  const forms = new Map<string, ApplicationForm>();
  for (const file of readdirSync(dir).filter((name) => /^[a-z0-9-]+\.json$/.test(name))) {
    const raw = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Json;
    const form: ApplicationForm = {
      ...(raw as unknown as ApplicationForm),
      sections: (raw.sections as ApplicationForm['sections'] | undefined) ?? [],
      questions: ((raw.questions as Json[] | undefined) ?? []).map((entry) =>
        resolveQuestion(file, library, entry),
      ),
      evidence: (raw.evidence as EvidenceDefinition[] | undefined) ?? [],
    };
    if (`${form.programmeId}.json` !== file)
      throw new InvalidApplicationFormError(file, 'the file is named after its programmeId');
    checkReferences(file, form);
    forms.set(form.programmeId, form);
  }
  return forms;
}
