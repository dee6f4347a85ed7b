// The intake benchmark's clients: each submits applications for new applicants, one transaction per submission,
// until the time is up. Run in the benchmark's process, or in child processes (`--processes N`, as the server
// runs `WEB_CONCURRENCY` processes), each on its own pool and its own share of the people.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createServices } from '../../src/app.services.ts';
import type { Services } from '../../src/app.services.ts';
import { testConfig } from '../../src/platform/config/config.ts';
import { namingPool } from '../../src/platform/db/prepared.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { createMetrics } from '../../src/platform/observability/metrics.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { loadReferenceData } from '../../src/catalogue/index.ts';
import { seedPopulation } from '../../src/population/index.ts';
import { ccbHousehold, recordAllSubmitted, submittedApplication } from '../../test/support/applications.ts';
import { groupCommit } from '../../src/platform/db/group-commit.ts';
import type { GroupCommitOptions } from '../../src/platform/db/group-commit.ts';

export interface ClientsRun {
  readonly latencies: number[];
  /** CPU this process used while its clients ran. */
  readonly cpuMs: number;
}

/** What a child process is given: where to submit, for whom, with how many clients, for how long. */
export interface ChildOrder {
  readonly url: string;
  readonly schema: string;
  readonly applicationName: string;
  readonly people: readonly string[];
  readonly clients: number;
  readonly seconds: number;
  readonly batching: GroupCommitOptions;
}

/** A pool on the benchmark's schema; prepared queries go as named statements, as the server's pool does. */
export function benchPool(url: string, schema: string, applicationName: string, clients: number): Kysely<DB> {
  const pool = new pg.Pool({
    connectionString: url,
    max: clients + 2,
    options: `-c search_path=${schema}`,
    application_name: applicationName,
  });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: namingPool(pool) }) });
}

/** Every pooled connection opened before the clock starts, so the backends' CPU is read from all of them. */
export async function warm(db: Kysely<DB>, clients: number): Promise<void> {
  await Promise.all(
    Array.from({ length: clients }, () =>
      db.transaction().execute((trx) => trx.selectFrom('person').select('id').limit(1).execute()),
    ),
  );
}

/** The register the intake benchmarks submit for: reference data and `people` seeded demo people. */
export async function seedRegister(database: Database, people: number): Promise<void> {
  const seeding = await createServices({
    config: testConfig(),
    db: database.db,
    metrics: createMetrics(),
    clock: () => new Date(),
  });
  await seeding.catalogue.seedReferenceData(loadReferenceData());
  await seedPopulation(database, seeding.crypto, { people, seed: 2026 });
  await seeding.crypto.close();
  await seeding.exchange.transport.close();
}

/**
 * Submissions as the applications capability makes them, committed together as it commits them (ADR 0017): in one
 * transaction per batch, the applications' own rows (answers encrypted, marked submitted), then their decisions.
 * `alone` ({ maxBatch: 1, inFlight: clients }) is one transaction per submission, as before batching.
 */
export function submitter(db: Kysely<DB>, services: Services, batching: GroupCommitOptions) {
  return groupCommit<string, unknown>((personIds) => {
    const applications = personIds.map((personId) =>
      submittedApplication(personId, 'ccb', ccbHousehold(personId, 4_000_000)),
    );
    return db.transaction().execute(async (trx) => {
      await recordAllSubmitted(
        trx,
        applications,
        applications.map((a) => services.crypto.cipher.encrypt(JSON.stringify(a.household))),
      );
      return services.decisions.handler.submittedMany(applications, trx);
    });
  }, batching);
}

export async function submitApplications(
  db: Kysely<DB>,
  services: Services,
  people: readonly string[],
  clients: number,
  seconds: number,
  batching: GroupCommitOptions,
): Promise<ClientsRun> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const submissions = submitter(db, services, batching);
  let next = 0;
  const client = async () => {
    while (performance.now() < end) {
      const personId = people[next++ % people.length] ?? '';
      const started = performance.now();
      await submissions.add(personId);
      latencies.push(performance.now() - started);
    }
  };
  const before = process.cpuUsage();
  await Promise.all(Array.from({ length: clients }, client));
  const cpu = process.cpuUsage(before);
  return { latencies, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** In a child process: waits for its order, says `ready` once connected, submits on `go`, answers its run, closes. */
export function serveAsChild(): void {
  process.once('message', (order: ChildOrder) => {
    void (async () => {
      const db = benchPool(order.url, order.schema, order.applicationName, order.clients);
      const services = await createServices({
        config: testConfig(),
        db,
        metrics: createMetrics(),
        clock: () => new Date(),
      });
      await warm(db, order.clients);
      process.once('message', () => {
        void submitApplications(
          db,
          services,
          order.people,
          order.clients,
          order.seconds,
          order.batching,
        ).then((run) => {
          // Connections stay open until the bench has read their backends' CPU, then it says `close`.
          process.once('message', () => {
            void (async () => {
              await services.crypto.close();
              await services.exchange.transport.close();
              await db.destroy();
              process.exit(0);
            })();
          });
          process.send?.(run);
        });
      });
      process.send?.('ready');
    })();
  });
}
