import type { IncomingMessage } from 'node:http';
import { getNotification, listNotifications, notifyError, sendNotification } from './stand-in-api.ts';
import type { ApiResponse, ApiState } from './stand-in-api.ts';
import { authenticate } from './stand-in-auth.ts';
import type { ApiKey } from './stand-in-auth.ts';
import type { DeliverySimulator } from './stand-in-delivery.ts';

/** An answer the stand-in gives instead of the real one, for the next send requests: to test retries. */
export interface InjectedFault {
  readonly status: 429 | 500 | 502 | 503 | 504;
  /** The notification is accepted and stored, but the answer is lost (the client sees only the fault). */
  readonly afterAccept?: boolean;
}

export interface RouterParts {
  readonly state: ApiState;
  readonly keys: readonly ApiKey[];
  readonly rateLimitPerMinute: number;
  readonly delivery: DeliverySimulator;
  /** Consumed one per send request. */
  readonly faults: InjectedFault[];
}

type Route = { readonly name: 'email' | 'sms' | 'list' } | { readonly name: 'one'; readonly id: string };

const MAX_BODY_BYTES = 1_000_000;
const FLASK_ERROR = (status: number, message: string): ApiResponse => ({
  status,
  body: { result: 'error', message },
});

/** Routes a request as GC Notify's v2 API does: authenticate, rate-limit, then the endpoint. */
export function createRouter(
  parts: RouterParts,
): (request: IncomingMessage, url: URL) => Promise<ApiResponse> {
  const { state, keys, delivery, faults } = parts;
  const limiter = rateLimiter(parts.rateLimitPerMinute, state.now);

  async function send(type: 'email' | 'sms', key: ApiKey, request: IncomingMessage): Promise<ApiResponse> {
    const fault = faults.shift();
    if (fault && !fault.afterAccept) return faultResponse(fault, parts.rateLimitPerMinute);
    const body = await readJson(request);
    if (body === undefined) return notifyError(400, 'BadRequestError', 'Invalid JSON supplied in POST data');
    const { response, accepted } = sendNotification(state, key, type, body);
    if (accepted) delivery.deliver(accepted);
    return fault && accepted ? faultResponse(fault, parts.rateLimitPerMinute) : response;
  }

  return async (request, url) => {
    const route = findRoute(request.method ?? 'GET', url.pathname);
    if (typeof route === 'number')
      return route === 404
        ? FLASK_ERROR(404, 'The requested URL was not found on the server.')
        : FLASK_ERROR(405, 'The method is not allowed for the requested URL.');
    const auth = await authenticate(
      request.headers.authorization,
      keys,
      Math.floor(state.now().getTime() / 1000),
    );
    if (!auth.ok) return notifyError(auth.status, 'AuthError', auth.message);
    if (!limiter.allow(auth.key)) return rateLimitError(parts.rateLimitPerMinute);
    if (route.name === 'one') return getNotification(state, auth.key, route.id);
    if (route.name === 'list') return listNotifications(state, auth.key, url.searchParams);
    return send(route.name, auth.key, request);
  };
}

function findRoute(method: string, path: string): Route | 404 | 405 {
  const one = /^\/v2\/notifications\/([^/]+)$/.exec(path)?.[1];
  if (path === '/v2/notifications/email' || path === '/v2/notifications/sms') {
    return method === 'POST' ? { name: path.endsWith('email') ? 'email' : 'sms' } : 405;
  }
  if (path === '/v2/notifications') return method === 'GET' ? { name: 'list' } : 405;
  if (one !== undefined) return method === 'GET' ? { name: 'one', id: decodeURIComponent(one) } : 405;
  return 404;
}

function rateLimitError(limit: number): ApiResponse {
  return notifyError(
    429,
    'RateLimitError',
    `Exceeded rate limit for key type LIVE of ${limit} requests per 60 seconds`,
  );
}

function faultResponse(fault: InjectedFault, limit: number): ApiResponse {
  return fault.status === 429
    ? rateLimitError(limit)
    : notifyError(fault.status, 'Exception', 'Internal server error');
}

/** A rolling 60-second window per service, as GC Notify counts. */
function rateLimiter(limit: number, now: () => Date) {
  const seen = new Map<string, number[]>();
  return {
    allow(key: ApiKey): boolean {
      const time = now().getTime();
      const recent = (seen.get(key.serviceId) ?? []).filter((at) => time - at < 60_000);
      const allowed = recent.length < limit;
      if (allowed) recent.push(time);
      seen.set(key.serviceId, recent);
      return allowed;
    },
  };
}

/** The parsed body; undefined when it is not JSON or is too large. */
async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
