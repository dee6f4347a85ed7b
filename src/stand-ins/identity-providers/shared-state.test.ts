// Two Guichet instances and two instances of the same demo provider sharing one database and nothing else, as
// two processes would (ADR 0013): a person signs in through one and reads their pages through the other, and
// the provider's sign-in is served by both of its instances in turn. On both databases (PGlite is one process,
// so there the instances share it in one process; `src/cluster.test.ts` runs real processes on PostgreSQL).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import { buildApp } from '../../app.ts';
import type { GuichetApp } from '../../app.ts';
import { loadReferenceData } from '../../catalogue/index.ts';
import { testConfig } from '../../platform/config/config.ts';
import { seedIdentityDemo } from '../../population/index.ts';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { CookieJar, requestWithJar } from '../../../test/support/app.ts';
import {
  RP_BASE_URL,
  authenticateAtProvider,
  demoAccount,
  fakeClock,
} from '../../../test/support/identity/identity-harness.ts';
import { createProvider } from './provider-server.ts';

describeOnBothDatabases('two instances sharing only the database', (database) => {
  const clock = fakeClock();
  const served = [0, 0];
  let front: Server;
  let guichets: GuichetApp[] = [];

  before(async () => {
    // One issuer, one port; each request goes to the next of two separate oidc-provider instances.
    let next = 0;
    const handlers: ((...args: Parameters<Parameters<typeof createServer>[1] & object>) => void)[] = [];
    front = createServer((req, res) => {
      const which = next++ % 2;
      served[which] = (served[which] ?? 0) + 1;
      handlers[which]?.(req, res);
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
    const options = { issuer, rpBaseUrl: RP_BASE_URL, clock, db: database().db };
    const instances = [await createProvider('alberta', options), await createProvider('alberta', options)];
    handlers.push(...instances.map((instance) => instance.handler));
    assert.deepEqual(instances[0]?.rp, instances[1]?.rp, 'the same client secret');
    assert.deepEqual(instances[0]?.signingJwk, instances[1]?.signingJwk, 'the same signing key');

    const base = testConfig({ publicUrl: RP_BASE_URL });
    const config = {
      ...base,
      identity: {
        ...base.identity,
        builtInProviders: true,
        providers: [instances[0]?.rp].filter((p) => !!p),
      },
    };
    guichets = [
      await buildApp({ config, database: database() }),
      await buildApp({ config, database: database() }),
    ];
    await guichets[0]?.services.catalogue.seedReferenceData(loadReferenceData());
    await seedIdentityDemo(database(), config);
  });

  after(async () => {
    for (const guichet of guichets) await guichet.app.close();
    await new Promise<void>((resolve) => front.close(() => resolve()));
  });

  it('signs in through one instance and reads the pages through the other', async () => {
    const [one, other] = guichets as [GuichetApp, GuichetApp];
    const jar = new CookieJar();
    const start = await requestWithJar(one, jar, 'GET', '/en/sign-in/alberta');
    assert.equal(start.statusCode, 303);
    const journey = await authenticateAtProvider(
      String(start.headers.location),
      demoAccount('alberta', 'jordan.lee'),
      clock,
    );
    assert.ok(served[0] && served[1], `both provider instances answered (${served.join(' and ')})`);
    const callback = await requestWithJar(one, jar, 'GET', journey.callbackUrl.slice(RP_BASE_URL.length));
    assert.equal(callback.statusCode, 303);
    assert.equal(callback.headers.location, '/en/my-guichet');
    const models = await database()
      .db.selectFrom('idp_oidc_state')
      .select('model')
      .where('provider', '=', 'alberta')
      .execute();
    for (const model of ['Session', 'Grant', 'AuthorizationCode'])
      assert.ok(
        models.some((row) => row.model === model),
        `the provider's ${model} is in the database, not in either instance's memory`,
      );

    for (const url of ['/en/my-guichet', '/en/my-guichet/profile']) {
      const page = await requestWithJar(other, jar, 'GET', url);
      assert.equal(page.statusCode, 200, url);
      assert.match(page.body, /Jordan/);
    }
  });
});
