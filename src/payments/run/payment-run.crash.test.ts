import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { postgresUnavailableReason, TEST_POSTGRES_URL } from '../../../test/support/databases.ts';
import {
  expectedTotals,
  syntheticEntitlements,
} from '../../../test/support/payments/entitlement-fixtures.ts';
import { CRASH_DEATHS, CRASH_ENROLMENTS } from '../../../test/support/payments/crash-plan.ts';
import { dropSchema, openDatabase } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { PAYABLE_PROGRAMMES } from './programme-schedules.ts';

/** `PAYMENT_RUN_KILLS=100` in CI; a few by default, so a developer's run stays short. */
const KILLS = Number(process.env.PAYMENT_RUN_KILLS ?? (process.env.GUICHET_REQUIRE_FULL === '1' ? 100 : 5));
/** Kills per test, so that no test outlives the runner's five-minute limit. */
const KILLS_PER_TEST = 20;
const CHILD = new URL('../../../test/support/payments/run-crash-child.ts', import.meta.url).pathname;

interface Outcome {
  readonly killed: boolean;
  readonly code: number | null;
}

/** Starts the command; once it has printed anything, waits a random moment and kills it with SIGKILL. */
function runChild(schema: string, programmeId: string, args: string[], kill: boolean): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, TEST_POSTGRES_URL, schema, programmeId, ...args],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let armed = false;
    child.stdout.on('data', () => {
      if (!kill || armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 250));
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ killed: signal === 'SIGKILL', code }));
  });
}

async function runExists(database: Database, programmeId: string): Promise<boolean> {
  const run = await database.db
    .selectFrom('payment_run')
    .select('id')
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return run !== undefined;
}

let midRun = 0;

async function stoppedMidRun(database: Database, programmeId: string): Promise<boolean> {
  const run = await database.db
    .selectFrom('payment_run')
    .select(['status', 'enrolments_done', 'enrolments_total'])
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return run?.status === 'preparing' && run.enrolments_done > 0 && run.enrolments_done < run.enrolments_total;
}

/** Kills `guichet payments run` at random moments until it finishes by itself; returns the kills. */
async function runThroughKills(
  database: Database,
  schema: string,
  programmeId: string,
  budget: number,
): Promise<number> {
  let kills = 0;
  for (;;) {
    const args = (await runExists(database, programmeId))
      ? ['--resume']
      : ['--programme', programmeId, '--period', '2026-12'];
    const outcome = await runChild(schema, programmeId, args, kills < budget);
    if (outcome.killed) {
      kills++;
      if (await stoppedMidRun(database, programmeId)) midRun++;
    } else {
      assert.equal(outcome.code, 0);
      if (await runExists(database, programmeId)) return kills;
    }
  }
}

/** Runs programmes through random kills in a fresh schema until `budget` kills, checking each run. */
async function killAndCheck(budget: number, t: { skip(reason: string): void }): Promise<void> {
  const reason = await postgresUnavailableReason();
  if (reason) return t.skip(reason);
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: TEST_POSTGRES_URL, dataDir: null }, { schema });
  try {
    await migrateToLatest(database.db);
    let kills = 0;
    const programmes = [...PAYABLE_PROGRAMMES];
    while (kills < budget) {
      const programmeId = programmes.shift();
      if (!programmeId) throw new Error('more kills than programmes can absorb: raise the budget per run');
      kills += await runThroughKills(database, schema, programmeId, Math.min(budget - kills, 12));
      const run = await database.db
        .selectFrom('payment_run')
        .selectAll()
        .where('programme_id', '=', programmeId)
        .executeTakeFirstOrThrow();
      const expected = expectedTotals(
        syntheticEntitlements({ enrolments: CRASH_ENROLMENTS, programmeId }),
        CRASH_DEATHS,
      );
      const stored = await database.db
        .selectFrom('payment')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<string>('amount_cents').as('cents')])
        .where('run_id', '=', run.id)
        .executeTakeFirstOrThrow();
      assert.equal(run.status, 'prepared', programmeId);
      assert.equal(Number(stored.n), expected.count, `${programmeId}: every payment once`);
      assert.equal(Number(stored.cents), expected.cents, `${programmeId}: to the cent`);
      assert.equal(run.payment_count, expected.count, `${programmeId}: the run's count`);
      assert.equal(Number(run.total_cents), expected.cents, `${programmeId}: the run's total`);
      assert.equal(run.enrolments_done, CRASH_ENROLMENTS, `${programmeId}: progress reached 100 %`);
    }
    assert.ok(kills >= budget);
    assert.ok(midRun > 0, 'at least one kill landed between two committed batches');
  } finally {
    await database.close();
    await dropSchema(TEST_POSTGRES_URL, schema);
  }
}

for (let done = 0; done < KILLS; done += KILLS_PER_TEST) {
  const kills = Math.min(KILLS_PER_TEST, KILLS - done);
  test(
    `payments run killed with SIGKILL at random moments ${kills} times pays every payment exactly once (PostgreSQL)`,
    { timeout: 300_000 },
    (t) => killAndCheck(kills, t),
  );
}
