import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type {
  AgencyCredential,
  VitalStatisticsCredential,
} from '../platform/config/partner-agencies-config.ts';
import { componentRef, problemResponse } from '../platform/http/openapi.ts';
import type { OpenApiRegistry } from '../platform/http/openapi.ts';
import { sendProblem } from '../platform/http/problem.ts';
import { bearerHolder } from '../platform/security/bearer-token.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import type { PartnerEventResult, PartnerEvents } from './partner-events.service.ts';
import type { Receipt } from './partner-events.repository.ts';
import {
  BIRTH_REGISTRATION_SCHEMA,
  BIRTHS_PATH,
  checkBirthRegistration,
  checkDeathRegistration,
  checkTaxAssessment,
  DEATH_REGISTRATION_SCHEMA,
  DEATHS_PATH,
  PARTNER_EVENT_RECEIVED_SCHEMA,
  TAX_ASSESSMENT_SCHEMA,
  TAX_ASSESSMENTS_PATH,
} from './partner-events.schemas.ts';
import type {
  BirthRegistrationBody,
  DeathRegistrationBody,
  EventIssue,
  TaxAssessmentBody,
} from './partner-events.schemas.ts';
import { checkSin } from './sin.ts';

export interface PartnerEventsApiDependencies {
  readonly events: PartnerEvents;
  readonly vitalStatistics: readonly VitalStatisticsCredential[];
  readonly cra: readonly AgencyCredential[];
  readonly clock: () => Date;
}

/**
 * The register's inbound partner APIs: births from the provinces' vital statistics agencies and notices of
 * assessment from the CRA, each agency with its bearer token (VITAL_STATISTICS_API_TOKENS, CRA_API_TOKENS).
 */
export function registerPartnerEventsApi(
  app: FastifyInstance,
  routes: RouteTable,
  openapi: OpenApiRegistry,
  deps: PartnerEventsApiDependencies,
): void {
  openapi.addSchema('BirthRegistration', BIRTH_REGISTRATION_SCHEMA);
  openapi.addSchema('DeathRegistration', DEATH_REGISTRATION_SCHEMA);
  openapi.addSchema('TaxAssessment', TAX_ASSESSMENT_SCHEMA);
  openapi.addSchema('PartnerEventReceived', PARTNER_EVENT_RECEIVED_SCHEMA);
  openapi.route(app, {
    method: 'post',
    path: BIRTHS_PATH,
    body: 'BirthRegistration',
    operation: operation(
      'submitBirthRegistration',
      "A vital statistics agency registers a birth (the child joins the parent's household)",
      'Called by a province’s or territory’s vital statistics agency with its bearer token (VITAL_STATISTICS_API_TOKENS), for a birth in its own province or territory (else 422 outside-jurisdiction). The parent is found by SIN; the child is added to their household and the benefits of the household are re-evaluated. A second parent named by SIN is recorded as the child’s parent too. The same registration number sent again by the same agency records one birth.',
      'vital statistics agency',
    ),
    handler: (request, reply) => receiveBirth(request, reply, deps),
  });
  openapi.route(app, {
    method: 'post',
    path: DEATHS_PATH,
    body: 'DeathRegistration',
    operation: operation(
      'submitDeathRegistration',
      'A vital statistics agency registers a death (the record says so; the benefits end after that month)',
      'Called by a province’s or territory’s vital statistics agency with its bearer token (VITAL_STATISTICS_API_TOKENS), for a death in its own province or territory (else 422 outside-jurisdiction). The person is found by SIN; the record shows the date of death, the deceased’s benefits end after the month of death and the household’s others are re-evaluated. The same registration number sent again by the same agency records one death.',
      'vital statistics agency',
    ),
    handler: (request, reply) => receiveDeath(request, reply, deps),
  });
  openapi.route(app, {
    method: 'post',
    path: TAX_ASSESSMENTS_PATH,
    body: 'TaxAssessment',
    operation: operation(
      'submitTaxAssessment',
      "The CRA sends a notice of assessment (a tax year's incomes)",
      "Called by the Canada Revenue Agency with its bearer token (CRA_API_TOKENS). The year's incomes replace the register's for that year (stored encrypted, Protected B) and the benefits of the household are re-evaluated. The same notice of assessment id sent again changes nothing; a reassessment has its own id.",
      'CRA',
    ),
    handler: (request, reply) => receiveAssessment(request, reply, deps),
  });
  routes.record('POST', BIRTHS_PATH, 'public');
  routes.record('POST', DEATHS_PATH, 'public');
  routes.record('POST', TAX_ASSESSMENTS_PATH, 'public');
}

function operation(operationId: string, summary: string, description: string, caller: string) {
  const received = (text: string) => ({
    description: text,
    content: { 'application/json': { schema: componentRef('PartnerEventReceived') } },
  });
  return {
    operationId,
    summary,
    description,
    tags: ['register'],
    responses: {
      '201': received('Recorded'),
      '200': received('This agency already sent this reference: recorded once, nothing changed'),
      '400': problemResponse('A body that fails the schema (errors name each field)'),
      '401': problemResponse(`Without a valid ${caller} bearer token`),
      '415': problemResponse('The body is not application/json'),
      '422': problemResponse(
        'An invalid or unknown SIN, a date not yet reached, or an event outside the agency’s province',
      ),
    },
  };
}

