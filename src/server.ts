import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import type { GuichetApp } from './app.ts';
import { draftHousekeeping } from './app.services.ts';
import type { Config } from './platform/config/config.ts';
import { openDatabase, redactUrl } from './platform/db/database.ts';
import type { Database } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { purgeExpiredForms } from './platform/forms/form-memory.ts';
import { createLogger } from './platform/observability/logger.ts';
import { loadReferenceData } from './catalogue/index.ts';
import { schedulePurge } from './identity/index.ts';
import { scheduleHelpRequestPurge } from './help/index.ts';
import { fillMaskedHints } from './person/index.ts';
import {
  seedDemoAddresses,
  seedDemoDirectDeposits,
  seedDemoEnrolments,
  seedDemoPopulationIfEmpty,
  seedDemoRecordsOfEmployment,
  seedIdentityDemo,
} from './population/index.ts';
import { startIdentityProviders } from './stand-ins/identity-providers/index.ts';
import { startAuditSealer } from './platform/audit/audit.service.ts';
import { startOpsServer } from './platform/observability/ops.ts';

export interface RunningServer {
  readonly url: string;
  /** The configuration served with, the running demo sign-in providers included. */
  readonly config: Config;
  readonly guichet: GuichetApp;
  readonly database: Database;
  stop(): Promise<void>;
}

/**
 * Who does what when several processes serve one port (ADR 0013): the `primary` migrates, loads reference and
 * demo data, runs the scheduled jobs, and listens on nothing; each `worker` serves requests and runs the demo
 * sign-in providers on their shared ports. A `single` process does both.
 */
export type ServerRole = 'single' | 'primary' | 'worker';

export interface ServerOptions {
  readonly role?: ServerRole;
  /** Called with the application before it listens (a worker marks its answers). */
  readonly beforeListen?: (guichet: GuichetApp) => void;
  /** A worker's number, on its answers and its demo sign-in providers' answers (`x-guichet-process`). */
  readonly processTag?: string;
}

/** Opens the database, applies migrations, loads reference and demo data, then listens. */
export async function startServer(
  config: Config,
  logger: Logger = createLogger(config),
  { role = 'single', beforeListen, processTag }: ServerOptions = {},
): Promise<RunningServer> {
  if (role === 'worker') return startWorker(config, logger, beforeListen, processTag);
  logger.info(
    { database: config.databaseUrl ? redactUrl(config.databaseUrl) : (config.dataDir ?? 'memory') },
    'opening database',
  );
  const database = await openDatabase(config);
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    // In a cluster the workers run the demo sign-in providers (their state is in the database); the primary
    // serves nothing.
    const identity =
      role === 'primary'
        ? { config, close: async () => undefined }
        : await startIdentityProviders(config, database.db);
    const guichet = await buildApp({ config: identity.config, database, logger });
    const counts = await guichet.services.catalogue.seedReferenceData(loadReferenceData());
    logger.info(counts, 'reference data loaded');
    await seedDemoPopulationIfEmpty(database, config, logger);
    await seedIdentityDemo(database, config);
    const agreements = await guichet.services.exchange.service.seedAgreements();
    const enrolments = await seedDemoEnrolments(database.db, new Date());
    const recordsOfEmployment = await seedDemoRecordsOfEmployment(
      database.db,
      guichet.services.crypto.cipher,
      new Date(),
    );
    logger.info(
      { ...agreements, enrolments, recordsOfEmployment },
      'sharing agreements, demo enrolments and Records of Employment loaded',
    );
    const deposits = await seedDemoDirectDeposits(database.db, guichet.services.crypto.cipher, new Date());
    if (deposits > 0) logger.info({ deposits }, 'demo beneficiaries given direct-deposit accounts');
    const hints = await fillMaskedHints(database.db, guichet.services.crypto.cipher);
    if (hints.sins + hints.deposits > 0) logger.info(hints, 'masked SIN and deposit hints filled');
    const addresses = await seedDemoAddresses(database.db, new Date());
    if (addresses > 0) logger.info({ addresses }, 'demo people given home addresses');
    const conversion = await guichet.services.demoConversion.run();
    logger.info(conversion, 'demo beneficiaries given entitlement schedules from the rules');
    const url =
      role === 'primary'
        ? config.publicUrl
        : await guichet.app.listen({ port: config.port, host: config.host });
    // Metrics and detailed health for operators, on their own interface and port (OPS_PORT); in a cluster the
    // primary, which serves no pages, holds it.
    const { port: opsPort } = config.ops;
    const ops = opsPort === null ? null : await startOpsServer({ ...config.ops, port: opsPort }, guichet.ops);
    if (ops) logger.info({ url: ops.url }, 'operations endpoints listening');
    const stopPurge = schedulePurge(database.db, config.identity.absoluteTimeoutSeconds, (report) =>
      logger.info(report, 'expired sign-in state purged'),
    );
    const stopFormPurge = scheduleFormPurge(database, logger);
    const stopDraftPurge = scheduleDraftHousekeeping(guichet, logger);
    const stopHelpPurge = scheduleHelpRequestPurge(guichet.services.help, (report) =>
      logger.info(report, 'closed help requests purged'),
    );
    // Audit log: seal committed entries into the Merkle tree and sign a head (ADR 0002).
    const stopSealer = startAuditSealer(guichet.services.audit, {
      intervalMs: config.audit.sealIntervalMs,
      onError: (error) => logger.error({ err: error }, 'audit log sealing failed'),
    });
    return {
      url,
      config: identity.config,
      guichet,
      database,
      async stop() {
        stopPurge();
        stopFormPurge();
        stopDraftPurge();
        stopHelpPurge();
        await guichet.app.close();
        await ops?.close();
        await stopSealer();
        await identity.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** A worker: the database is migrated and loaded by the primary; this process only serves requests. */
async function startWorker(
  config: Config,
  logger: Logger,
  beforeListen: ServerOptions['beforeListen'],
  processTag: string | undefined,
): Promise<RunningServer> {
  const database = await openDatabase(config);
  try {
    const identity = await startIdentityProviders(config, database.db, { processTag });
    const guichet = await buildApp({ config: identity.config, database, logger });
    beforeListen?.(guichet);
    const url = await guichet.app.listen({ port: config.port, host: config.host });
    return {
      url,
      config: identity.config,
      guichet,
      database,
      async stop() {
        await guichet.app.close();
        await identity.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

const HOUR_MS = 3_600_000;

/** Drafts expire with notice: the week's reminders, then the expired drafts deleted, hourly (ADR 0016). */
function scheduleDraftHousekeeping(guichet: GuichetApp, logger: Logger): () => void {
  const timer = setInterval(() => {
    draftHousekeeping(guichet.services, new Date()).then(
      (run) => logger.info(run, 'draft reminders sent and expired drafts deleted'),
      (error: unknown) =>
        logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'draft purge failed'),
    );
  }, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** What refused forms kept (ADR 0008) is deleted once it has expired, hourly while the service runs. */
function scheduleFormPurge(database: Database, logger: Logger): () => void {
  const timer = setInterval(() => {
    purgeExpiredForms(database.db, new Date()).then(
      (forms) => logger.info({ forms }, 'expired form memory purged'),
      (error: unknown) =>
        logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'form purge failed'),
    );
  }, HOUR_MS);
  timer.unref(); // never keeps a stopping process alive
  return () => clearInterval(timer);
}
