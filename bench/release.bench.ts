// Parameter release preview on the demo population: npm run bench:release
//   [-- --people 1000000] [--from 2025-01-15] [--to 2026-01-15] [--database postgres|pglite] [--seed 2026]
// Seeds the population into a throwaway PostgreSQL schema at TEST_DATABASE_URL (binary COPY, two crypto
// threads; default postgres://postgres@127.0.0.1:5432/test), then times, in the same run:
//   1. the baseline: reading the whole register page by page and decrypting every income, nothing else;
//   2. the preview: the same read, both dates' rules through the batch path, and the aggregates.
// No assertions; the figures go to docs/benchmarks.md.
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createCatalogueService } from '../src/catalogue/catalogue.service.ts';
import { loadReferenceData } from '../src/catalogue/reference-data.ts';
import { createPopulationReader } from '../src/person/index.ts';
import { createAuditService } from '../src/platform/audit/audit.service.ts';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.ts';
import { dropSchema, openDatabase } from '../src/platform/db/database.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { createPolicyService } from '../src/policy/index.ts';
import { seedPopulation } from '../src/population/index.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    from: { type: 'string', default: '2025-01-15' },
    to: { type: 'string', default: '2026-01-15' },
    database: { type: 'string', default: 'postgres' },
    seed: { type: 'string', default: '2026' },
  },
});
const people = Number(values.people);
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ACTOR = { type: 'system' as const, id: 'bench', role: null };
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function open(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (values.database === 'pglite') {
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

const target = await open();
const crypto = createFieldCrypto(
  { encryptionKeys: [{ id: 'bench', key: randomBytes(32) }], lookupHashKey: randomBytes(32) },
  { threads: 2 },
);
try {
  const db = target.database.db;
  await migrateToLatest(db);
  await createCatalogueService(db).seedReferenceData(loadReferenceData());
  console.log(
    `${values.database}: seeding ${people.toLocaleString('en-CA')} people (${availableParallelism()} CPUs, Node ${process.version})…`,
  );
  const seeded = await seedPopulation(target.database, crypto, { people, seed: Number(values.seed) });
  console.log(
    `seeded ${seeded.households.toLocaleString('en-CA')} households in ${seconds(seeded.milliseconds)}`,
  );
  const reader = createPopulationReader(db, crypto.cipher, createAuditService(db));

  let started = performance.now();
  let households = 0;
  for await (const page of reader.readHouseholds({
    actor: ACTOR,
    purpose: 'bench',
    channel: 'system',
    correlationId: 'bench',
  }))
    households += page.length;
  const baseline = performance.now() - started;
  console.log(
    `baseline, read and decrypt the register: ${households.toLocaleString('en-CA')} households in ${seconds(baseline)}`,
  );

  started = performance.now();
  const cpu = process.cpuUsage();
  const preview = await createPolicyService({ population: reader }).previewRelease({
    from: values.from,
    to: values.to,
    withImpact: true,
    actor: ACTOR,
    channel: 'system',
  });
  const used = process.cpuUsage(cpu);
  const total = performance.now() - started;
  const impact = preview.impact;
  console.log(
    `preview ${values.from} → ${values.to}: ${preview.changes.length} parameter changes, ` +
      `${impact?.people.toLocaleString('en-CA')} people, ${impact?.peopleAffected.toLocaleString('en-CA')} affected, ` +
      `net ${((impact?.changeCents ?? 0) / 100).toLocaleString('en-CA', { style: 'currency', currency: 'CAD' })} a year ` +
      `in ${seconds(total)} (evaluation and aggregates ${seconds(total - baseline)} over the baseline; ` +
      `process CPU ${((used.user + used.system) / 1e6).toFixed(1)} s; load average ${loadavg()[0]?.toFixed(1)})`,
  );
} finally {
  await crypto.close();
  await target.dispose();
}
