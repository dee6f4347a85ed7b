/** JSON Schemas of the evaluate API, published in the OpenAPI document. */
export const EVALUATE_REQUEST_SCHEMA = {
  type: 'object',
  required: ['household'],
  additionalProperties: false,
  properties: {
    household: { $ref: '#/components/schemas/Household' },
    date: { type: 'string', format: 'date', description: 'Evaluation date (default: today)' },
    programmes: { type: 'array', items: { type: 'string' }, description: 'Programme ids; default: all' },
    trace: {
      type: 'boolean',
      default: false,
      description: 'Send the trace of every result (also `?trace=full`); without it each `trace` is empty',
    },
    estimates: {
      type: 'boolean',
      default: false,
      description:
        'Estimate rates not yet published by the indexation formula of the law, when the CPI it needs is on file; such results carry `estimate` and must not be used to decide',
    },
  },
} as const;

const CITATION = {
  type: 'object',
  properties: { title: { type: 'string' }, href: { type: 'string', format: 'uri' } },
};

const COVERAGE = {
  type: 'object',
  description: 'The dated range of rates on file nearest to the date asked (status rates-not-on-file)',
  required: ['parameter', 'from', 'to'],
  properties: {
    parameter: { type: 'string' },
    from: { type: ['string', 'null'], format: 'date' },
    to: { type: ['string', 'null'], format: 'date' },
  },
};

const ESTIMATE = {
  type: 'object',
  required: ['parameter', 'from', 'period', 'rule', 'factors', 'citation'],
  properties: {
    parameter: { type: 'string' },
    from: { type: 'string', format: 'date', description: 'Last published value the estimate starts from' },
    period: { type: 'string', format: 'date', description: 'Start of the period estimated' },
    rule: { type: 'string' },
    factors: { type: 'array', items: { type: 'number' } },
    citation: CITATION,
  },
};

const RECOVERY_TAX = {
  type: 'object',
  description: 'OAS recovery tax (Income Tax Act s. 180.2): the annual tax and the monthly withholding',
  required: ['incomeYear', 'thresholdCents', 'annualCents', 'monthlyWithholdingCents'],
  properties: {
    incomeYear: { type: 'string' },
    thresholdCents: { type: 'integer' },
    annualCents: { type: 'integer' },
    monthlyWithholdingCents: { type: 'integer' },
  },
};

export const EVALUATE_RESPONSE_SCHEMA = {
  type: 'object',
  required: ['asOf', 'results'],
  properties: {
    asOf: { type: 'string', format: 'date' },
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'programme',
          'status',
          'annualCents',
          'periodCents',
          'period',
          'reasons',
          'citations',
          'trace',
        ],
        properties: {
          programme: { type: 'string' },
          personId: { type: 'string' },
          status: { enum: ['eligible', 'not-eligible', 'cannot-tell', 'rates-not-on-file'] },
          annualCents: { type: ['integer', 'null'] },
          periodCents: { type: ['integer', 'null'] },
          period: { enum: ['month', 'quarter', 'week', 'year', null] },
          reasons: { type: 'array', items: { type: 'string' } },
          missingFacts: { type: 'array', items: { type: 'string' } },
          citations: { type: 'array', items: CITATION },
          trace: { type: 'array', items: { type: 'object' } },
          coverage: COVERAGE,
          estimate: { type: 'array', items: ESTIMATE },
          recoveryTax: RECOVERY_TAX,
        },
      },
    },
  },
} as const;
