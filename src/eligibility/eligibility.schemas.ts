/** JSON Schemas of the evaluate API, published in the OpenAPI document. */
export const EVALUATE_REQUEST_SCHEMA = {
  type: 'object',
  required: ['household'],
  additionalProperties: false,
  properties: {
    household: { $ref: '#/components/schemas/Household' },
    date: { type: 'string', format: 'date', description: 'Evaluation date (default: today)' },
    programmes: { type: 'array', items: { type: 'string' }, description: 'Programme ids; default: all' },
    trace: { type: 'boolean', default: true },
  },
} as const;

const CITATION = {
  type: 'object',
  properties: { title: { type: 'string' }, href: { type: 'string', format: 'uri' } },
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
          status: { enum: ['eligible', 'not-eligible', 'cannot-tell'] },
          annualCents: { type: ['integer', 'null'] },
          periodCents: { type: ['integer', 'null'] },
          period: { enum: ['month', 'quarter', 'week', 'year', null] },
          reasons: { type: 'array', items: { type: 'string' } },
          missingFacts: { type: 'array', items: { type: 'string' } },
          citations: { type: 'array', items: CITATION },
          trace: { type: 'array', items: { type: 'object' } },
        },
      },
    },
  },
} as const;
