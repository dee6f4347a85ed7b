import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import {
  openTestDatabase,
  postgresUnavailableReason,
  TEST_POSTGRES_URL,
} from '../../../test/support/databases.ts';
import { ccbHousehold, recordingStatuses, submittedApplication } from '../../../test/support/applications.ts';
import { createServices } from '../../app.services.ts';
import { testConfig } from '../../platform/config/config.ts';
import { createMetrics } from '../../platform/observability/metrics.ts';
import { seedPopulation } from '../../population/index.ts';
import { loadReferenceData } from '../../catalogue/index.ts';

const CHILD = new URL('../../../test/support/decisions/redetermine-crash-child.ts', import.meta.url).pathname;
/** A few kills by default (each child starts the whole application); more with REDETERMINE_KILLS. */
const KILLS = Number(process.env.REDETERMINE_KILLS ?? 3);
const PEOPLE = 24;

function runChild(schema: string, kill: boolean): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, TEST_POSTGRES_URL, schema], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let armed = false;
    child.stdout.on('data', () => {
      if (!kill || armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), 50 + Math.floor(Math.random() * 400));
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ killed: signal === 'SIGKILL', code }));
  });
}

test(
  'the redetermination killed with SIGKILL and resumed re-rates each person once and writes one letter each',
  { skip: (await postgresUnavailableReason()) ?? false, timeout: 280_000 },
  async () => {
    const test = await openTestDatabase('postgres');
    const db = test.database.db;
    try {
      const services = await createServices({
        config: testConfig(),
        db,
        metrics: createMetrics(),
        clock: () => new Date('2025-11-20T15:00:00Z'),
        applicationStatuses: recordingStatuses(),
      });
      await services.catalogue.seedReferenceData(loadReferenceData());
      await seedPopulation(test.database, services.crypto, { people: PEOPLE, seed: 7 });
      const people = (await db.selectFrom('person').select('id').orderBy('id').execute()).map((p) => p.id);
      for (const personId of people)
        await services.decisions.handler.submitted(
          {
            ...submittedApplication(personId, 'ccb', ccbHousehold(personId, 4_000_000)),
            submittedAt: new Date('2025-11-20T15:00:00Z'),
          },
          db,
        );
      await services.decisions.stop();
      await services.crypto.close();
      const schema = (
        await db.selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s')).executeTakeFirstOrThrow()
      ).s;

      let killedMidway = 0;
      for (let i = 0; i < KILLS; i += 1) {
        const outcome = await runChild(schema, true);
        const run = await db.selectFrom('redetermination_run').selectAll().executeTakeFirst();
        if (outcome.killed && run?.status === 'running') killedMidway += 1;
        if (run?.status === 'done') break;
      }
      const last = await runChild(schema, false);
      assert.equal(last.code, 0);
      assert.ok(killedMidway >= 1, 'at least one kill landed mid-run');

      const run = await db.selectFrom('redetermination_run').selectAll().executeTakeFirstOrThrow();
      assert.equal(run.status, 'done');
      assert.equal(run.persons_done, people.length, 'each person counted once');
      assert.ok(run.changed > 0, 'the record’s incomes re-rated some families from July');
      const letters = await db
        .selectFrom('person_document')
        .select('person_id')
        .where('source_key', 'like', 'redetermination:2026:%')
        .execute();
      assert.deepEqual(letters.map((l) => l.person_id).sort(), [...people].sort(), 'one letter per person');
      const july = await db
        .selectFrom('enrolment_entitlement')
        .select(['enrolment_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('valid_from', '=', '2026-07-01')
        .groupBy('enrolment_id')
        .execute();
      assert.ok(
        july.every((row) => Number(row.n) === 1),
        'at most one new amount from July per enrolment',
      );
    } finally {
      await test.dispose();
    }
  },
);
