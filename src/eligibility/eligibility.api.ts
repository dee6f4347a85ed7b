import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { householdSchema } from '../rules/index.ts';
import { todayIso } from '../platform/clock.ts';
import { sendProblem } from '../platform/http/problem.ts';
import { componentRef, problemResponse } from '../platform/http/openapi.ts';
import type { OpenApiRegistry } from '../platform/http/openapi.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { evaluateRequest } from './eligibility.service.ts';
import { EVALUATE_REQUEST_SCHEMA, EVALUATE_RESPONSE_SCHEMA } from './eligibility.schemas.ts';

/** The request as the schema guarantees it once Fastify has validated the body. */
interface EvaluateBody {
  household: unknown;
  date?: string;
  programmes?: string[];
  trace?: boolean;
  estimates?: boolean;
}

const TRACE_PARAMETER = {
  name: 'trace',
  in: 'query',
  required: false,
  description: '`full` sends the trace of every result (as `"trace": true` in the body does)',
  schema: { type: 'string', enum: ['full'] },
};

/** The trace costs more to serialise and send than the rules cost to run: it is sent only when asked for. */
export function traceAsked(body: { trace?: boolean }, query: unknown): boolean {
  const asked = (query as Record<string, unknown> | undefined)?.['trace'];
  return body.trace === true || asked === 'full';
}

/** `POST /api/v1/evaluate`: anonymous, stateless; nothing posted is stored. */
export function registerEligibilityApi(
  app: FastifyInstance,
  routes: RouteTable,
  openapi: OpenApiRegistry,
  clock: () => Date,
): void {
  openapi.addSchema('Household', householdSchema);
  openapi.addSchema('EvaluateRequest', EVALUATE_REQUEST_SCHEMA);
  openapi.addSchema('EvaluateResponse', EVALUATE_RESPONSE_SCHEMA);
  openapi.route(app, {
    method: 'post',
    path: '/api/v1/evaluate',
    body: 'EvaluateRequest',
    operation: {
      operationId: 'evaluateHousehold',
      summary: 'Evaluate a household against every programme (or the ones named) on a date',
      description:
        'Returns, for every programme, eligibility, amounts in integer cents, reason codes and legal citations, or "rates-not-on-file" with the range on file when the date is outside a programme\'s rates. Nothing is stored. The trace (every rule step and the dated parameter values it read) is sent only when asked for, with `"trace": true` in the body or `?trace=full`; otherwise each result carries an empty `trace`, which keeps a couple\'s answer about 1 KB instead of about 80 KB. The response is compressed (gzip, br or deflate) when the request\'s `Accept-Encoding` allows it, and is never cached (`Cache-Control: no-store`).',
      tags: ['rules'],
      parameters: [TRACE_PARAMETER],
      responses: {
        '200': {
          description: 'Results per programme',
          headers: {
            'Cache-Control': { schema: { type: 'string', const: 'no-store' } },
            'Content-Encoding': {
              description: 'gzip, br or deflate when the request accepts it and the body is large enough',
              schema: { type: 'string' },
            },
          },
          content: { 'application/json': { schema: componentRef('EvaluateResponse') } },
        },
        '400': problemResponse('Malformed JSON, or a request that fails the schema (errors name each field)'),
        '415': problemResponse('The body is not application/json'),
        '422': problemResponse('An unknown programme'),
      },
    },
    handler: (request, reply) => handleEvaluate(request, reply, clock),
  });
  routes.record('POST', '/api/v1/evaluate', 'public');
}

function handleEvaluate(request: FastifyRequest, reply: FastifyReply, clock: () => Date): FastifyReply {
  // The answer repeats incomes and family situation: never kept by a browser or a cache (ASVS 14.3.2).
  void reply.header('cache-control', 'no-store');
  const body = request.body as EvaluateBody;
  const outcome = evaluateRequest({
    household: body.household,
    asOf: body.date ?? todayIso(clock),
    trace: traceAsked(body, request.query),
    estimates: body.estimates === true,
    // Fastify checked the body against EvaluateRequest, whose `household` is the published Household schema.
    shapeChecked: true,
    ...(body.programmes ? { programmes: body.programmes } : {}),
  });
  if (outcome.ok) {
    // Compressed only here, never HTML pages: a page carrying a CSRF token beside reflected input must not
    // be compressed (BREACH); this answer holds no secret.
    reply.type('application/json; charset=utf-8').header('cache-control', 'no-store');
    reply.compress(JSON.stringify(outcome.response));
    return reply;
  }
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
