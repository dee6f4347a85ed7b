import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmployerCredential } from '../platform/config/employers-config.ts';
import type { OpenApiRegistry } from '../platform/http/openapi.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import {
  partnerAccess,
  partnerCallResponses,
  receivePartnerCall,
  refusePartnerCall,
} from '../person/index.ts';
import { RECORDS_OF_EMPLOYMENT_PATH } from './applications.paths.ts';
import type { EmploymentRecords } from './employment.service.ts';
import {
  checkRecordOfEmployment,
  RECORD_OF_EMPLOYMENT_SCHEMA,
  RECORD_RECEIVED_SCHEMA,
} from './employment.schemas.ts';
import type { RecordOfEmploymentBody } from './employment.schemas.ts';

export interface EmploymentApiDependencies {
  readonly employment: EmploymentRecords;
  readonly employers: readonly EmployerCredential[];
}

/**
 * `POST /api/v1/records-of-employment`: an employer's payroll system sends a Record of Employment with the
 * bearer token configured for it (EMPLOYER_API_TOKENS), as GC Notify does for its callbacks.
 */
export function registerEmploymentApi(
  app: FastifyInstance,
  routes: RouteTable,
  openapi: OpenApiRegistry,
  deps: EmploymentApiDependencies,
): void {
  openapi.addSchema('RecordOfEmployment', RECORD_OF_EMPLOYMENT_SCHEMA);
  openapi.addSchema('RecordOfEmploymentReceived', RECORD_RECEIVED_SCHEMA);
  openapi.route(app, {
    method: 'post',
    path: RECORDS_OF_EMPLOYMENT_PATH,
    body: 'RecordOfEmployment',
    operation: {
      operationId: 'submitRecordOfEmployment',
      summary: "An employer sends a Record of Employment (an employee's insurable hours and earnings)",
      description:
        "Called by an employer's payroll system with its bearer token (`Authorization: Bearer …`, configured in EMPLOYER_API_TOKENS). The pay periods are stored encrypted (Protected B) against the person found by SIN, and an Employment Insurance application reads them: the person never retypes them. The same serial sent again by the same employer is kept once.",
      tags: ['employment'],
      responses: partnerCallResponses({
        schema: 'RecordOfEmploymentReceived',
        recorded: 'Received',
        again: 'This employer already sent this serial: kept once, nothing changed',
        caller: 'employer',
        unprocessable: 'An invalid or unknown SIN, or dates that contradict each other',
      }),
    },
    handler: (request, reply) => receive(request, reply, deps),
  });
  routes.record('POST', RECORDS_OF_EMPLOYMENT_PATH, 'public');
}

function receive(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: EmploymentApiDependencies,
): Promise<FastifyReply> {
  return receivePartnerCall<EmployerCredential, RecordOfEmploymentBody>(request, reply, {
    holders: deps.employers,
    sinOf: (body) => body.sin,
    issues: (body, sin) => checkRecordOfEmployment(body, sin.ok),
    record: async ({ body, sin, holder: employer }) => {
      const actor = { type: 'agency' as const, id: `employer:${employer.employerId}` };
      const result = await deps.employment.receive(
        recordOf(employer, sin, body),
        partnerAccess(request, actor, 'record-of-employment'),
      );
      if (result === 'unknown-person') return refusePartnerCall([{ pointer: '/sin', code: 'unknown-sin' }]);
      const stored = result === 'stored';
      return {
        status: stored ? 201 : 200,
        body: { serial: body.serial, status: stored ? 'received' : 'already-received' },
      };
    },
  });
}

function recordOf(employer: EmployerCredential, sin: string, body: RecordOfEmploymentBody) {
  return {
    employerId: employer.employerId,
    sin,
    employerName: body.employerName,
    serial: body.serial,
    firstDay: body.firstDay,
    lastDay: body.lastDay,
    reasonCode: body.reasonCode,
    periods: body.payPeriods.map((p) => ({
      weekEnding: p.weekEnding,
      hours: p.hours,
      earningsCents: p.earningsCents,
    })),
  };
}
