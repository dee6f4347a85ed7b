import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { changingEntitlements } from '../../test/support/payments/debt-schedule.ts';
import { deathRegisterOf, payeeDirectoryOf } from '../../test/support/payments/entitlement-fixtures.ts';
import { statePurpose } from '../../test/support/app.ts';
import { staffSession } from '../../test/support/identity/sessions.ts';
import { buildApp } from '../app.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';
import type { GuichetApp } from '../app.ts';
import { loadReferenceData } from '../catalogue/reference-data.ts';
import { testConfig } from '../platform/config/config.ts';
import { renderLetter } from '../platform/documents/render-letter.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../population/index.ts';
import type { EntitlementRow } from './run/run-ports.ts';

const [AMELIE] = DEMO_PEOPLE;
const OFFICER = {
  actor: { type: 'staff' as const, id: 'officer-1', role: 'payments-officer' },
  channel: 'online' as const,
  purpose: 'payment-run',
  correlationId: 'test-estate-conversion',
};

describeOnBothDatabases('a debt asked of the estate after a death, through the real inbox', (database) => {
  let guichet: GuichetApp;
  const deaths: Record<string, string> = {};
  const personId = AMELIE?.id ?? '';
  const entitlement = (validFrom: string, validTo: string | null, amountCents: number): EntitlementRow => ({
    enrolmentId: 'oas-estate-0002',
    personId,
    programmeId: 'oas',
    validFrom,
    validTo,
    amountCents,
    periodKind: 'month',
    decisionId: `52000000-0000-4000-8000-0000000000${validFrom.slice(5, 7)}`,
  });
  let schedule = [entitlement('2026-01-01', null, 74_231)];
  const prepare = async (period: string) => {
    const { run } = await guichet.services.payments.runs.start(
      { programmeId: 'oas', period, preparedBy: 'officer-1' },
      OFFICER,
    );
    await guichet.services.payments.runs.resume(run.id);
  };

  before(async () => {
    guichet = await buildApp({
      config: testConfig(),
      database: database(),
      clock: () => new Date('2026-12-02T12:00:00Z'),
      payments: {
        entitlements: changingEntitlements(() => schedule),
        deaths: { datesOfDeath: (ids) => deathRegisterOf(deaths).datesOfDeath(ids) },
        payees: payeeDirectoryOf(),
      },
    });
    await guichet.services.catalogue.seedReferenceData(loadReferenceData());
    await ensureDemoPeople(database().db, guichet.services.crypto);
    await guichet.app.ready();
    await prepare('2026-09');
    // Lowered from September: the October run raises a debt of 442.31, November's payment gives 30.00 to it.
    schedule = [entitlement('2026-01-01', '2026-08-31', 74_231), entitlement('2026-09-01', null, 30_000)];
    await prepare('2026-10');
    await prepare('2026-11');
    deaths[personId] = '2026-11-10';
    await prepare('2026-12');
  });
  after(async () => {
    await guichet.app.close();
  });

  it('posts the estate the balance in French, printed and not emailed, once', async () => {
    const documents = await guichet.services.inbox.list(personId);
    const debts = documents.filter((d) => d.kind === 'debt');
    assert.equal(debts.length, 2, 'the debt letter to the person, then the one to the estate');
    const toEstate = debts.filter((d) => d.print !== null && d.delivery === 'paper');
    const opened = await Promise.all(
      toEstate.map((d) => guichet.services.inbox.open(personId, d.id, OFFICER)),
    );
    const estate = opened.find((o) => o?.letter.recipient[0] === 'À la succession d’Amélie Tremblay');
    assert.ok(estate, 'a letter to the estate, by post');
    const text = await renderLetter(estate.letter, 'text');
    assert.match(text, /paiement en trop de 442,31\s\$/);
    assert.match(text, /30,00\s\$ ont été recouvrés/);
    assert.match(text, /rembourser le solde de 412,31\s\$/);
    await prepare('2027-01');
    const again = (await guichet.services.inbox.list(personId)).filter((d) => d.kind === 'debt');
    assert.equal(again.length, 2, 'told once');
  });

  it('the staff client file shows the converted debt is recovered from the estate', async () => {
    const agent = `${SESSION_COOKIE}=${await staffSession(guichet, database(), ['agent'])}`;
    const get = (url: string) => guichet.app.inject({ method: 'GET', url, headers: { cookie: agent } });
    assert.equal((await statePurpose(guichet, agent, personId)).statusCode, 303);
    const en = await get(`/en/staff/clients/${personId}`);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<td data-label="How it is recovered">From the estate<\/td>/);
    assert.match(en.body, /\$412\.31/);
    const fr = await get(`/fr/personnel/clients/${personId}`);
    assert.match(fr.body, /Auprès de la succession/);
  });
});
