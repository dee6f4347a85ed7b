import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { householdSchema } from '../rules/index.ts';
import { sendProblem } from '../platform/http/problem.ts';
import { problemResponse } from '../platform/http/openapi.ts';
import type { OpenApiRegistry } from '../platform/http/openapi.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { evaluateRequest, todayIso } from './eligibility.service.ts';
import { EVALUATE_REQUEST_SCHEMA, EVALUATE_RESPONSE_SCHEMA } from './eligibility.schemas.ts';

interface EvaluateBody {
  household?: unknown;
  date?: unknown;
  programmes?: unknown;
  trace?: unknown;
  estimates?: unknown;
}

/** `POST /api/v1/evaluate`: anonymous, stateless; nothing posted is stored. */
export function registerEligibilityApi(
  app: FastifyInstance,
  routes: RouteTable,
  openapi: OpenApiRegistry,
  clock: () => Date,
): void {
  app.post('/api/v1/evaluate', (request, reply) => handleEvaluate(request, reply, clock));
  routes.record('POST', '/api/v1/evaluate', 'public');
  openapi.addSchema('Household', householdSchema);
  openapi.addSchema('EvaluateRequest', EVALUATE_REQUEST_SCHEMA);
  openapi.addSchema('EvaluateResponse', EVALUATE_RESPONSE_SCHEMA);
  openapi.addPath('/api/v1/evaluate', 'post', {
    operationId: 'evaluateHousehold',
    summary: 'Evaluate a household against every programme (or the ones named) on a date',
    description:
      'Returns, for every programme, eligibility, amounts in integer cents, reason codes, legal citations and the trace, or "rates-not-on-file" with the range on file when the date is outside a programme\'s rates. Nothing is stored.',
    tags: ['rules'],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/EvaluateRequest' } } },
    },
    responses: {
      '200': {
        description: 'Results per programme',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/EvaluateResponse' } } },
      },
      '400': problemResponse('Malformed JSON, or a household that fails the schema (errors name each field)'),
      '415': problemResponse('The body is not application/json'),
      '422': problemResponse('An unknown programme'),
    },
  });
}

function handleEvaluate(request: FastifyRequest, reply: FastifyReply, clock: () => Date): FastifyReply {
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendProblem(request, reply, 'unsupported-media-type', 415);
  }
  const body = (request.body ?? {}) as EvaluateBody;
  const date = typeof body.date === 'string' ? body.date : todayIso(clock);
  const programmes = Array.isArray(body.programmes)
    ? body.programmes.filter((p): p is string => typeof p === 'string')
    : undefined;
  const outcome = evaluateRequest({
    household: body.household,
    asOf: date,
    trace: body.trace !== false,
    estimates: body.estimates === true,
    ...(programmes ? { programmes } : {}),
  });
  if (outcome.ok) return reply.type('application/json; charset=utf-8').send(outcome.response);
  switch (outcome.kind) {
    case 'invalid-household':
      return sendProblem(request, reply, 'validation', 400, {
        errors: outcome.issues.map((issue) => ({
          pointer: `/household${issue.path}`,
          code: issue.code,
          detail: issue.code,
        })),
      });
    default:
      return sendProblem(request, reply, 'bad-request', outcome.kind === 'invalid-date' ? 400 : 422);
  }
}
