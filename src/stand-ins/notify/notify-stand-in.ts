import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notifyError } from './stand-in-api.ts';
import type { ApiResponse, ApiState } from './stand-in-api.ts';
import { generateApiKey, parseApiKey } from './stand-in-auth.ts';
import { createDeliverySimulator } from './stand-in-delivery.ts';
import type { CallbackAttempt, StoredNotification } from './stand-in-delivery.ts';
import { createRouter } from './stand-in-router.ts';
import type { InjectedFault } from './stand-in-router.ts';
import { GUICHET_TEMPLATES } from './stand-in-templates.ts';
import type { StandInTemplate } from './stand-in-templates.ts';

export type { InjectedFault } from './stand-in-router.ts';

export interface NotifyStandInOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Full API keys (`name-serviceid-secret`) accepted; one is generated when none is given. */
  readonly apiKeys?: readonly string[];
  /** Guichet's notice templates when left out. */
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

/**
 * Starts a GC Notify-compatible server, on 127.0.0.1 unless told otherwise. Development and tests only: it
 * keeps what it sends in memory and shows it unauthenticated at `GET /_stand-in/sent`.
 */
export async function startNotifyStandIn(options: NotifyStandInOptions = {}): Promise<NotifyStandIn> {
  const apiKeys = options.apiKeys ?? [generateApiKey()];
  const templates = options.templates ?? GUICHET_TEMPLATES;
  // The base URL is known once the server listens.
  const state: Omit<ApiState, 'baseUrl'> & { baseUrl: string } = {
    baseUrl: '',
    templates: new Map(templates.map((entry) => [entry.id, entry])),
    notifications: [],
    now: options.now ?? (() => new Date()),
  };
  const delivery = createDeliverySimulator(
    options.deliveryDelayMs ?? 0,
    callbackSettings(options),
    state.now,
  );
  const faults: InjectedFault[] = [];
  const route = createRouter({
    state,
    keys: apiKeys.map(parseApiKey),
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1_000,
    delivery,
    faults,
  });
  const snapshot = () => state.notifications.map((notification) => ({ ...notification }));

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const answer =
      request.method === 'GET' && url.pathname === '/_stand-in/sent'
        ? Promise.resolve({ status: 200, body: { notifications: snapshot() } })
        : route(request, url);
    answer.then(
      (result) => reply(response, result),
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

function callbackSettings(options: NotifyStandInOptions) {
  if (!options.callbackUrl) return undefined;
  return {
    url: options.callbackUrl,
    bearerToken: options.callbackBearerToken ?? '',
    retryDelaysMs: options.callbackRetryDelaysMs ?? [100, 1_000, 5_000],
  };
}

function reply(response: ServerResponse, { status, body }: ApiResponse): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
