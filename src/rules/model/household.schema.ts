/** JSON Schema (draft-07) of the Household input. Published as docs/household.schema.json (kept in sync by a test). */

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const cents = { type: 'integer', minimum: 0 } as const;
const year = '^\\d{4}$';

const incomeByType = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    [
      'employment',
      'selfEmployment',
      'oas',
      'gis',
      'cpp',
      'ei',
      'socialAssistance',
      'pension',
      'investment',
      'other',
      'deductions',
    ].map((k) => [k, cents]),
  ),
} as const;

const person = {
  type: 'object',
  required: ['id', 'birthDate'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64 },
    birthDate: date,
    maritalStatus: { enum: ['single', 'married', 'common-law', 'separated', 'divorced', 'widowed'] },
    disability: {
      type: 'object',
      additionalProperties: false,
      properties: {
        dtcEligible: { type: 'boolean' },
        cppDisability: { type: 'boolean' },
        provincialDisability: { type: 'boolean' },
      },
    },
    residence: {
      type: 'object',
      additionalProperties: false,
      properties: {
        status: {
          enum: ['citizen', 'permanent-resident', 'protected-person', 'temporary-resident', 'other'],
        },
        livesInCanada: { type: 'boolean' },
        yearsInCanadaAfter18: { type: 'integer', minimum: 0, maximum: 120 },
        periodsInCanada: {
          type: 'array',
          items: {
            type: 'object',
            required: ['from'],
            additionalProperties: false,
            properties: { from: date, to: date },
          },
        },
      },
    },
    income: { type: 'object', patternProperties: { [year]: incomeByType }, additionalProperties: false },
    assetsCents: cents,
    oas: { type: 'object', additionalProperties: false, properties: { startDate: date } },
    ei: {
      type: 'object',
      required: ['weeks'],
      additionalProperties: false,
      properties: {
        weeks: {
          type: 'array',
          items: {
            type: 'object',
            required: ['weekEnding', 'hours', 'earningsCents'],
            additionalProperties: false,
            properties: { weekEnding: date, hours: { type: 'number', minimum: 0 }, earningsCents: cents },
          },
        },
        economicRegion: { type: 'string', minLength: 1 },
        regionalUnemploymentRate: { type: 'number', minimum: 0, maximum: 100 },
        separationDate: date,
      },
    },
    cpp: {
      type: 'object',
      required: ['earningsByYear'],
      additionalProperties: false,
      properties: {
        earningsByYear: { type: 'object', patternProperties: { [year]: cents }, additionalProperties: false },
        pensionStartDate: date,
        childRearingYears: { type: 'array', items: { type: 'integer', minimum: 1900, maximum: 2200 } },
      },
    },
    socialAssistance: {
      type: 'object',
      additionalProperties: false,
      properties: {
        monthlyNetEarningsCents: cents,
        monthlyOtherIncomeCents: cents,
        monthsOnAssistance: { type: 'integer', minimum: 0 },
        barriersToFullEmployment: { type: 'boolean' },
      },
    },
  },
} as const;

const relationship = {
  oneOf: [
    {
      type: 'object',
      required: ['type', 'partners', 'kind'],
      additionalProperties: false,
      properties: {
        type: { const: 'spouse' },
        partners: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
        kind: { enum: ['married', 'common-law'] },
        since: date,
      },
    },
    {
      type: 'object',
      required: ['type', 'parentId', 'childId', 'custodyShare'],
      additionalProperties: false,
      properties: {
        type: { const: 'parent' },
        parentId: { type: 'string' },
        childId: { type: 'string' },
        custodyShare: { type: 'number', minimum: 0, maximum: 1 },
      },
    },
  ],
} as const;

export const householdSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/guichet/guichet/docs/household.schema.json',
  title: 'Guichet household',
  description: 'Facts about a household read by the rules engine. Money in integer cents, dates YYYY-MM-DD.',
  type: 'object',
  required: ['province', 'people'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    province: { enum: ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] },
    people: { type: 'array', minItems: 1, maxItems: 30, items: person },
    relationships: { type: 'array', items: relationship },
    shelterCostCents: cents,
    assetsCents: cents,
  },
} as const;

export function householdSchemaJson(): string {
  return `${JSON.stringify(householdSchema, null, 2)}\n`;
}
