import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type {
  AgencyCredential,
  VitalStatisticsCredential,
} from '../platform/config/partner-agencies-config.ts';
import type { OpenApiRegistry } from '../platform/http/openapi.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import {
  partnerAccess,
  partnerCallResponses,
  receivePartnerCall,
  refusePartnerCall,
} from './partner-call.ts';
import type { PartnerAnswer, ValidPartnerCall } from './partner-call.ts';
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
  return {
    operationId,
    summary,
    description,
    tags: ['register'],
    responses: partnerCallResponses({
      schema: 'PartnerEventReceived',
      recorded: 'Recorded',
      again: 'This agency already sent this reference: recorded once, nothing changed',
      caller,
      unprocessable:
        'An invalid or unknown SIN, a date not yet reached, or an event outside the agency’s province',
    }),
  };
}

function receiveBirth(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: PartnerEventsApiDependencies,
): Promise<FastifyReply> {
  const secondOf = (body: BirthRegistrationBody) =>
    body.secondParentSin === undefined ? null : checkSin(body.secondParentSin);
  return receivePartnerCall<VitalStatisticsCredential, BirthRegistrationBody>(request, reply, {
    holders: deps.vitalStatistics,
    sinOf: (body) => body.parentSin,
    issues: (body, parent) => {
      const second = secondOf(body);
      const sins = {
        parent: parent.ok,
        second: second?.ok ?? true,
        same: parent.ok && second?.ok === true && second.sin === parent.sin,
      };
      return checkBirthRegistration(body, sins, today(deps.clock));
    },
    record: (call) =>
      recordVitalEvent(deps, call, { kind: 'birth', sinPointer: '/parentSin' }, (receipt, context) => {
        const second = secondOf(call.body);
        const parents = { parent: call.sin, ...(second?.ok ? { second: second.sin } : {}) };
        return deps.events.receiveBirth(parents, { ...call.body.child }, receipt, context);
      }),
  });
}

function receiveDeath(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: PartnerEventsApiDependencies,
): Promise<FastifyReply> {
  return receivePartnerCall<VitalStatisticsCredential, DeathRegistrationBody>(request, reply, {
    holders: deps.vitalStatistics,
    sinOf: (body) => body.sin,
    issues: (body, sin) => checkDeathRegistration(body, sin.ok, today(deps.clock)),
    record: (call) =>
      recordVitalEvent(deps, call, { kind: 'death', sinPointer: '/sin' }, (receipt, context) =>
        deps.events.receiveDeath(call.sin, call.body.dateOfDeath, receipt, context),
      ),
  });
}

/**
 * A vital event registered once by the agency's registration number, and only in the agency's own province or
 * territory: outside it the call is refused (422) and audited, nothing recorded.
 */
async function recordVitalEvent(
  deps: PartnerEventsApiDependencies,
  call: ValidPartnerCall<VitalStatisticsCredential, { registrationNumber: string; province: string }>,
  event: { kind: 'birth' | 'death'; sinPointer: string },
  record: (receipt: Receipt, context: AccessContext) => Promise<PartnerEventResult>,
): Promise<PartnerAnswer> {
  const { body, holder: agency } = call;
  const receipt = { agencyId: agency.agencyId, kind: event.kind, externalId: body.registrationNumber };
  const context = partnerContext(call.request, agency, 'vital-event');
  if (body.province !== agency.province)
    return outsideJurisdiction(deps, { receipt, province: agency.province, context });
  return answer(await record(receipt, context), body.registrationNumber, event.sinPointer);
}

/** An agency registers only its own province's events: refused (422) and audited, nothing recorded. */
async function outsideJurisdiction(
  deps: PartnerEventsApiDependencies,
  refusal: { receipt: Receipt; province: string; context: AccessContext },
): Promise<PartnerAnswer> {
  await deps.events.refuseOutsideJurisdiction(refusal.receipt, refusal.province, refusal.context);
  return {
    status: 422,
    problem: 'outside-jurisdiction',
    values: { province: refusal.province },
    errors: [{ pointer: '/province', code: 'outside-jurisdiction' }],
  };
}

function receiveAssessment(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: PartnerEventsApiDependencies,
): Promise<FastifyReply> {
  return receivePartnerCall<AgencyCredential, TaxAssessmentBody>(request, reply, {
    holders: deps.cra,
    sinOf: (body) => body.sin,
    issues: (body, sin) => checkTaxAssessment(body, sin.ok, today(deps.clock)),
    record: async ({ body, sin, holder: agency }) => {
      const reference = body.noticeOfAssessmentId;
      const receipt = { agencyId: agency.agencyId, kind: 'tax-assessment' as const, externalId: reference };
      const context = partnerContext(request, agency, 'tax-assessment');
      const result = await deps.events.receiveAssessment(sin, body.taxYear, body.incomes, receipt, context);
      return answer(result, reference, '/sin');
    },
  });
}

function partnerContext(request: FastifyRequest, agency: AgencyCredential, purpose: string): AccessContext {
  const actor = { type: 'agency' as const, id: `agency:${agency.agencyId}`, agencyId: agency.agencyId };
  return partnerAccess(request, actor, purpose);
}

function answer(result: PartnerEventResult, reference: string, sinPointer: string): PartnerAnswer {
  if (result === 'unknown-person') return refusePartnerCall([{ pointer: sinPointer, code: 'unknown-sin' }]);
  if (result === 'unknown-second-parent')
    return refusePartnerCall([{ pointer: '/secondParentSin', code: 'unknown-sin' }]);
  return { status: result === 'recorded' ? 201 : 200, body: { reference, status: result } };
}

function today(clock: () => Date): string {
  return clock().toISOString().slice(0, 10);
}
