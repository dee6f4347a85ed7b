import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import {
  deathRegisterOf,
  inMemoryEntitlements,
  payeeDirectoryOf,
} from '../../test/support/payments/entitlement-fixtures.ts';
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
  correlationId: 'test-estate-letter',
};

describeOnBothDatabases('the letter to the estate, through the real inbox and record', (database) => {
  let guichet: GuichetApp;
  const deaths: Record<string, string> = {};
  const personId = AMELIE?.id ?? '';
  const rows: EntitlementRow[] = [
    {
      enrolmentId: 'oas-estate-0001',
      personId,
      programmeId: 'oas',
      validFrom: '2026-01-01',
      validTo: null,
      amountCents: 74_231,
      periodKind: 'month',
      decisionId: '51000000-0000-4000-8000-000000000001',
    },
  ];
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
      clock: () => new Date('2026-11-02T12:00:00Z'),
      payments: {
        entitlements: inMemoryEntitlements(rows),
        deaths: { datesOfDeath: (ids) => deathRegisterOf(deaths).datesOfDeath(ids) },
        payees: payeeDirectoryOf(),
      },
    });
    await guichet.services.catalogue.seedReferenceData(loadReferenceData());
    await ensureDemoPeople(database().db, guichet.services.crypto);
    await guichet.app.ready();
    await guichet.services.person.record.changeAddress(
      personId,
      {
        kind: 'residential',
        line1: '1215, rue Saint-Jean',
        line2: null,
        city: 'Québec',
        provinceCode: 'QC',
        postalCode: 'G1R 1S4',
        effectiveFrom: '2020-01-01',
      },
      { ...OFFICER, purpose: 'test' },
    );
    await prepare('2026-09');
    await prepare('2026-10');
    // The death on 20 August is reported after September and October were paid.
    deaths[personId] = '2026-08-20';
    await prepare('2026-11');
  });
  after(async () => {
    await guichet.app.close();
  });

  it('is in the deceased’s inbox in French, to the estate at the last address, printed and not emailed', async () => {
    const documents = await guichet.services.inbox.list(personId);
    const estate = documents.find((d) => d.kind === 'debt');
    assert.ok(estate, 'the letter was delivered');
    assert.equal(estate.delivery, 'paper');
    assert.deepEqual(estate.print, { format: 'standard', printed: false, held: false });
    const opened = await guichet.services.inbox.open(personId, estate.id, OFFICER);
    assert.ok(opened);
    assert.equal(opened.letter.lang, 'fr');
    assert.equal(opened.letter.recipient[0], 'À la succession d’Amélie Tremblay');
    assert.match(opened.letter.recipient.join('\n'), /1215, rue Saint-Jean/);
    const text = await renderLetter(opened.letter, 'text');
    assert.match(text, /1\s484,62\s\$ ont été versés pour des mois après août 2026/);
    assert.match(text, /Loi sur la sécurité de la vieillesse, par\. 37\(1\)/);
    assert.deepEqual(await guichet.services.inbox.notices(personId), [], 'no email or text to the deceased');
  });

  it('the staff client file shows the debt is recovered from the estate, in English and French', async () => {
    const agent = `${SESSION_COOKIE}=${await staffSession(guichet, database(), ['agent'])}`;
    const get = (url: string) => guichet.app.inject({ method: 'GET', url, headers: { cookie: agent } });
    assert.equal((await statePurpose(guichet, agent, personId)).statusCode, 303);
    const en = await get(`/en/staff/clients/${personId}`);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<td data-label="How it is recovered">From the estate<\/td>/);
    assert.match(en.body, /\$1,484\.62/);
    const fr = await get(`/fr/personnel/clients/${personId}`);
    assert.match(fr.body, /Auprès de la succession/);
  });
});
