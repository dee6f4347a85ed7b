import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { EmployerCredential } from '../platform/config/employers-config.ts';
import { componentRef, problemResponse } from '../platform/http/openapi.ts';
import type { OpenApiRegistry } from '../platform/http/openapi.ts';
import { sendProblem } from '../platform/http/problem.ts';
import { bearerHolder } from '../platform/security/bearer-token.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { checkSin } from '../person/index.ts';
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
  const received = (description: string) => ({
    description,
    content: { 'application/json': { schema: componentRef('RecordOfEmploymentReceived') } },
  });
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
      responses: {
        '201': received('Received'),
        '200': received('This employer already sent this serial: kept once, nothing changed'),
        '400': problemResponse('A body that fails the schema (errors name each field)'),
        '401': problemResponse('Without a valid employer bearer token'),
        '415': problemResponse('The body is not application/json'),
        '422': problemResponse('An invalid or unknown SIN, or dates that contradict each other'),
      },
    },
    handler: (request, reply) => receive(request, reply, deps),
  });
  routes.record('POST', RECORDS_OF_EMPLOYMENT_PATH, 'public');
}

async function receive(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: EmploymentApiDependencies,
): Promise<FastifyReply> {
  const employer = bearerHolder(request.headers.authorization, deps.employers);
  if (!employer) return sendProblem(request, reply, 'unauthorized', 401);
  const body = request.body as RecordOfEmploymentBody;
  const sin = checkSin(body.sin);
  const issues = checkRecordOfEmployment(body, sin.ok);
  if (!sin.ok || issues.length > 0) return refuse(request, reply, issues);
  const context: AccessContext = {
    actor: { type: 'agency', id: `employer:${employer.employerId}` },
    channel: 'partner',
    purpose: 'record-of-employment',
    correlationId: request.id,
  };
  const result = await deps.employment.receive(
    {
      employerId: employer.employerId,
      sin: sin.sin,
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
    },
    context,
  );
  if (result === 'unknown-person') return refuse(request, reply, [{ pointer: '/sin', code: 'unknown-sin' }]);
  const stored = result === 'stored';
  return reply
    .code(stored ? 201 : 200)
    .header('cache-control', 'no-store')
    .send({ serial: body.serial, status: stored ? 'received' : 'already-received' });
}

function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  issues: readonly { pointer: string; code: string }[],
): FastifyReply {
  return sendProblem(request, reply, 'validation', 422, {
    errors: issues.map((issue) => ({ ...issue, detail: issue.code })),
  });
}
