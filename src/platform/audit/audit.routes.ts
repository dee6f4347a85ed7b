import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../http/problem.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import type { RouteTable } from '../http/route-table.ts';
import { AuditEntryNotFoundError, AuditEntryNotSealedError } from './audit-proofs.ts';
import type { AuditService } from './audit.service.ts';
import { AUDIT_SCHEMAS, auditOperations } from './audit.schemas.ts';

const BASE = '/api/v1/audit';
const HEADS_PAGE = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The log's public face, for witnesses and for anyone holding an entry: the public key, every signed tree head,
 * consistency proofs between heads, and inclusion proofs. Nothing here reveals an entry's content.
 */
export function registerAuditRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  openapi: OpenApiRegistry,
  audit: AuditService,
): void {
  const get = (path: string, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) => {
    app.get(`${BASE}${path}`, handler);
    routes.record('GET', `${BASE}${path}`, 'public');
  };
  get('/public-key', async (_request, reply) => {
    const { key, keyId } = audit.publicKey();
    return json(reply).send({
      algorithm: 'Ed25519',
      keyId,
      publicKey: key.export({ format: 'pem', type: 'spki' }).toString(),
    });
  });
  get('/tree-heads', async (request, reply) => {
    const after = sizeParameter((request.query as Record<string, unknown>).after, -1);
    if (after === null) return sendProblem(request, reply, 'bad-request', 400);
    return json(reply).send({ treeHeads: await audit.treeHeads(after, HEADS_PAGE) });
  });
  get('/tree-heads/latest', async (request, reply) => {
    const head = await audit.latestTreeHead();
    return head ? json(reply).header('cache-control', 'no-cache').send(head) : notFound(request, reply);
  });
  get('/consistency-proof', (request, reply) => consistency(audit, request, reply));
  get('/entries/:entryId/inclusion-proof', (request, reply) => inclusion(audit, request, reply));
  documentRoutes(openapi);
}

async function consistency(audit: AuditService, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Record<string, unknown>;
  const first = sizeParameter(query.first, null);
  const second = sizeParameter(query.second, null);
  if (first === null || second === null) return sendProblem(request, reply, 'bad-request', 400);
  try {
    return json(reply).send(await audit.consistencyProof(first, second));
  } catch (error) {
    if (error instanceof RangeError) return sendProblem(request, reply, 'bad-request', 400);
    throw error;
  }
}

async function inclusion(audit: AuditService, request: FastifyRequest, reply: FastifyReply) {
  const { entryId } = request.params as { entryId: string };
  const treeSize = sizeParameter((request.query as Record<string, unknown>).treeSize, undefined);
  if (!UUID.test(entryId) || treeSize === null) return sendProblem(request, reply, 'bad-request', 400);
  try {
    return json(reply).send(await audit.inclusionProof(entryId.toLowerCase(), treeSize));
  } catch (error) {
    if (error instanceof AuditEntryNotFoundError || error instanceof AuditEntryNotSealedError)
      return notFound(request, reply);
    throw error;
  }
}

/** A whole number from the query string; `fallback` when absent, null when malformed. */
function sizeParameter<T extends number | null | undefined>(raw: unknown, fallback: T): number | T | null {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

const json = (reply: FastifyReply) => reply.type('application/json; charset=utf-8');
const notFound = (request: FastifyRequest, reply: FastifyReply) =>
  sendProblem(request, reply, 'not-found', 404);

function documentRoutes(openapi: OpenApiRegistry): void {
  for (const [name, schema] of Object.entries(AUDIT_SCHEMAS)) openapi.addSchema(name, schema);
  for (const [path, operation] of Object.entries(auditOperations()))
    openapi.addPath(`${BASE}${path}`, 'get', operation);
}
