import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createServices } from '../app.services.ts';
import type { Services } from '../app.services.ts';
import { loadReferenceData } from '../catalogue/index.ts';
import { createHouseholdReader, rulesHouseholdOf } from '../person/index.ts';
import { testConfig } from '../platform/config/config.ts';
import { createMetrics } from '../platform/observability/metrics.ts';
import { seedDemoEnrolments, seedDemoPopulation } from '../population/index.ts';
import { evaluateHousehold } from '../rules/index.ts';
import { isoDateOf } from './dates.ts';

// Today's OAS rates are not on file (they end with June 2026); the CCB's July 2026 benefit year is.
const TODAY = new Date('2026-12-03T15:00:00Z');

describeOnBothDatabases(
  'demo conversion: seeded beneficiaries get entitlement schedules from the rules',
  (database) => {
    let services: Services;
    before(async () => {
      const config = testConfig();
      services = await createServices({
        config,
        db: database().db,
        metrics: createMetrics(),
        clock: () => TODAY,
      });
      await services.catalogue.seedReferenceData(loadReferenceData());
      await seedDemoPopulation(database(), config, 300);
      await seedDemoEnrolments(database().db, TODAY);
    });
    after(async () => {
      await services.decisions.stop();
      await services.crypto.close();
    });

    it('converts what the rules approve alone, at the amount the rules give, once', async () => {
      const db = database().db;
      const first = await services.demoConversion.run();
      assert.ok(first.converted > 0, 'some demo beneficiaries are converted');
      const second = await services.demoConversion.run();
      assert.equal(second.converted, 0, 'a second run converts nothing twice');

      const rows = await db.selectFrom('enrolment_entitlement').selectAll().execute();
      assert.equal(rows.length, first.converted);
      const households = createHouseholdReader(db, services.crypto.cipher);
      for (const row of rows.filter((r) => r.programme_id === 'ccb').slice(0, 5)) {
        const household = await households.householdOf(row.person_id);
        assert.ok(household);
        const results = evaluateHousehold(rulesHouseholdOf(household), {
          asOf: '2026-12-03',
          programmes: ['ccb'],
        }).results;
        const ccb = results.find(
          (r) => r.programme === 'ccb' && (r.personId ?? row.person_id) === row.person_id,
        );
        assert.equal(Number(row.amount_cents), ccb?.periodCents, 'the amount is the rules engine’s');
        assert.equal(isoDateOf(row.valid_from), '2026-12-01');
        assert.equal(row.valid_to, null);
      }
      const oas = rows.filter((r) => r.programme_id === 'oas');
      assert.ok(oas.length > 0, 'seniors are converted on the last rates on file');
      for (const row of oas) {
        assert.equal(isoDateOf(row.valid_from), '2026-06-01');
        assert.equal(isoDateOf(row.valid_to ?? ''), '2026-06-30', 'never paid past the rates on file');
      }
      const letters = await db
        .selectFrom('decision')
        .select('id')
        .where('letter_sent_at', 'is', null)
        .execute();
      assert.equal(letters.length, 0, 'no award letter is sent again for a converted beneficiary');
    });

    it('records each conversion as a decision that replays to the cent', async () => {
      const db = database().db;
      const decision = await db
        .selectFrom('decision')
        .select('id')
        .orderBy('created_at')
        .executeTakeFirstOrThrow();
      const report = await services.decisions.replay(decision.id);
      assert.equal(report?.same, true, JSON.stringify(report));
    });
  },
);
