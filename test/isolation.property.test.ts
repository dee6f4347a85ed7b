import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { buildApp } from '../src/app.ts';
import type { GuichetApp } from '../src/app.ts';
import { loadReferenceData } from '../src/catalogue/reference-data.ts';
import { testConfig } from '../src/platform/config/config.ts';
import type { Config } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { CSRF_COOKIE } from '../src/platform/security/csrf.ts';
import { DEMO_PEOPLE } from '../src/population/demo-people.ts';
import { SESSION_COOKIE } from '../src/identity/identity.paths.ts';
import { seedIdentityDemo } from '../src/population/index.ts';
import { personSession } from './support/identity/sessions.ts';

/**
 * ASVS 8.2.2 (IDOR): whatever person A does with person B's identifiers, A never sees or changes B's things,
 * and each attempt on B's objects leaves a denied audit record. Later capabilities add operations here.
 */
describe("person A can never read or change person B's things (property-based)", () => {
  let database: Database;
  let guichet: GuichetApp;
  let config: Config;
  const logins = new Map<string, string>();
  const applications = new Map<string, string>();
  before(async () => {
    database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrateToLatest(database.db);
    const base = testConfig({ publicUrl: 'http://localhost:3000', rateLimitPerMinute: 1_000_000 });
    config = { ...base, identity: { ...base.identity, builtInProviders: true } };
    guichet = await buildApp({ config, database });
    await guichet.services.catalogue.seedReferenceData(loadReferenceData());
    await seedIdentityDemo(database, config);
    for (const person of DEMO_PEOPLE) {
      await personSession(guichet, database, person.id, `subject-${person.id}`);
      const row = await database.db
        .selectFrom('identity_login')
        .select('id')
        .where('person_id', '=', person.id)
        .executeTakeFirstOrThrow();
      logins.set(person.id, row.id);
      const context = {
        actor: { type: 'person' as const, id: person.id },
        channel: 'online' as const,
        purpose: 'self-service',
        correlationId: 'setup',
      };
      const started = await guichet.services.applications.applications.start(
        { personId: person.id, programmeId: 'gis', channel: 'online', lang: 'en' },
        { kind: 'person', id: person.id, context },
      );
      if (started.kind === 'started') applications.set(person.id, started.applicationId);
    }
  });
  after(async () => {
    await guichet.app.close();
    await database.close();
  });

  const request = async (token: string, method: 'GET' | 'POST', url: string) => {
    const secret = randomBytes(32).toString('base64url');
    const csrf = createHmac('sha256', config.sessionSecret).update(`csrf:${secret}`).digest('base64url');
    return guichet.app.inject({
      method,
      url,
      headers: {
        cookie: `${CSRF_COOKIE}=${secret}; ${SESSION_COOKIE}=${token}`,
        'x-csrf-token': csrf,
        ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(method === 'POST' ? { payload: '' } : {}),
    });
  };

  const operations = {
    view: (_b: string) => ({ method: 'GET' as const, url: '/en/my-guichet' }),
    removeOthersLogin: (b: string) => ({
      method: 'POST' as const,
      url: `/en/my-guichet/logins/${logins.get(b) ?? ''}/remove`,
    }),
    openOthersFileAsStaff: (b: string) => ({ method: 'GET' as const, url: `/en/staff/clients/${b}` }),
    openOthersApplication: (b: string) => ({
      method: 'GET' as const,
      url: `/en/my-guichet/applications/${applications.get(b) ?? ''}/check-answers`,
    }),
    answerOthersQuestion: (b: string) => ({
      method: 'POST' as const,
      url: `/fr/mon-guichet/demandes/${applications.get(b) ?? ''}/questions/province`,
    }),
    submitOthersApplication: (b: string) => ({
      method: 'POST' as const,
      url: `/en/my-guichet/applications/${applications.get(b) ?? ''}/check-answers`,
    }),
    applyForOtherWithoutAuthorisation: (b: string) => ({
      method: 'POST' as const,
      url: `/en/my-guichet/acting-for/${b}/apply`,
    }),
    statePurposeForOther: (b: string) => ({
      method: 'POST' as const,
      url: `/fr/personnel/clients/${b}/motif`,
    }),
  };

  it('holds for random pairs and operations', async () => {
    const indices = fc.integer({ min: 0, max: DEMO_PEOPLE.length - 1 });
    await fc.assert(
      fc.asyncProperty(
        indices,
        indices,
        fc.constantFrom(...(Object.keys(operations) as (keyof typeof operations)[])),
        fc.constantFrom('en', 'fr'),
        async (ai, bi, op, _lang) => {
          fc.pre(ai !== bi);
          const a = DEMO_PEOPLE[ai];
          const b = DEMO_PEOPLE[bi];
          if (!a || !b) return;
          const token = await personSession(guichet, database, a.id);
          const { method, url } = operations[op](b.id);
          const response = await request(token, method, url);
          assert.ok(response.statusCode < 500, `${op} gave ${response.statusCode}`);
          assert.ok(!response.body.includes(b.family), `${op} showed B's name`);
          const bLogin = await database.db
            .selectFrom('identity_login')
            .select('person_id')
            .where('id', '=', logins.get(b.id) ?? '')
            .executeTakeFirst();
          assert.equal(bLogin?.person_id, b.id, `${op} changed B's login`);
          const fileAccess = await database.db
            .selectFrom('identity_file_access')
            .select('id')
            .where('person_id', '=', b.id)
            .execute();
          assert.equal(fileAccess.length, 0);
          const bApplications = await database.db
            .selectFrom('application')
            .select(['id', 'status', 'updated_at', 'created_at'])
            .where('person_id', '=', b.id)
            .execute();
          assert.equal(bApplications.length, 1, `${op} started an application for B`);
          assert.equal(bApplications[0]?.status, 'draft', `${op} submitted B's application`);
          assert.equal(
            bApplications[0]?.updated_at.getTime(),
            bApplications[0]?.created_at.getTime(),
            `${op} changed B's answers`,
          );
        },
      ),
      { numRuns: 60, seed: 20261122 },
    );
    const denied = await database.db
      .selectFrom('audit_event')
      .select('action')
      .where('outcome', '=', 'denied')
      .execute();
    assert.ok(denied.length > 0, "attempts on another person's objects are audited as denied");
  });
});
