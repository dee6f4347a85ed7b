// A monthly payment run to bank files: npm run bench:payments
//   [-- --payments 20000] [--database postgres|pglite] [--batch 5000] [--steady]
// --steady: every entitlement began in 2020 and the eleven months before the run's were paid already (the table
// holds them, as in a real month): the run still owes one payment per enrolment, and its arrears window sees the
// eleven paid months. Without it every entitlement begins with the run's month (an empty payment table).
// On a throwaway PostgreSQL schema at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) or
// an in-memory PGlite, times in one process, in the same run:
//   1. the baseline: plain binary COPY of the same payment rows into a table like `payment`;
//   2. preparing the run (entitlements streamed from a generator, never held; payments written in batches);
//   3. releasing it (payees read and encrypted onto each payment, four eyes);
//   4. the CPA 005 and pain.001 files, each streamed to disk and read back by its independent reader.
// Prints rates, the 13,000,000-payment extrapolation, bytes per payment and peak resident memory.
import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createAuditService } from '../src/platform/audit/audit.service.ts';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.ts';
import { dropSchema, openDatabase } from '../src/platform/db/database.ts';
import type { Database } from '../src/platform/db/database.ts';
import { BinaryCopyWriter } from '../src/platform/db/copy-binary.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { createPaymentsModule } from '../src/payments/index.ts';
import type { EntitlementRow, EntitlementSource, PayeeDetails } from '../src/payments/index.ts';

const { values } = parseArgs({
  options: {
    payments: { type: 'string', default: '20000' },
    database: { type: 'string', default: 'postgres' },
    batch: { type: 'string', default: '5000' },
    steady: { type: 'boolean', default: false },
  },
});
const N = Number(values.payments);
const TARGET = 13_000_000;
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const pad = (n: number) => String(n).padStart(9, '0');
const personOf = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const VALID_FROM = values.steady ? '2020-01-01' : '2026-12-01';

/** One steady OAS entitlement per enrolment (from December, or 2020 with --steady), generated on demand. */
const entitlements: EntitlementSource = {
  async *stream({ afterEnrolmentId }) {
    const start = afterEnrolmentId ? Number(afterEnrolmentId.slice(4)) + 1 : 1;
    for (let n = start; n <= N; n++)
      yield {
        enrolmentId: `oas-${pad(n)}`,
        personId: personOf(n),
        programmeId: 'oas',
        validFrom: VALID_FROM,
        validTo: null,
        amountCents: 50_000 + ((n * 7919) % 100_000),
        periodKind: 'month',
        decisionId: `decision-${pad(n)}`,
      } satisfies EntitlementRow;
  },
  countEnrolments: () => Promise.resolve(N),
};
const INSTITUTIONS = ['001', '002', '003', '004', '006', '010', '016', '815'];
const payees = {
  async payees(ids: readonly string[]) {
    return new Map(
      ids.map((id): [string, PayeeDetails] => {
        const n = Number(id.slice(-12));
        return [
          id,
          {
            name: n % 3 ? `Éloïse Gagné ${n}` : `Jean Tremblay ${n}`,
            account: {
              institution: INSTITUTIONS[n % INSTITUTIONS.length] ?? '001',
              transit: String(10_000 + (n % 89_999)).padStart(5, '0'),
              account: String(1_000_000 + n),
            },
            accountChangedAt: new Date('2025-01-01T00:00:00Z'),
          },
        ];
      }),
    );
  },
};

let peak = process.memoryUsage().rss;
/** The bare COPY's rate, measured first: every later step prints its share of it. */
let copyRate = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
async function step<T>(name: string, count: number, work: () => Promise<T>): Promise<T> {
  peak = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const rate = count / (ms / 1000);
  copyRate ||= rate;
  const share = `${((rate / copyRate) * 100).toFixed(1)} % of COPY`;
  console.log(
    `${name.padEnd(34)} ${String(count).padStart(9)} in ${(ms / 1000).toFixed(2)} s: ${Math.round(rate).toLocaleString('en-CA')} /s` +
      ` (${share}, Node CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)  → 13 M in ${Math.round(TARGET / rate)} s` +
      `  peak RSS ${MiB(peak)}`,
  );
  return result;
}

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

/** The baseline: the same rows as the run writes, by binary COPY, in batches the size of the run's. */
async function copyBaseline(database: Database, runId: string, keyed = false): Promise<void> {
  const table = keyed ? 'bench_payment_keyed' : 'bench_payment_copy';
  if (keyed) {
    // The same rows into a table with `payment`'s keys, indexes, checks and foreign key to the run (the
    // amount as `integer`, which the binary writer speaks, rather than `bigint`).
    await sql`CREATE TABLE bench_payment_keyed (LIKE payment INCLUDING ALL,
      FOREIGN KEY (run_id) REFERENCES payment_run (id))`.execute(database.db);
    await sql`ALTER TABLE bench_payment_keyed ALTER COLUMN amount_cents TYPE integer`.execute(database.db);
  } else
    await sql`CREATE TABLE bench_payment_copy (id uuid, reference text, run_id uuid, enrolment_id text,
      person_id text, programme_id text, period text, kind text, amount_cents integer, arrears boolean,
      decision_id text, pay_date date)`.execute(database.db);
  const columns = [
    'id',
    'reference',
    'run_id',
    'enrolment_id',
    'person_id',
    'programme_id',
    'period',
    'kind',
  ];
  const all = [...columns, 'amount_cents', 'arrears', 'decision_id', 'pay_date'];
  const chunk = 50_000;
  await database.withCopySession(async (session) => {
    for (let from = 1; from <= N; from += chunk) {
      const writer = new BinaryCopyWriter();
      for (let n = from; n < Math.min(from + chunk, N + 1); n++)
        writer
          .row(all.length)
          .uuid(randomUUID())
          .text(`G${pad(n)}REF0000`)
          .uuid(runId)
          .text(`oas-${pad(n)}`)
          .text(personOf(n))
          .text('oas')
          .text('2026-12')
          .text('regular')
          .integer(50_000 + ((n * 7919) % 100_000))
          .boolean(false)
          .text(`decision-${pad(n)}`)
          .date('2026-12-29');
      await session.copyIn({ table, columns: all, data: writer.finish() });
    }
  });
}

