// The July redetermination: npm run bench:redetermination [-- --families 200] [--database postgres|pglite|both]
// Seeds the demo population into a throwaway PostgreSQL schema at TEST_DATABASE_URL (and/or in-memory
// PGlite), gives each person an approved CCB (an application decided by the rules, not timed), then times,
// in the same run:
//   1. the baseline: reading and decrypting each family's household from the register, nothing else;
//   2. `guichet decisions redetermine --year 2026`: pages of 1,000 people (one read of their schedules and
//      one of their households per page, evaluation in memory, one transaction writing decisions, schedule,
//      queued letters, audit entries, review cases and the cursor), then the letters delivered to the inbox;
//      both phases are timed apart (the re-rating ends when the first letter is delivered), and the time spent
//      opening review cases within the re-rating is printed too.
// No assertions; the figures go to docs/benchmarks.md. Keep it short: the machine is shared.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ccbHousehold, recordingStatuses, submittedApplication } from '../test/support/applications.ts';
import { createServices } from '../src/app.services.ts';
import { loadReferenceData } from '../src/catalogue/index.ts';
import { createHouseholdReader } from '../src/person/index.ts';
import { createRedeterminationService } from '../src/decisions/index.ts';
import { testConfig } from '../src/platform/config/config.ts';
import { dropSchema, openDatabase } from '../src/platform/db/database.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { createMetrics } from '../src/platform/observability/metrics.ts';
import { seedPopulation } from '../src/population/index.ts';

const { values } = parseArgs({
  options: {
    families: { type: 'string', default: '200' },
    database: { type: 'string', default: 'both' },
  },
});
const families = Number(values.families);
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NOW = new Date('2025-11-20T15:00:00Z');

async function open(kind: string): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    return { database, dispose: () => database.close() };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: postgresUrl, dataDir: null }, { schema });
  return {
    database,
    async dispose() {
      await database.close();
      await dropSchema(postgresUrl, schema);
    },
  };
}

async function measure(kind: string): Promise<void> {
  const { database, dispose } = await open(kind);
  const db = database.db;
  try {
    await migrateToLatest(db);
    const services = await createServices({
      config: testConfig(),
      db,
      metrics: createMetrics(),
      clock: () => NOW,
      applicationStatuses: recordingStatuses(),
    });
    await services.catalogue.seedReferenceData(loadReferenceData());
    await seedPopulation(database, services.crypto, { people: families, seed: 2026 });
    const people = (await db.selectFrom('person').select('id').orderBy('id').execute()).map((p) => p.id);
    for (const personId of people)
      await services.decisions.handler.submitted(
        {
          ...submittedApplication(personId, 'ccb', ccbHousehold(personId, 4_000_000)),
          submittedAt: new Date('2025-11-20T15:00:00Z'),
        },
        db,
      );
    const households = createHouseholdReader(db, services.crypto.cipher);

    let started = performance.now();
    for (const personId of people) await households.householdOf(personId);
    const baselineMs = performance.now() - started;
    started = performance.now();
    for (let i = 0; i < people.length; i += 1_000) await households.householdsOf(people.slice(i, i + 1_000));
    const pagedMs = performance.now() - started;
    let firstLetterAt = 0;
    let reviewMs = 0;

    const redetermination = createRedeterminationService({
      db,
      audit: services.audit,
      cipher: services.crypto.cipher,
      households,
      reviews: {
        // Timed apart: a page's adjudicator's cases, opened inside the page's transaction.
        async openReviews(trx, requests) {
          const at = performance.now();
          try {
            return await services.decisions.openReviews(trx, requests);
          } finally {
            reviewMs += performance.now() - at;
          }
        },
      },
      letters: {
        deliverMany: (items) => {
          firstLetterAt ||= performance.now();
          return services.inbox.deliverMany(items);
        },
      },
      programmeName: (id) => Promise.resolve(id),
      clock: () => NOW,
    });
    started = performance.now();
    const summary = await redetermination.redetermine(2026, { resume: false });
    const runMs = performance.now() - started;
    const rateMs = (firstLetterAt || performance.now()) - started;
    const rate = (ms: number) => Math.round((summary.personsDone / ms) * 1000);
    console.log(
      `${kind}: ${String(summary.personsDone)} families (${String(summary.changed)} changed, ${String(summary.unchanged)} unchanged, ${String(summary.needsReview)} to review)`,
    );
    console.log(
      `  baseline, read households only: ${(baselineMs / 1000).toFixed(2)} s, ${String(rate(baselineMs))} families/s`,
    );
    console.log(
      `  baseline, households by pages of 1,000: ${(pagedMs / 1000).toFixed(2)} s, ${String(rate(pagedMs))} families/s`,
    );
    console.log(
      `  re-rating (read, evaluate, write schedule, decisions, audit, letters queued): ${(rateMs / 1000).toFixed(2)} s, ${String(rate(rateMs))} families/s`,
    );
    console.log(
      `    of which opening ${String(summary.needsReview)} review cases: ${(reviewMs / 1000).toFixed(2)} s; without them ${String(rate(rateMs - reviewMs))} families/s`,
    );
    console.log(
      `  letters delivered to the inbox after: ${((runMs - rateMs) / 1000).toFixed(2)} s, ${String(rate(runMs - rateMs))} letters/s`,
    );
    console.log(
      `  redetermination end to end:     ${(runMs / 1000).toFixed(2)} s, ${String(rate(runMs))} families/s`,
    );
    await services.decisions.stop();
    await services.crypto.close();
  } finally {
    await dispose();
  }
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (const kind of values.database === 'both' ? ['postgres', 'pglite'] : [values.database ?? 'postgres'])
  await measure(kind);
