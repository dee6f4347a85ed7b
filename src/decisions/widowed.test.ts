import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { recordingStatuses, submittedApplication } from '../../test/support/applications.ts';
import { createServices } from '../app.services.ts';
import type { Services } from '../app.services.ts';
import { loadReferenceData } from '../catalogue/index.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { testConfig } from '../platform/config/config.ts';
import { createMetrics } from '../platform/observability/metrics.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../population/index.ts';
import { openRecord } from './decision-record.ts';

const [AMELIE, , , SAM] = DEMO_PEOPLE;
const AGENCY: AccessContext = {
  actor: { type: 'system', id: 'qc-vital-statistics' },
  channel: 'partner',
  purpose: 'vital-event',
  correlationId: 'test-widowed',
};

/**
 * Amélie (65+, low income) and her spouse in Québec: her GIS is paid at the rate for a couple. In the first
 * half of 2026: the OAS rates on file end on 30 June 2026, after which the rules cannot tell and a person decides.
 */
function couple(applicantId: string, spouseId: string): unknown {
  const years = (cents: number) =>
    Object.fromEntries(['2023', '2024', '2025'].map((year) => [year, { other: cents }]));
  const residence = { status: 'citizen', livesInCanada: true, yearsInCanadaAfter18: 45 };
  return {
    province: 'QC',
    people: [
      {
        id: applicantId,
        birthDate: '1958-03-14',
        maritalStatus: 'married',
        residence,
        income: years(800_000),
      },
      { id: spouseId, birthDate: '1956-05-01', maritalStatus: 'married', residence, income: years(600_000) },
    ],
    relationships: [{ type: 'spouse', partners: [applicantId, spouseId], kind: 'married' }],
  };
}

describeOnBothDatabases(
  'the surviving spouse: a partner’s death re-evaluates their income-tested benefit as widowed',
  (database) => {
    let services: Services;
    const now = new Date('2026-04-20T15:00:00Z');
    const gis = () =>
      database()
        .db.selectFrom('enrolment_entitlement')
        .select(['amount_cents', 'valid_from', 'valid_to', 'decision_id'])
        .where('person_id', '=', AMELIE?.id ?? '')
        .where('programme_id', '=', 'gis')
        .orderBy('valid_from')
        .execute();
    const day = (value: Date | string | null) =>
      value === null
        ? null
        : typeof value === 'string'
          ? value.slice(0, 10)
          : value.toISOString().slice(0, 10);

    before(async () => {
      assert.ok(AMELIE && SAM);
      const db = database().db;
      services = await createServices({
        config: testConfig(),
        db,
        metrics: createMetrics(),
        clock: () => now,
        applicationStatuses: recordingStatuses(),
      });
      await services.catalogue.seedReferenceData(loadReferenceData());
      await ensureDemoPeople(db, services.crypto);
      // The spouse lives in Amélie's household: the register's death of one concerns the other.
      const home = await db
        .selectFrom('person')
        .select('household_id')
        .where('id', '=', AMELIE.id)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('person')
        .set({ household_id: home.household_id })
        .where('id', '=', SAM.id)
        .execute();
      const outcome = await services.decisions.handler.submitted(
        submittedApplication(AMELIE.id, 'gis', couple(AMELIE.id, SAM.id), {
          submittedAt: new Date('2026-02-10T15:00:00Z'),
        }),
        db,
      );
      assert.equal(outcome.outcome, 'decided');
    });
    after(async () => {
      await services.decisions.stop();
      await services.crypto.close();
    });

    it('re-rates the survivor’s GIS from the month after the death, on facts saying widowed', async () => {
      assert.ok(AMELIE && SAM);
      const [married] = await gis();
      assert.ok(married, 'the GIS was awarded at the couple’s rate');
      await services.person.record.recordDeath(SAM.id, '2026-04-10', AGENCY);
      await services.decisions.circumstances.drain();

      const outcomes = await database()
        .db.selectFrom('circumstance_change')
        .select(['person_id', 'kind', 'outcome'])
        .where('person_id', '=', AMELIE.id)
        .execute();
      assert.deepEqual(outcomes, [{ person_id: AMELIE.id, kind: 'death', outcome: 'gis:re-rated' }]);
      const periods = await gis();
      assert.equal(periods.length, 2);
      assert.equal(
        day(periods[0]?.valid_to ?? null),
        '2026-04-30',
        'the couple’s rate ends with the month of death',
      );
      assert.equal(day(periods[1]?.valid_from ?? null), '2026-05-01', 'the single rate from the month after');
      assert.ok(
        Number(periods[1]?.amount_cents) > Number(married.amount_cents),
        'a single person’s GIS on her own income is higher than her share of a couple’s',
      );
      const decision = await database()
        .db.selectFrom('decision')
        .select('record_cipher')
        .where('id', '=', periods[1]?.decision_id ?? '')
        .executeTakeFirstOrThrow();
      const record = openRecord(services.crypto.cipher, decision.record_cipher);
      const facts = record.facts as { people: { id: string; maritalStatus?: string }[] };
      assert.deepEqual(
        facts.people.map((p) => [p.id, p.maritalStatus]),
        [[AMELIE.id, 'widowed']],
        'the deceased left the household the decision rests on; the survivor is widowed',
      );
    });
  },
);
