import type { IncomeType } from './person.tables.ts';

/**
 * What partner agencies send the register: a birth registration from a province's or territory's vital
 * statistics agency, and a notice of assessment from the CRA (Income Tax Act s. 152). Amounts in cents.
 */
export const BIRTHS_PATH = '/api/v1/vital-events/births';
export const DEATHS_PATH = '/api/v1/vital-events/deaths';
export const TAX_ASSESSMENTS_PATH = '/api/v1/tax-assessments';

export const ASSESSED_INCOME_TYPES = [
  'employment',
  'self-employment',
  'employment-insurance',
  'social-assistance',
  'oas-pension',
  'gis',
  'cpp-qpp-retirement',
  'cpp-qpp-disability',
  'private-pension',
  'investment',
] as const satisfies readonly IncomeType[];

const SIN = {
  type: 'string',
  pattern: '^[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3}$',
} as const;
const NAME = { type: 'string', minLength: 1, maxLength: 100 } as const;
const REGISTRATION_NUMBER = {
  type: 'string',
  pattern: '^[A-Za-z0-9-]{1,40}$',
  description: "The agency's registration number for this event; the same number again records it once",
} as const;
const PROVINCE = {
  type: 'string',
  enum: ['NL', 'PE', 'NS', 'NB', 'QC', 'ON', 'MB', 'SK', 'AB', 'BC', 'YT', 'NT', 'NU'],
  description:
    'Where the event took place; an agency registers only the events of its own province or territory',
} as const;
const CENTS = { type: 'integer', minimum: 0, maximum: 100_000_000_000 } as const;

export const BIRTH_REGISTRATION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['registrationNumber', 'province', 'parentSin', 'child'],
  properties: {
    registrationNumber: REGISTRATION_NUMBER,
    province: PROVINCE,
    parentSin: {
      ...SIN,
      description: 'The parent the child lives with: their Social Insurance Number (never echoed or logged)',
    },
    secondParentSin: {
      ...SIN,
      description:
        "The other parent's Social Insurance Number, when the registration names two (never echoed)",
    },
    child: {
      type: 'object',
      additionalProperties: false,
      required: ['givenName', 'familyName', 'birthDate'],
      properties: { givenName: NAME, familyName: NAME, birthDate: { type: 'string', format: 'date' } },
    },
  },
} as const;

export const DEATH_REGISTRATION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['registrationNumber', 'province', 'sin', 'dateOfDeath'],
  properties: {
    registrationNumber: REGISTRATION_NUMBER,
    province: PROVINCE,
    sin: { ...SIN, description: "The deceased's Social Insurance Number (never echoed or logged)" },
    dateOfDeath: { type: 'string', format: 'date' },
  },
} as const;

export const TAX_ASSESSMENT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['noticeOfAssessmentId', 'sin', 'taxYear', 'incomes'],
  properties: {
    noticeOfAssessmentId: {
      type: 'string',
      pattern: '^[A-Za-z0-9-]{1,40}$',
      description: 'The notice of assessment (or reassessment) id; the same id again changes nothing',
    },
    sin: { ...SIN, description: "The taxpayer's Social Insurance Number (never echoed or logged)" },
    taxYear: { type: 'integer', minimum: 1990, maximum: 2100 },
    incomes: {
      type: 'object',
      additionalProperties: false,
      description: "The year's assessed incomes by kind, in cents; they replace what the register held",
      properties: Object.fromEntries(ASSESSED_INCOME_TYPES.map((type) => [type, CENTS])),
    },
  },
} as const;

export const PARTNER_EVENT_RECEIVED_SCHEMA = {
  type: 'object',
  required: ['reference', 'status'],
  properties: {
    reference: { type: 'string', description: "The agency's own reference, as sent" },
    status: { type: 'string', enum: ['recorded', 'already-recorded'] },
  },
} as const;

/** The bodies as the schemas guarantee them once Fastify has validated them. */
export interface BirthRegistrationBody {
  readonly registrationNumber: string;
  readonly province: string;
  readonly parentSin: string;
  readonly secondParentSin?: string;
  readonly child: { readonly givenName: string; readonly familyName: string; readonly birthDate: string };
}

export interface DeathRegistrationBody {
  readonly registrationNumber: string;
  readonly province: string;
  readonly sin: string;
  readonly dateOfDeath: string;
}

export interface TaxAssessmentBody {
  readonly noticeOfAssessmentId: string;
  readonly sin: string;
  readonly taxYear: number;
  readonly incomes: Readonly<Partial<Record<IncomeType, number>>>;
}

export interface EventIssue {
  readonly pointer: string;
  readonly code: string;
}

/** What the schema cannot say: valid SINs (two different parents), and a birth that has happened. */
export function checkBirthRegistration(
  body: BirthRegistrationBody,
  sins: { readonly parent: boolean; readonly second: boolean; readonly same: boolean },
  today: string,
): EventIssue[] {
  const issues: EventIssue[] = [];
  if (!sins.parent) issues.push({ pointer: '/parentSin', code: 'invalid-sin' });
  if (!sins.second) issues.push({ pointer: '/secondParentSin', code: 'invalid-sin' });
  else if (sins.same) issues.push({ pointer: '/secondParentSin', code: 'same-parent' });
  if (body.child.birthDate > today) issues.push({ pointer: '/child/birthDate', code: 'in-the-future' });
  return issues;
}

/** A valid SIN, and a death that has happened. */
export function checkDeathRegistration(
  body: DeathRegistrationBody,
  sinIsValid: boolean,
  today: string,
): EventIssue[] {
  const issues: EventIssue[] = [];
  if (!sinIsValid) issues.push({ pointer: '/sin', code: 'invalid-sin' });
  if (body.dateOfDeath > today) issues.push({ pointer: '/dateOfDeath', code: 'in-the-future' });
  return issues;
}

/** A valid SIN, and a tax year that has ended (a return is assessed after its year, Income Tax Act s. 150). */
export function checkTaxAssessment(
  body: TaxAssessmentBody,
  sinIsValid: boolean,
  today: string,
): EventIssue[] {
  const issues: EventIssue[] = [];
  if (!sinIsValid) issues.push({ pointer: '/sin', code: 'invalid-sin' });
  if (body.taxYear >= Number(today.slice(0, 4))) issues.push({ pointer: '/taxYear', code: 'year-not-ended' });
  return issues;
}
