/**
 * Run as a separate process by `payment-run.crash.test.ts`: `guichet payments run` against a PostgreSQL
 * schema with the synthetic entitlements of a programme. The test kills it with SIGKILL at random moments.
 * It imports as little as it can (the machine starts it over a hundred times): pg and Kysely directly, and
 * an audit that records nothing, since the run's exactly-once is what is under test.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../../../src/platform/db/schema.ts';
import type { AuditService } from '../../../src/platform/audit/audit.service.ts';
import { createPaymentRunService } from '../../../src/payments/run/payment-run.service.ts';
import { runPaymentsCommand } from '../../../src/payments/run/run-command.ts';
import { deathRegisterOf, inMemoryEntitlements, syntheticEntitlements } from './entitlement-fixtures.ts';
import { CRASH_DEATHS, CRASH_ENROLMENTS } from './crash-plan.ts';

const [url, schema, programmeId, ...args] = process.argv.slice(2);
if (!url || !schema || !programmeId)
  throw new Error('usage: run-crash-child.ts <url> <schema> <programme> [args…]');
const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
const audit = { record: () => Promise.resolve() } as unknown as AuditService;
const runs = createPaymentRunService({
  db,
  audit,
  entitlements: inMemoryEntitlements(syntheticEntitlements({ enrolments: CRASH_ENROLMENTS, programmeId })),
  deaths: deathRegisterOf(CRASH_DEATHS),
  clock: () => new Date(),
  options: { batchSize: 10 },
});
const progress = { write: (text: string) => process.stdout.write(text), isTTY: true };
process.exitCode = await runPaymentsCommand(args, runs, { progress, result: process.stdout });
await db.destroy();
