import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../platform/db/database.ts';
import type { Database } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { buildTestApp } from '../../test/support/app.ts';
import type { GuichetApp } from '../app.ts';

describe('programme pages a person can act on', () => {
  let database: Database;
  let guichet: GuichetApp;
  before(async () => {
    database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrateToLatest(database.db);
    guichet = await buildTestApp(database, {}, () => new Date('2026-05-15T12:00:00Z'));
  });
  after(async () => {
    await guichet.app.close();
    await database.close();
  });

  it('the OAS page says how much (today’s parameters), when, what you need, how long, how to apply, review', async () => {
    const page = await guichet.app.inject({ url: '/en/programmes/old-age-security' });
    assert.equal(page.statusCode, 200);
    for (const heading of [
      'How much you could get',
      'When it is paid',
      'What you need',
      'How long it takes',
      'How to apply',
      'If you disagree',
    ])
      assert.match(page.body, new RegExp(`<h2[^>]*>${heading}`));
    assert.match(page.body, /Maximum, age 65 to 74<\/dt><dd>\$[\d,]+\.\d\d a month/);
    assert.match(page.body, /In force since April 1, 2026/);
    assert.match(page.body, /<time datetime="2026-05-27">May 27, 2026<\/time>/);
    assert.match(page.body, /href="\/en\/help\/contact\/oas"/);
    assert.match(page.body, /form ISP-3550/);
    assert.match(page.body, /within 90 days/);
  });

  it('in French, with the first of the month as “1er”', async () => {
    const page = await guichet.app.inject({ url: '/fr/programmes/securite-de-la-vieillesse' });
    assert.match(page.body, /En vigueur depuis le 1er avril 2026/);
    assert.match(page.body, /\d\u00a0\$ par mois/);
    assert.match(page.body, /href="\/fr\/aide\/nous-joindre\/oas"/);
  });
});
