import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { AuditActor } from '../platform/audit/audit.service.ts';
import { componentRef, problemResponse } from '../platform/http/openapi.ts';
import { sendProblem } from '../platform/http/problem.ts';
import type { ProblemKind } from '../platform/http/problem.ts';
import { bearerHolder } from '../platform/security/bearer-token.ts';
import { checkSin } from './sin.ts';
import type { SinCheck } from './sin.ts';

/**
 * A validated partner call: the shape every inbound partner API shares (vital statistics agencies, the CRA,
 * employers). The caller's bearer token names the partner, the body has passed its JSON Schema, the SIN it
 * names is checked before anything else the schema cannot say, and only then is the call recorded. Every
 * refusal is an RFC 9457 problem; nothing is recorded unless every check passes.
 */
export interface PartnerCall<Holder extends { readonly token: string }, Body> {
  /** The partners allowed to call, each with its token. */
  readonly holders: readonly Holder[];
  /** The SIN of the person the call is about. */
  sinOf(body: Body): string;
  /** What the schema cannot say, knowing that SIN's check: any issue refuses the call. */
  issues(body: Body, sin: SinCheck): readonly PartnerIssue[];
  /** Records a call whose checks all passed, and says how to answer it. */
  record(call: ValidPartnerCall<Holder, Body>): Promise<PartnerAnswer>;
}

export interface ValidPartnerCall<Holder, Body> {
  readonly body: Body;
  /** The SIN, checked and normalised. */
  readonly sin: string;
  readonly holder: Holder;
  readonly request: FastifyRequest;
}

export interface PartnerIssue {
  readonly pointer: string;
  readonly code: string;
}

/** A call recorded (201) or already recorded (200), or refused as a problem naming each field (422). */
export type PartnerAnswer =
  | { readonly status: 200 | 201; readonly body: unknown }
  | {
      readonly status: 422;
      readonly problem: ProblemKind;
      readonly errors: readonly PartnerIssue[];
      readonly values?: Record<string, string>;
    };

export async function receivePartnerCall<Holder extends { readonly token: string }, Body>(
  request: FastifyRequest,
  reply: FastifyReply,
  call: PartnerCall<Holder, Body>,
): Promise<FastifyReply> {
  const holder = bearerHolder(request.headers.authorization, call.holders);
  if (!holder) return sendProblem(request, reply, 'unauthorized', 401);
  const body = request.body as Body;
  const sin = checkSin(call.sinOf(body));
  const issues = call.issues(body, sin);
  if (!sin.ok || issues.length > 0) return answerPartner(request, reply, refusePartnerCall(issues));
  return answerPartner(request, reply, await call.record({ body, sin: sin.sin, holder, request }));
}

/** A refusal of the call's content (422, `validation`): nothing was recorded. */
export function refusePartnerCall(issues: readonly PartnerIssue[]): PartnerAnswer {
  return { status: 422, problem: 'validation', errors: issues };
}

/** The audit context of a partner's call: its own channel, the purpose it is allowed, the request's id. */
export function partnerAccess(request: FastifyRequest, actor: AuditActor, purpose: string): AccessContext {
  return { actor, channel: 'partner', purpose, correlationId: request.id };
}

/** The responses every partner call documents, its own texts for a first and a repeated call. */
export function partnerCallResponses(texts: {
  readonly schema: string;
  readonly recorded: string;
  readonly again: string;
  readonly caller: string;
  readonly unprocessable: string;
}): Record<string, unknown> {
  const received = (description: string) => ({
    description,
    content: { 'application/json': { schema: componentRef(texts.schema) } },
  });
  return {
    '201': received(texts.recorded),
    '200': received(texts.again),
    '400': problemResponse('A body that fails the schema (errors name each field)'),
    '401': problemResponse(`Without a valid ${texts.caller} bearer token`),
    '415': problemResponse('The body is not application/json'),
    '422': problemResponse(texts.unprocessable),
  };
}

function answerPartner(request: FastifyRequest, reply: FastifyReply, answer: PartnerAnswer): FastifyReply {
  if (answer.status !== 422)
    return reply.code(answer.status).header('cache-control', 'no-store').send(answer.body);
  return sendProblem(request, reply, answer.problem, 422, {
    ...(answer.values ? { values: answer.values } : {}),
    errors: answer.errors.map((issue) => ({ ...issue, detail: issue.code })),
  });
}
