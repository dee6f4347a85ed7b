/**
 * Test helper run as a separate process by `crash.test.ts`: dispatches the outbox of a PostgreSQL schema
 * and kills itself with SIGKILL right after the Nth subscriber has applied a message, before the outbox
 * records the delivery — the worst moment to die.
 */
import { createAuditService } from '../../src/platform/audit/audit.service.ts';
import { testConfig } from '../../src/platform/config/config.ts';
import { createFieldCrypto } from '../../src/platform/crypto/field-crypto.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { createMetrics } from '../../src/platform/observability/metrics.ts';
import { createExchange } from '../../src/exchange/index.ts';
import { createEnrolmentService } from '../../src/person/index.ts';
import { createAgencySubscriber } from '../../src/stand-ins/partner-agencies/index.ts';
import { subscriberThatThen } from './exchange-faults.ts';

const [url, schema, killAfter] = process.argv.slice(2);
if (!url || !schema || !killAfter) throw new Error('usage: crash-child.ts <url> <schema> <killAfter>');
const database = await openDatabase({ databaseUrl: url, dataDir: null }, { schema });
const subscriber = createAgencySubscriber(database.db);
// Dies with SIGKILL right after the Nth message was applied, before the outbox records it.
const dying = subscriberThatThen(subscriber, (applied) => {
  if (applied >= Number(killAfter)) process.kill(process.pid, 'SIGKILL');
});
const exchange = createExchange({
  db: database.db,
  audit: createAuditService(database.db),
  crypto: createFieldCrypto(testConfig()),
  metrics: createMetrics(),
  clock: () => new Date(),
  enrolments: createEnrolmentService(database.db),
  subscriberFor: () => dying,
  dispatcher: { batchSize: 7 },
});
await exchange.dispatcher.drain();
await database.close();
