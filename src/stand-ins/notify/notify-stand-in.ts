import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getNotification, listNotifications, notifyError, sendNotification } from './stand-in-api.ts';
import type { ApiResponse, ApiState } from './stand-in-api.ts';
import { authenticate, generateApiKey, parseApiKey } from './stand-in-auth.ts';
import type { ApiKey } from './stand-in-auth.ts';
import { createDeliverySimulator } from './stand-in-delivery.ts';
import type { CallbackAttempt, StoredNotification } from './stand-in-delivery.ts';
import { GUICHET_TEMPLATES } from './stand-in-templates.ts';
import type { StandInTemplate } from './stand-in-templates.ts';

export interface NotifyStandInOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Full API keys (`name-serviceid-secret`) accepted; one is generated when none is given. */
  readonly apiKeys?: readonly string[];
  readonly templates?: readonly StandInTemplate[];
  /** Where delivery receipts go, with this bearer token. */
  readonly callbackUrl?: string;
  readonly callbackBearerToken?: string;
  readonly callbackRetryDelaysMs?: readonly number[];
  /** Requests per rolling minute per service before 429 (GC Notify: 1,000). */
  readonly rateLimitPerMinute?: number;
  /** Between created → sending → final status. */
  readonly deliveryDelayMs?: number;
  readonly now?: () => Date;
}

/** An answer the stand-in gives instead of the real one, for the next send requests: to test retries. */
export interface InjectedFault {
  readonly status: 429 | 500 | 502 | 503 | 504;
  /** The notification is accepted and stored, but the answer is lost (the client sees only the fault). */
  readonly afterAccept?: boolean;
}

export interface NotifyStandIn {
  readonly url: string;
  /** The first accepted API key. */
  readonly apiKey: string;
  /** Copies of every notification sent, oldest first, with recipient, personalisation and text. */
  sentNotifications(): readonly StoredNotification[];
  callbackAttempts(): readonly CallbackAttempt[];
  injectFaults(...faults: readonly InjectedFault[]): void;
  /** Resolves when every simulated delivery and callback under way has finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const ROUTES: readonly {
  readonly method: string;
  readonly pattern: RegExp;
  readonly name: 'email' | 'sms' | 'one' | 'list';
}[] = [
  { method: 'POST', pattern: /^\/v2\/notifications\/email$/, name: 'email' },
  { method: 'POST', pattern: /^\/v2\/notifications\/sms$/, name: 'sms' },
  { method: 'GET', pattern: /^\/v2\/notifications\/([^/]+)$/, name: 'one' },
  { method: 'GET', pattern: /^\/v2\/notifications$/, name: 'list' },
];

/** Starts a GC Notify-compatible server on 127.0.0.1 (development and tests only: it keeps what it sends in memory). */
export async function startNotifyStandIn(options: NotifyStandInOptions = {}): Promise<NotifyStandIn> {
  const apiKeys = options.apiKeys ?? [generateApiKey()];
  const keys = apiKeys.map(parseApiKey);
  const now = options.now ?? (() => new Date());
  const limiter = rateLimiter(options.rateLimitPerMinute ?? 1_000, now);
  const faults: InjectedFault[] = [];
  const callback = options.callbackUrl
    ? {
        url: options.callbackUrl,
        bearerToken: options.callbackBearerToken ?? '',
        retryDelaysMs: options.callbackRetryDelaysMs ?? [100, 1_000, 5_000],
      }
    : undefined;
  const delivery = createDeliverySimulator(options.deliveryDelayMs ?? 0, callback, now);
  const state: { -readonly [K in keyof ApiState]: ApiState[K] } = {
    baseUrl: '',
    templates: new Map((options.templates ?? GUICHET_TEMPLATES).map((template) => [template.id, template])),
    notifications: [],
    now,
  };

  async function route(request: IncomingMessage, url: URL): Promise<ApiResponse> {
    if (request.method === 'GET' && url.pathname === '/_stand-in/sent')
      return { status: 200, body: { notifications: snapshot() } };
    const match = ROUTES.map((candidate) => ({
      candidate,
      found: url.pathname.match(candidate.pattern),
    })).find(({ found }) => found);
    if (!match)
      return {
        status: 404,
        body: { result: 'error', message: 'The requested URL was not found on the server.' },
      };
    if (match.candidate.method !== request.method)
      return {
        status: 405,
        body: { result: 'error', message: 'The method is not allowed for the requested URL.' },
      };
    const auth = await authenticate(request.headers.authorization, keys, Math.floor(now().getTime() / 1000));
    if (!auth.ok) return notifyError(auth.status, 'AuthError', auth.message);
    if (!limiter.allow(auth.key))
      return notifyError(
        429,
        'RateLimitError',
        `Exceeded rate limit for key type LIVE of ${limiter.limit} requests per 60 seconds`,
      );
    const { name, found } = { name: match.candidate.name, found: match.found };
    if (name === 'one') return getNotification(state, auth.key, decodeURIComponent(found?.[1] ?? ''));
    if (name === 'list') return listNotifications(state, auth.key, url.searchParams);
    return send(name, auth.key, request);
  }

  async function send(type: 'email' | 'sms', key: ApiKey, request: IncomingMessage): Promise<ApiResponse> {
    const fault = faults.shift();
    if (fault && !fault.afterAccept) return faultResponse(fault);
    const body = await readJson(request);
    if (body === undefined) return notifyError(400, 'BadRequestError', 'Invalid JSON supplied in POST data');
    const { response, accepted } = sendNotification(state, key, type, body);
    if (accepted) delivery.deliver(accepted);
    return fault && accepted ? faultResponse(fault) : response;
  }

  const snapshot = () => state.notifications.map((notification) => ({ ...notification }));
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    route(request, url).then(
      (answer) => reply(response, answer),
      () => reply(response, notifyError(500, 'Exception', 'Internal server error')),
    );
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { address, port } = server.address() as AddressInfo;
  state.baseUrl = `http://${address}:${port}`;

  return {
    url: state.baseUrl,
    apiKey: apiKeys[0] ?? '',
    sentNotifications: snapshot,
    callbackAttempts: () => delivery.callbacks(),
    injectFaults: (...more) => faults.push(...more),
    settled: () => delivery.settled(),
    async close() {
      delivery.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function faultResponse(fault: InjectedFault): ApiResponse {
  return fault.status === 429
    ? notifyError(
        429,
        'RateLimitError',
        'Exceeded rate limit for key type LIVE of 1000 requests per 60 seconds',
      )
    : notifyError(fault.status, 'Exception', 'Internal server error');
}

/** A rolling 60-second window per service, as GC Notify counts. */
function rateLimiter(limit: number, now: () => Date) {
  const seen = new Map<string, number[]>();
  return {
    limit,
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

function reply(response: ServerResponse, { status, body }: ApiResponse): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
