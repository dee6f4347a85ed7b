import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase } from '../../test/support/databases.ts';
import type { TestDatabase } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/app.ts';
import { staffSession } from '../../test/support/identity/sessions.ts';
import type { GuichetApp } from '../app.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';
import { seedPopulation } from '../population/index.ts';

const TODAY = new Date('2026-12-02T12:00:00Z');
const ASK = 'from-day=15&from-month=1&from-year=2025&to-day=15&to-month=1&to-year=2026';

describe('policy analyst: parameter release preview page', () => {
  let db: TestDatabase;
  let guichet: GuichetApp;
  before(async () => {
    db = await openTestDatabase('pglite');
    guichet = await buildTestApp(db.database, {}, () => TODAY);
    await seedPopulation(db.database, guichet.services.crypto, { people: 400, seed: 5 });
  });
  after(async () => {
    await guichet.app.close();
    await db.dispose();
  });

  async function get(url: string, roles: Parameters<typeof staffSession>[2]) {
    const token = await staffSession(guichet, db.database, roles);
    return guichet.app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${token}` } });
  }

  it('shows what changed with sources, the cost per programme and a chart with its table (English)', async () => {
    const page = await get(`/en/staff/policy/release?${ASK}`, ['policy-analyst']);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /What changes between January 15, 2025 and January 15, 2026/);
    assert.match(page.body, /cpp\/ympe/);
    assert.match(page.body, /\$71,300\.00[\s\S]*\$74,600\.00/);
    assert.match(page.body, /<a href="https:\/\/www\.canada\.ca\/en\/revenue-agency/);
    assert.match(
      page.body,
      /<svg class="chart"[^>]*role="img"[^>]*aria-labelledby="decile-chart-title decile-chart-desc"/,
    );
    assert.match(
      page.body,
      /<caption>Winners and losers by decile of household income before tax<\/caption>/,
    );
    assert.match(page.body, /400 people in \d+ households/);
    assert.match(page.body, /GST\/HST credit/);
    const audited = await db.database.db
      .selectFrom('audit_event')
      .select('actor_type')
      .where('action', '=', 'person.register.bulk-read')
      .execute();
    assert.deepEqual(
      audited.map((row) => row.actor_type),
      ['staff'],
      'the register read is audited against the analyst',
    );
  });

  it('is in French at its French address', async () => {
    const page = await get(`/fr/personnel/politiques/diffusion?${ASK}`, ['policy-analyst']);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Ce qui change entre le 15 janvier 2025 et le 15 janvier 2026/);
    assert.match(page.body, /Gagnants et perdants par décile de revenu/);
    assert.match(page.body, /Crédit pour la TPS\/TVH/);
  });

  it('names the field of an impossible date, with the Error: title', async () => {
    const page = await get(
      '/en/staff/policy/release?from-day=31&from-month=2&from-year=2025&to-day=&to-month=&to-year=',
      ['policy-analyst'],
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>Error: /);
    assert.match(page.body, /href="#from-day">Enter a real date/);
    assert.match(page.body, /href="#to-day">Enter a date/);
    assert.doesNotMatch(page.body, /What changes between/);
  });

  it('is refused to staff without the permission, and linked from the analyst’s staff home', async () => {
    for (const role of ['agent', 'analyst'] as const) {
      const refused = await get(`/en/staff/policy/release?${ASK}`, [role]);
      assert.equal(refused.statusCode, 403, role);
    }
    const home = await get('/en/staff', ['policy-analyst']);
    assert.match(home.body, /<a href="\/en\/staff\/policy\/release">Preview a parameter release<\/a>/);
  });
});
