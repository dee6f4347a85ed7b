import { createHmac, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/app.ts';
import type { GuichetApp } from '../../src/app.ts';
import { loadReferenceData } from '../../src/catalogue/reference-data.ts';
import { testConfig } from '../../src/platform/config/config.ts';
import type { Config } from '../../src/platform/config/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { RouteEntry } from '../../src/platform/http/route-table.ts';
import { createLogger } from '../../src/platform/observability/logger.ts';
import { CSRF_COOKIE } from '../../src/platform/security/csrf.ts';
import { DEMO_PEOPLE, seedIdentityDemo } from '../../src/population/index.ts';
import { SESSION_COOKIE } from '../../src/identity/identity.paths.ts';
import { ROLE_PERMISSIONS, STAFF_ROLES } from '../../src/identity/permissions.ts';
import { personSession, staffSession } from './identity/sessions.ts';

/**
 * Drives every route of the real application as the right person: the route table says who may use a
 * route, and the driver signs in as that kind of user (a linked person, or staff holding the permission),
 * with a valid CSRF token, so that what is sent reaches the handler. Used by the fuzz and log-canary tests,
 * so a new route is covered without anyone adding it to a list.
 */
export interface RouteDriver {
  readonly guichet: GuichetApp;
  readonly config: Config;
  /** Everything the application logged, as text (one JSON line per entry). */
  readonly log: () => string;
  /** Every page route that takes a POST, in both languages. */
  postRoutes(): RouteEntry[];
  /** Every GET route with path parameters filled in. */
  getRoutes(): RouteEntry[];
  /** The names of every field of every form the application shows (read from the pages themselves). */
  formFieldNames(): Promise<string[]>;
  send(entry: RouteEntry, body: Payload, query?: string): Promise<DriverResponse>;
}

export interface Payload {
  readonly contentType?: string;
  readonly payload?: string | Buffer;
}

export interface DriverResponse {
  readonly statusCode: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers: Record<string, unknown>;
}

export async function startRouteDriver(database: Database): Promise<RouteDriver> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const base = testConfig({ publicUrl: 'http://localhost:3000', rateLimitPerMinute: 1_000_000 });
  const config: Config = { ...base, identity: { ...base.identity, builtInProviders: true } };
  const guichet = await buildApp({
    config,
    database,
    logger: createLogger({ logLevel: 'trace' }, sink),
  });
  await guichet.services.catalogue.seedReferenceData(loadReferenceData());
  await seedIdentityDemo(database, config);
  await guichet.app.ready();

  const tokenFor = async (access: RouteEntry['access']): Promise<string | null> => {
    if (access === 'public') return null;
    if (access === 'signed-in') return personSession(guichet, database, DEMO_PEOPLE[0].id);
    const permission = access.slice('permission:'.length);
    const role = STAFF_ROLES.find((r) => ROLE_PERMISSIONS[r].includes(permission));
    return role ? staffSession(guichet, database, [role]) : null;
  };

  const send = async (entry: RouteEntry, body: Payload, query = ''): Promise<DriverResponse> => {
    const secret = randomBytes(32).toString('base64url');
    const csrf = createHmac('sha256', config.sessionSecret).update(`csrf:${secret}`).digest('base64url');
    const token = await tokenFor(entry.access);
    const cookie = [`${CSRF_COOKIE}=${secret}`, ...(token ? [`${SESSION_COOKIE}=${token}`] : [])].join('; ');
    const response = await guichet.app.inject({
      method: entry.method as 'GET' | 'POST',
      url: `${fillPath(entry.path)}${query}`,
      headers: {
        cookie,
        'x-csrf-token': csrf,
        ...(body.contentType ? { 'content-type': body.contentType } : {}),
      },
      ...(body.payload === undefined ? {} : { payload: body.payload }),
    });
    return {
      statusCode: response.statusCode,
      contentType: String(response.headers['content-type'] ?? ''),
      body: response.body,
      headers: response.headers,
    };
  };

  const pages = () => guichet.routes.entries.filter((entry) => entry.lang !== null);
  return {
    guichet,
    config,
    log: () => lines.join(''),
    postRoutes: () => pages().filter((entry) => entry.method === 'POST'),
    getRoutes: () => guichet.routes.entries.filter((entry) => entry.method === 'GET'),
    async formFieldNames() {
      const names = new Set<string>(GENERIC_FIELDS);
      for (const entry of pages().filter((e) => e.method === 'GET')) {
        const { body } = await send(entry, {});
        for (const match of body.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g))
          if (match[1] && match[1] !== '_csrf') names.add(match[1]);
      }
      return [...names].sort();
    },
    send,
  };
}

/** Fields no page may show until a step before it is done: posted everywhere all the same. */
const GENERIC_FIELDS = ['email', 'phone', 'sin', 'income', 'message', 'body', 'reason', 'code'];

/** Fills `:name` segments with values that exist (the demo people) or at least have the right shape. */
export function fillPath(path: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) =>
    name === 'personId'
      ? DEMO_PEOPLE[1].id
      : name === 'provider'
        ? 'gckey'
        : name.endsWith('Id')
          ? '7b0c6a55-0000-4000-8000-000000000000'
          : 'x',
  );
}

/** A form body: every field set to `value(name)`. */
export function formOf(names: readonly string[], value: (name: string) => string): Payload {
  const params = new URLSearchParams();
  for (const name of names) params.append(name, value(name));
  return { contentType: 'application/x-www-form-urlencoded', payload: params.toString() };
}
