import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../src/app.ts';
import type { GuichetApp } from '../src/app.ts';
import { loadReferenceData } from '../src/catalogue/reference-data.ts';
import { testConfig } from '../src/platform/config/config.ts';
import type { Config } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { RouteEntry } from '../src/platform/http/route-table.ts';
import { CSRF_COOKIE } from '../src/platform/security/csrf.ts';
import { DEMO_PEOPLE } from '../src/population/demo-people.ts';
import { seedIdentityDemo } from '../src/population/index.ts';
import { SESSION_COOKIE } from '../src/identity/identity.paths.ts';
import { ROLE_PERMISSIONS, STAFF_ROLES } from '../src/identity/permissions.ts';
import { registeredRoutes } from './support/identity/route-inventory.ts';
import { personSession, staffSession } from './support/identity/sessions.ts';

interface Actor {
  readonly name: string;
  /** A fresh session per request: some routes (sign-out) end the session they are called with. */
  readonly token: () => Promise<string | null>;
  readonly kind: 'anonymous' | 'person' | 'staff';
  readonly permissions: ReadonlySet<string>;
}

describe('authorisation matrix: every route in the route table × every kind of user', () => {
  let database: Database;
  let guichet: GuichetApp;
  let config: Config;
  const actors: Actor[] = [];
  before(async () => {
    database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrateToLatest(database.db);
    config = testConfig({ publicUrl: 'http://localhost:3000', rateLimitPerMinute: 1_000_000 });
    guichet = await buildApp({
      config: { ...config, identity: { ...config.identity, builtInProviders: true } },
      database,
    });
    await guichet.services.catalogue.seedReferenceData(loadReferenceData());
    await seedIdentityDemo(database, { ...config, identity: { ...config.identity, builtInProviders: true } });
    await guichet.app.ready();
    actors.push({ name: 'anonymous', token: async () => null, kind: 'anonymous', permissions: new Set() });
    actors.push({
      name: 'person (not linked)',
      token: () => personSession(guichet, database, null),
      kind: 'person',
      permissions: new Set(),
    });
    actors.push({
      name: 'person (linked)',
      token: () => personSession(guichet, database, DEMO_PEOPLE[0].id),
      kind: 'person',
      permissions: new Set(),
    });
    for (const role of STAFF_ROLES)
      actors.push({
        name: `staff ${role}`,
        token: () => staffSession(guichet, database, [role]),
        kind: 'staff',
        permissions: new Set(ROLE_PERMISSIONS[role]),
      });
  });
  after(async () => {
    await guichet.app.close();
    await database.close();
  });

  it('every route Fastify serves has an access rule in the route table', () => {
    const declared = new Set(guichet.routes.entries.map((entry) => `${entry.method} ${entry.path}`));
    const missing = registeredRoutes(guichet.app).filter(
      (route) => !declared.has(`${route.method} ${route.path}`),
    );
    assert.deepEqual(missing, [], 'add these routes to the route table with an access rule');
  });

  it('every access rule is public, signed-in or a known permission', () => {
    const known = new Set(Object.values(ROLE_PERMISSIONS).flat());
    for (const entry of guichet.routes.entries) {
      const ok =
        entry.access === 'public' ||
        entry.access === 'signed-in' ||
        known.has(entry.access.replace(/^permission:/, ''));
      assert.ok(ok, `${entry.method} ${entry.path} has an unknown rule ${entry.access}`);
    }
  });

  it('grants and refuses exactly as each rule says', async () => {
    const problems: string[] = [];
    for (const entry of guichet.routes.entries) {
      for (const actor of actors) {
        const response = await call(entry, actor);
        const verdict = judge(entry, actor, response.statusCode, String(response.headers.location ?? ''));
        if (verdict)
          problems.push(
            `${actor.name} ${entry.method} ${entry.path} → ${response.statusCode} ${String(response.headers.location ?? '')}: ${verdict}`,
          );
      }
    }
    assert.deepEqual(problems, []);
  });

  async function call(entry: RouteEntry, actor: Actor) {
    const url = entry.path.replace(/:(\w+)/g, (_, name: string) =>
      name === 'personId'
        ? DEMO_PEOPLE[1].id
        : name === 'provider'
          ? 'gckey'
          : name.endsWith('Id')
            ? '7b0c6a55-0000-4000-8000-000000000000'
            : 'x',
    );
    const secret = randomBytes(32).toString('base64url');
    const csrf = createHmac('sha256', config.sessionSecret).update(`csrf:${secret}`).digest('base64url');
    const token = await actor.token();
    const cookies = [`${CSRF_COOKIE}=${secret}`, ...(token ? [`${SESSION_COOKIE}=${token}`] : [])].join('; ');
    return guichet.app.inject({
      method: entry.method as 'GET' | 'POST',
      url,
      headers: {
        cookie: cookies,
        'x-csrf-token': csrf,
        ...(entry.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(entry.method === 'POST' ? { payload: '' } : {}),
    });
  }
});

/** Returns what is wrong, or null when the answer fits the rule. */
function judge(entry: RouteEntry, actor: Actor, status: number, location: string): string | null {
  const toSignIn = status === 303 && /\/(sign-in|connexion)(\?|$)/.test(location);
  const refused = status === 401 || status === 403 || toSignIn;
  if (entry.access === 'public') return refused ? 'public route refused' : null;
  const staffRoute = entry.access.startsWith('permission:');
  const allowed = staffRoute
    ? actor.kind === 'staff' && actor.permissions.has(entry.access.slice('permission:'.length))
    : actor.kind === 'person';
  if (allowed) return refused ? 'allowed actor refused' : status >= 500 ? 'server error' : null;
  if (actor.kind === 'anonymous') return toSignIn || status === 401 ? null : 'anonymous not sent to sign-in';
  return status === 403 ? null : 'should be 403';
}
