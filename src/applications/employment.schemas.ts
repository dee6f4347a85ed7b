/**
 * The Record of Employment as an employer's payroll system sends it (Employment Insurance Regulations s. 19):
 * insurable hours and earnings by pay period, the first and last day worked, and the reason for issuing it
 * (Service Canada's ROE codes, block 16).
 */
export const ROE_REASON_CODES = ['A', 'B', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'M', 'N', 'P', 'Z'] as const;

const DATE = { type: 'string', format: 'date' } as const;

export const RECORD_OF_EMPLOYMENT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['sin', 'employerName', 'serial', 'firstDay', 'lastDay', 'reasonCode', 'payPeriods'],
  properties: {
    sin: {
      type: 'string',
      pattern: '^[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3}$',
      description: "The employee's Social Insurance Number (block 10)",
    },
    employerName: { type: 'string', minLength: 1, maxLength: 200 },
    serial: {
      type: 'string',
      pattern: '^[A-Z0-9]{1,16}$',
      description: "The employer's serial number for this record; the same serial again is kept once",
    },
    firstDay: { ...DATE, description: 'First day worked (block 10)' },
    lastDay: { ...DATE, description: 'Last day for which paid (block 11)' },
    reasonCode: { type: 'string', enum: ROE_REASON_CODES, description: 'Reason for issuing (block 16)' },
    payPeriods: {
      type: 'array',
      minItems: 1,
      maxItems: 53,
      description: 'Insurable hours and earnings by pay period (blocks 15A to 15C)',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['weekEnding', 'hours', 'earningsCents'],
        properties: {
          weekEnding: DATE,
          hours: { type: 'number', minimum: 0, maximum: 168 },
          earningsCents: { type: 'integer', minimum: 0, maximum: 100_000_000 },
        },
      },
    },
  },
} as const;

export const RECORD_RECEIVED_SCHEMA = {
  type: 'object',
  required: ['serial', 'status'],
  properties: {
    serial: { type: 'string' },
    status: { type: 'string', enum: ['received', 'already-received'] },
  },
} as const;

/** The record as the schema guarantees it once Fastify has validated the body. */
export interface RecordOfEmploymentBody {
  readonly sin: string;
  readonly employerName: string;
  readonly serial: string;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly reasonCode: (typeof ROE_REASON_CODES)[number];
  readonly payPeriods: readonly { weekEnding: string; hours: number; earningsCents: number }[];
}

export interface RecordIssue {
  readonly pointer: string;
  readonly code: string;
}

/** What the schema cannot say: a valid SIN, the last day not before the first, each period within the job. */
export function checkRecordOfEmployment(body: RecordOfEmploymentBody, sinIsValid: boolean): RecordIssue[] {
  const issues: RecordIssue[] = [];
  if (!sinIsValid) issues.push({ pointer: '/sin', code: 'invalid-sin' });
  if (body.lastDay < body.firstDay) issues.push({ pointer: '/lastDay', code: 'before-first-day' });
  body.payPeriods.forEach((period, index) => {
    if (period.weekEnding < body.firstDay)
      issues.push({ pointer: `/payPeriods/${index}/weekEnding`, code: 'before-first-day' });
  });
  return issues;
}
