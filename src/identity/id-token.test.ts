import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../app.ts';
import type { GuichetApp } from '../app.ts';
import { testConfig } from '../platform/config/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import type { Database } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { CookieJar } from '../../test/support/identity/identity-harness.ts';
import { startRogueProvider } from '../../test/support/identity/rogue-provider.ts';
import type { RogueMode, RogueProvider } from '../../test/support/identity/rogue-provider.ts';

describe('ID-token validation against a hostile provider (ASVS 9.x, Checklist 1 item 11)', () => {
  let database: Database;
  let guichet: GuichetApp;
  let rogue: RogueProvider;
  before(async () => {
    database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrateToLatest(database.db);
    rogue = await startRogueProvider();
    const base = testConfig({ publicUrl: 'http://localhost:3000' });
    guichet = await buildApp({
      config: {
        ...base,
        identity: {
          ...base.identity,
          providers: [rogue.config, { ...rogue.config, id: 'down', issuer: 'http://127.0.0.1:9' }],
        },
      },
      database,
    });
  });
  after(async () => {
    await guichet.app.close();
    await rogue.close();
    await database.close();
  });

  async function attempt(mode: RogueMode): Promise<number> {
    rogue.mode = mode;
    const jar = new CookieJar();
    const start = await guichet.app.inject({ method: 'GET', url: '/en/sign-in/rogue' });
    jar.store(start);
    const authorize = new URL(String(start.headers.location));
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authorize.searchParams.get('ui_locales'), 'en-CA fr-CA');
    rogue.nonce = authorize.searchParams.get('nonce') ?? '';
    const callback = await guichet.app.inject({
      method: 'GET',
      url: `/auth/callback?code=abc&state=${authorize.searchParams.get('state')}`,
      headers: { cookie: jar.header() },
    });
    jar.store(callback);
    return jar.get('__Host-guichet-session') ? callback.statusCode : -callback.statusCode;
  }

  it('accepts a well-formed token (control)', async () => {
    assert.equal(await attempt('valid'), 303);
  });

  it('accepts a token expired by less than the 5-minute skew', async () => {
    assert.equal(await attempt('expired-within-skew'), 303);
  });

  it('a provider that is down gives a bilingual page that says what to do, never a stack trace', async () => {
    // Service Canada's English and French lines.
    for (const [url, text, phone] of [
      ['/en/sign-in/down', 'not available right now', '1-800-622-6232'],
      ['/fr/connexion/down', 'pas disponible pour le moment', '1-800-808-6352'],
    ] as const) {
      const response = await guichet.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 503);
      assert.match(response.body, new RegExp(text));
      assert.match(response.body, new RegExp(phone));
    }
  });

  for (const mode of [
    'wrong-issuer',
    'wrong-audience',
    'bad-nonce',
    'alg-none',
    'alg-hs256',
    'expired-beyond-skew',
    'wrong-key',
    'issued-in-future',
  ] as const) {
    it(`refuses ${mode} with an error page and no session`, async () => {
      assert.equal(await attempt(mode), -400);
    });
  }
});
