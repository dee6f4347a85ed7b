import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../../src/app.ts';
import type { GuichetApp } from '../../../src/app.ts';
import { loadReferenceData } from '../../../src/catalogue/reference-data.ts';
import { testConfig } from '../../../src/platform/config/config.ts';
import type { Config } from '../../../src/platform/config/config.ts';
import { openDatabase } from '../../../src/platform/db/database.ts';
import type { Database, DatabaseKind } from '../../../src/platform/db/database.ts';
import { openTestDatabase } from '../databases.ts';
import type { TestDatabase } from '../databases.ts';
import { migrateToLatest } from '../../../src/platform/db/migrate.ts';
import { DEMO_PASSWORD } from '../../../src/stand-ins/identity-providers/demo-accounts.ts';
import type { BuiltInProviderId } from '../../../src/stand-ins/identity-providers/demo-accounts.ts';
import { startBuiltInProviders } from '../../../src/stand-ins/identity-providers/provider-server.ts';
import type { RunningProvider } from '../../../src/stand-ins/identity-providers/provider-server.ts';
import { seedIdentityDemo } from '../../../src/population/index.ts';
import { DEMO_ACCOUNTS } from '../../../src/stand-ins/identity-providers/demo-accounts.ts';
import { totp } from '../../../src/stand-ins/identity-providers/totp.ts';
import { SESSION_COOKIE } from '../../../src/identity/identity.paths.ts';
import { CookieJar, requestWithJar } from '../app.ts';

export { CookieJar };

export const RP_BASE_URL = 'http://localhost:3000';

/** A fresh in-memory database, the four real providers on free ports and Guichet built against them. */
export interface IdentityHarness {
  readonly guichet: GuichetApp;
  readonly database: Database;
  readonly config: Config;
  readonly providers: readonly RunningProvider[];
  readonly clock: FakeClock;
  /** The providers' own clock: each TOTP works once, so journeys move it on by a step after using one. */
  readonly providerClock: FakeClock;
  close(): Promise<void>;
}

export interface FakeClock {
  (): Date;
  advance(seconds: number): void;
}

export function fakeClock(): FakeClock {
  let offset = 0;
  const clock = (() => new Date(Date.now() + offset)) as FakeClock;
  clock.advance = (seconds) => {
    offset += seconds * 1000;
  };
  return clock;
}

export async function startIdentityHarness(
  overrides: Partial<Config> = {},
  /** PostgreSQL for the suites that run on both databases (a throwaway schema, `test/support/databases.ts`). */
  kind: DatabaseKind = 'pglite',
): Promise<IdentityHarness> {
  const { database, dispose } = await openHarnessDatabase(kind);
  const clock = fakeClock();
  const providerClock = fakeClock();
  const running = await startBuiltInProviders({
    rpBaseUrl: RP_BASE_URL,
    portBase: 0,
    clock: providerClock,
    db: database.db,
  });
  const base = testConfig({ publicUrl: RP_BASE_URL, ...overrides });
  const config: Config = {
    ...base,
    identity: { ...base.identity, builtInProviders: true, providers: running.providers.map((p) => p.rp) },
  };
  const guichet = await buildApp({ config, database, clock });
  await guichet.services.catalogue.seedReferenceData(loadReferenceData());
  await seedIdentityDemo(database, config);
  return {
    guichet,
    database,
    config,
    providers: running.providers,
    clock,
    providerClock,
    async close() {
      await guichet.app.close();
      await running.close();
      await dispose();
    },
  };
}

async function openHarnessDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'postgres') return openTestDatabase('postgres');
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrateToLatest(database.db);
  return { database, dispose: () => database.close() };
}

/** GET or POST on Guichet through inject, with the jar's cookies. */
export async function guichetRequest(
  h: IdentityHarness,
  jar: CookieJar,
  method: 'GET' | 'POST',
  url: string,
  form?: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return requestWithJar(h.guichet, jar, method, url, form);
}

/** Fetches a page and returns the form's CSRF token, so a later POST carries it like a browser would. */
export async function csrfFrom(h: IdentityHarness, jar: CookieJar, url: string): Promise<string> {
  const page = await guichetRequest(h, jar, 'GET', url);
  const match = /name="_csrf" value="([^"]+)"/.exec(page.body);
  if (!match?.[1]) throw new Error(`No CSRF token on ${url} (status ${page.statusCode})`);
  return match[1];
}

export interface ProviderJourney {
  /** Where the provider finally sent the browser back to Guichet. */
  readonly callbackUrl: string;
  readonly pages: string[];
}

/** Drives the provider's own pages over real HTTP: follows redirects, fills the login and code forms. */
export async function authenticateAtProvider(
  authorizeUrl: string,
  account: { username: string; password?: string; totpSecret?: string },
  clock: FakeClock,
): Promise<ProviderJourney> {
  const jar = new CookieJar();
  const pages: string[] = [];
  let url = authorizeUrl;
  let method: 'GET' | 'POST' = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop += 1) {
    if (url.startsWith(RP_BASE_URL)) return { callbackUrl: url, pages };
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    jar.storeLines(response.headers.getSetCookie());
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location') ?? '', url).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await response.text();
    pages.push(html);
    if (response.status !== 200) throw new ProviderPageError(response.status, html);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    if (!action) throw new ProviderPageError(response.status, html);
    const isCode = html.includes('name="code"');
    if (isCode && pages.filter((p) => p.includes('name="code"')).length > 1)
      throw new ProviderPageError(response.status, html);
    if (isCode) clock.advance(30);
    const fields: Record<string, string> = isCode
      ? { code: totp(account.totpSecret ?? '', clock()) }
      : { username: account.username, password: account.password ?? DEMO_PASSWORD };
    url = new URL(action, url).href;
    method = 'POST';
    body = new URLSearchParams(fields).toString();
  }
  throw new Error('Too many redirects at the provider');
}

export class ProviderPageError extends Error {
  constructor(
    readonly status: number,
    readonly html: string,
  ) {
    super(`Provider answered ${status}`);
    this.name = 'ProviderPageError';
  }
}

export function demoAccount(provider: BuiltInProviderId, username: string) {
  const account = DEMO_ACCOUNTS[provider].find((a) => a.username === username);
  if (!account) throw new Error(`No demo account ${username}`);
  return account;
}

/** The whole journey: Guichet → provider → Guichet callback. Returns the jar with the session cookie. */
export async function signIn(
  h: IdentityHarness,
  provider: BuiltInProviderId,
  username: string,
  options: { lang?: 'en' | 'fr'; jar?: CookieJar; query?: string } = {},
): Promise<{ jar: CookieJar; callback: LightMyRequestResponse }> {
  const jar = options.jar ?? new CookieJar();
  const start = await guichetRequest(
    h,
    jar,
    'GET',
    `/${options.lang === 'fr' ? 'fr/connexion' : 'en/sign-in'}/${provider}${options.query ?? ''}`,
  );
  if (start.statusCode !== 303) throw new Error(`Sign-in start answered ${start.statusCode}`);
  const journey = await authenticateAtProvider(
    String(start.headers.location),
    demoAccount(provider, username),
    h.providerClock,
  );
  const callback = await guichetRequest(h, jar, 'GET', journey.callbackUrl.slice(RP_BASE_URL.length));
  return { jar, callback };
}

export function sessionCookie(jar: CookieJar): string | undefined {
  return jar.get(SESSION_COOKIE);
}