/**
 * --steady: the eleven months before the run's, paid and issued (runs started by the module, so each has its pay
 * date; payments written by one statement each, not timed). Leaves the table as a real month finds it.
 */
async function payEarlierMonths(
  db: Database['db'],
  payments: ReturnType<typeof createPaymentsModule>,
): Promise<void> {
  const started = performance.now();
  // The run's arrears window: January to November 2026 (OAS Act s. 8(2) as configured, eleven months back).
  for (const period of Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`))
    await payments.runs.start({ programmeId: 'oas', period, preparedBy: 'officer' }, STAFF('officer'));
  await sql`UPDATE payment_run SET status = 'released' WHERE period < '2026-12'`.execute(db);
  await sql`INSERT INTO payment (id, reference, run_id, enrolment_id, person_id, programme_id, period, kind,
      amount_cents, arrears, decision_id, pay_date, status)
    SELECT gen_random_uuid(), 'P' || replace(r.period, '-', '') || lpad(n::text, 9, '0'), r.id,
      'oas-' || lpad(n::text, 9, '0'), '10000000-0000-4000-8000-' || lpad(n::text, 12, '0'), 'oas', r.period,
      'regular', 50000 + ((n * 7919) % 100000), false, 'decision-' || lpad(n::text, 9, '0'), r.pay_date, 'issued'
    FROM payment_run r, generate_series(1, ${N}::integer) AS n WHERE r.period < '2026-12'`.execute(db);
  await sql`ANALYZE payment`.execute(db);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `steady: ${(N * 11).toLocaleString('en-CA')} payments of the eleven months before, on file (${seconds} s, not timed)`,
  );
}

const STAFF = (id: string) => ({
  actor: { type: 'staff' as const, id, role: 'bench' },
  channel: 'online' as const,
  purpose: 'payment-run',
  correlationId: `bench-${id}`,
});

console.log(
  `bench:payments — ${N.toLocaleString('en-CA')} payments, ${values.database}, Node ${process.version}, ` +
    `${availableParallelism()} CPUs, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${new Date().toISOString()}`,
);
const target = await open();
const crypto = createFieldCrypto(
  { encryptionKeys: [{ id: 'bench', key: randomBytes(32) }], lookupHashKey: randomBytes(32) },
  { threads: 2 },
);
try {
  const db = target.database.db;
  await migrateToLatest(db);
  const payments = createPaymentsModule({
    db,
    audit: createAuditService(db),
    clock: () => new Date('2026-12-02T12:00:00Z'),
    entitlements,
    deaths: { datesOfDeath: () => Promise.resolve(new Map()) },
    payees,
    // Nobody's payments are looked up here: the run, its release and its files only.
    enrolments: { enrolmentsOf: () => Promise.resolve([]) },
    cipher: crypto.cipher,
    releasePolicy: { secondApprovalAboveCents: Number.MAX_SAFE_INTEGER, accountChangeReviewDays: 10 },
    runOptions: { batchSize: Number(values.batch) },
  });
  if (values.steady) await payEarlierMonths(db, payments);
  const { run } = await payments.runs.start(
    { programmeId: 'oas', period: '2026-12', preparedBy: 'officer' },
    STAFF('officer'),
  );
  await step('baseline: binary COPY of the rows', N, () => copyBaseline(target.database, run.id));
  await step('COPY into a table keyed like payment', N, () => copyBaseline(target.database, run.id, true));
  const prepared = await step('prepare the run (entitlements → payments)', N, () =>
    payments.runs.resume(run.id),
  );
  await step('release (payees read, encrypted)', N, () =>
    payments.release.release(run.id, 'sup', STAFF('sup')),
  );
  for (const format of ['cpa005', 'pain.001'] as const) {
    let bytes = 0;
    await step(`${format} file, written and read back`, N, async () => {
      const opened = await payments.files.open(run.id, format, 'officer', STAFF('officer'));
      if (!opened.ok) throw new Error(`no ${format} file: ${opened.reason}`);
      for await (const chunk of opened.file.body) bytes += (chunk as Buffer).length;
    });
    console.log(`  ${format}: ${(bytes / N).toFixed(1)} bytes per payment (${MiB(bytes)})`);
  }
  if (target.database.kind === 'postgres') {
    const size = await sql<{
      bytes: string;
    }>`SELECT pg_total_relation_size('payment')::text AS bytes`.execute(db);
    console.log(
      `  payment table with its indexes: ${(Number(size.rows[0]?.bytes) / N).toFixed(0)} bytes per payment`,
    );
  }
  const report = await payments.reconciliationOf(run.id);
  console.log(
    `  ${prepared.paymentCount.toLocaleString('en-CA')} payments, ${(prepared.totalCents / 100).toLocaleString('en-CA')} $, reconciliation balanced: ${String(report?.report.balanced)}`,
  );
} finally {
  clearInterval(sampler);
  await crypto.close();
  await target.dispose();
}
