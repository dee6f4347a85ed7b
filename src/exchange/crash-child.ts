/**
 * Test helper run as a separate process by `crash.test.ts`: dispatches the outbox of a PostgreSQL schema
 * and kills itself with SIGKILL right after the Nth subscriber has applied a message, before the outbox
 * records the delivery — the worst moment to die.
 */
import { createAuditService } from '../platform/audit/audit.service.ts';
import { testConfig } from '../platform/config/config.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import { openDatabase } from '../platform/db/database.ts';
import { createMetrics } from '../platform/observability/metrics.ts';
import { createExchange } from './exchange.service.ts';

const [url, schema, killAfter] = process.argv.slice(2);
if (!url || !schema || !killAfter) throw new Error('usage: crash-child.ts <url> <schema> <killAfter>');
const database = await openDatabase({ databaseUrl: url, dataDir: null }, { schema });
let applied = 0;
const exchange = createExchange({
  db: database.db,
  audit: createAuditService(database.db),
  crypto: createFieldCrypto(testConfig()),
  metrics: createMetrics(),
  clock: () => new Date(),
  dispatcher: {
    batchSize: 7,
    afterSend: () => {
      applied += 1;
      if (applied >= Number(killAfter)) process.kill(process.pid, 'SIGKILL');
    },
  },
});
await exchange.dispatcher.drain();
await database.close();
