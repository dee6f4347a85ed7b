import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import pg from 'pg';
import type { GuichetApp } from '../app.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../population/demo-people.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';
import { personSession } from '../../test/support/identity/sessions.ts';
import { testConfig } from '../platform/config/config.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import { buildTestApp, CookieJar, requestWithJar } from '../../test/support/app.ts';
import { describeOnPostgres } from '../../test/support/databases.ts';

const jordan = DEMO_PEOPLE[1];

/** The statements PostgreSQL receives while `run` runs, by prepared name (or the start of their text). */
async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { name?: string; text?: string };
    seen.push(
      typeof first === 'string' ? first.slice(0, 40) : (first.name ?? first.text?.slice(0, 40) ?? ''),
    );
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = query;
  }
  return seen;
}

// Issue #12, ADR 0013: a signed-in read costs a round trip per statement, so My profile keeps to three
// (the session with the header's name, the record with its changes, the audit append before the page is sent).
describeOnPostgres('My profile’s round trips to the database', (database) => {
  let guichet: GuichetApp;
  let jar: CookieJar;

  before(async () => {
    guichet = await buildTestApp(database());
    const crypto = createFieldCrypto(testConfig());
    await ensureDemoPeople(database().db, crypto);
    await crypto.close();
    jar = new CookieJar();
    const token = await personSession(guichet, database(), jordan.id);
    jar.store({ headers: { 'set-cookie': `${SESSION_COOKIE}=${token}; Path=/` } });
  });
  after(async () => {
    await guichet.app.close();
  });

  it('reads the session and name in one statement, the record and its changes in one, and appends the audit entry', async () => {
    await requestWithJar(guichet, jar, 'GET', '/en/my-guichet/profile'); // connections warmed, rate limit reserved
    let page: { statusCode: number; body: string } | undefined;
    const statements = await statementsDuring(async () => {
      page = await requestWithJar(guichet, jar, 'GET', '/en/my-guichet/profile');
    });
    assert.equal(page?.statusCode, 200);
    assert.match(page?.body ?? '', /Jordan Lee/, 'the header and the record both show the name');
    const own = statements.filter(
      (name) => !/^(SELECT|UPDATE|INSERT|DELETE|WITH|BEGIN|COMMIT)\b/i.test(name),
    );
    assert.deepEqual(own, ['identity.session-with-holder', 'person.record-with-changes', 'audit.insert']);
  });
});