async function receiveBirth(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: PartnerEventsApiDependencies,
): Promise<FastifyReply> {
  const agency = bearerHolder(request.headers.authorization, deps.vitalStatistics);
  if (!agency) return sendProblem(request, reply, 'unauthorized', 401);
  const body = request.body as BirthRegistrationBody;
  const sin = checkSin(body.parentSin);
  const second = body.secondParentSin === undefined ? null : checkSin(body.secondParentSin);
  const sins = {
    parent: sin.ok,
    second: second?.ok ?? true,
    same: sin.ok && second?.ok === true && second.sin === sin.sin,
  };
  const issues = checkBirthRegistration(body, sins, today(deps.clock));
  if (!sin.ok || issues.length > 0) return refuse(request, reply, issues);
  const receipt = { agencyId: agency.agencyId, kind: 'birth' as const, externalId: body.registrationNumber };
  const context = partnerContext(request, agency, 'vital-event');
  if (body.province !== agency.province)
    return outsideJurisdiction(request, reply, deps, { receipt, province: agency.province, context });
  const parents = { parent: sin.sin, ...(second?.ok ? { second: second.sin } : {}) };
  const result = await deps.events.receiveBirth(parents, { ...body.child }, receipt, context);
  return answer(request, reply, result, body.registrationNumber, '/parentSin');
}

async function receiveDeath(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: PartnerEventsApiDependencies,
): Promise<FastifyReply> {
  const agency = bearerHolder(request.headers.authorization, deps.vitalStatistics);
  if (!agency) return sendProblem(request, reply, 'unauthorized', 401);
  const body = request.body as DeathRegistrationBody;
  const sin = checkSin(body.sin);
  const issues = checkDeathRegistration(body, sin.ok, today(deps.clock));
  if (!sin.ok || issues.length > 0) return refuse(request, reply, issues);
  const receipt = { agencyId: agency.agencyId, kind: 'death' as const, externalId: body.registrationNumber };
  const context = partnerContext(request, agency, 'vital-event');
  if (body.province !== agency.province)
    return outsideJurisdiction(request, reply, deps, { receipt, province: agency.province, context });
  const result = await deps.events.receiveDeath(sin.sin, body.dateOfDeath, receipt, context);
  return answer(request, reply, result, body.registrationNumber, '/sin');
}

/** An agency registers only its own province's events: refused (422) and audited, nothing recorded. */
async function outsideJurisdiction(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: PartnerEventsApiDependencies,
  refusal: { receipt: Receipt; province: string; context: AccessContext },
): Promise<FastifyReply> {
  await deps.events.refuseOutsideJurisdiction(refusal.receipt, refusal.province, refusal.context);
  return sendProblem(request, reply, 'outside-jurisdiction', 422, {
    values: { province: refusal.province },
    errors: [{ pointer: '/province', code: 'outside-jurisdiction', detail: 'outside-jurisdiction' }],
  });
}

async function receiveAssessment(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: PartnerEventsApiDependencies,
): Promise<FastifyReply> {
  const agency = bearerHolder(request.headers.authorization, deps.cra);
  if (!agency) return sendProblem(request, reply, 'unauthorized', 401);
  const body = request.body as TaxAssessmentBody;
  const sin = checkSin(body.sin);
  const issues = checkTaxAssessment(body, sin.ok, today(deps.clock));
  if (!sin.ok || issues.length > 0) return refuse(request, reply, issues);
  const reference = body.noticeOfAssessmentId;
  const receipt = { agencyId: agency.agencyId, kind: 'tax-assessment' as const, externalId: reference };
  const result = await deps.events.receiveAssessment(
    sin.sin,
    body.taxYear,
    body.incomes,
    receipt,
    partnerContext(request, agency, 'tax-assessment'),
  );
  return answer(request, reply, result, reference, '/sin');
}

function partnerContext(request: FastifyRequest, agency: AgencyCredential, purpose: string): AccessContext {
  return {
    actor: { type: 'agency', id: `agency:${agency.agencyId}`, agencyId: agency.agencyId },
    channel: 'partner',
    purpose,
    correlationId: request.id,
  };
}

function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  result: PartnerEventResult,
  reference: string,
  sinPointer: string,
): FastifyReply {
  if (result === 'unknown-person')
    return refuse(request, reply, [{ pointer: sinPointer, code: 'unknown-sin' }]);
  if (result === 'unknown-second-parent')
    return refuse(request, reply, [{ pointer: '/secondParentSin', code: 'unknown-sin' }]);
  return reply
    .code(result === 'recorded' ? 201 : 200)
    .header('cache-control', 'no-store')
    .send({ reference, status: result });
}

function refuse(request: FastifyRequest, reply: FastifyReply, issues: readonly EventIssue[]): FastifyReply {
  return sendProblem(request, reply, 'validation', 422, {
    errors: issues.map((issue) => ({ ...issue, detail: issue.code })),
  });
}

function today(clock: () => Date): string {
  return clock().toISOString().slice(0, 10);
}
