import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const CSRF_COOKIE = '__Host-guichet-csrf';
export const CSRF_FIELD = '_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    /** The token to put in every form's hidden `_csrf` field. */
    csrfToken(): string;
  }
}

export class CsrfError extends Error {
  readonly statusCode = 403;
  constructor() {
    super('Missing or invalid CSRF token');
    this.name = 'CsrfError';
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Signed double-submit token (ASVS 3.5.1): a random secret in a __Host- cookie and, in each form, an HMAC
 * of it under the server's key. `/api/` is exempt because API calls never authenticate with cookies
 * (bearer credentials only), so a forged cross-site request carries no authority.
 */
export function registerCsrf(app: FastifyInstance, secret: string): void {
  app.decorateRequest('csrfToken', function (this: FastifyRequest) {
    // A page asks once per form (the header's sign-out is one): one HMAC per request is enough.
    const request = this as RequestWithSecret;
    request[TOKEN] ??= signToken(secret, ensureCookieSecret(request));
    return request[TOKEN];
  });
  app.addHook('preHandler', async (request) => {
    if (!UNSAFE_METHODS.has(request.method) || isJsonApiCall(request)) return;
    const cookieSecret = request.cookies[CSRF_COOKIE];
    const submitted = readSubmittedToken(request);
    if (!cookieSecret || !submitted || !tokensMatch(signToken(secret, cookieSecret), submitted)) {
      request.log.warn({ event: 'csrf.rejected', url: request.routeOptions.url }, 'CSRF token rejected');
      throw new CsrfError();
    }
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    setCookieIfNew(request, reply);
    done(null, payload);
  });
}

const NEW_SECRET = Symbol('newCsrfSecret');
const TOKEN = Symbol('csrfToken');
type RequestWithSecret = FastifyRequest & { [NEW_SECRET]?: string; [TOKEN]?: string };

function ensureCookieSecret(request: FastifyRequest): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return existing;
  const withSecret = request as RequestWithSecret;
  withSecret[NEW_SECRET] ??= randomBytes(32).toString('base64url');
  return withSecret[NEW_SECRET];
}

function setCookieIfNew(request: FastifyRequest, reply: FastifyReply): void {
  const created = (request as RequestWithSecret)[NEW_SECRET];
  if (created)
    reply.setCookie(CSRF_COOKIE, created, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}

function signToken(secret: string, cookieSecret: string): string {
  return createHmac('sha256', secret).update(`csrf:${cookieSecret}`).digest('base64url');
}

function tokensMatch(expected: string, submitted: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readSubmittedToken(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : undefined;
  const fromHeader = request.headers['x-csrf-token'];
  return fromBody ?? (typeof fromHeader === 'string' ? fromHeader : undefined);
}

function isJsonApiCall(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}
