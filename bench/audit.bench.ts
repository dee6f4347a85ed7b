// Audit log benchmark: committed changes per second, the old chain-head append against the Merkle-log append,
// in the same run; then sealing throughput and verification time.
//   npm run bench:audit -- [--database postgres|pglite] [--writers 8,16] [--seconds 10] [--rounds 3] [--entries N]
// Each change is a registry-like transaction (as registry-commit.ts does it): lock the person's row, write it,
// insert the change and its outbox message, then append one audit entry. The baseline is a faithful copy of the
// append that ADR 0002 replaced (a one-row chain head locked FOR UPDATE until commit, SHA-256 chain), on copies
// of its tables; the new append is the real `audit.record(entry, trx)`. --entries (default 1,000,000 on
// PostgreSQL, 100,000 on PGlite) are then inserted in bulk, sealed with `audit.seal()` and checked with
// `audit.verify()`. PostgreSQL: a throwaway schema at TEST_DATABASE_URL, one connection per writer.
// PGlite: in memory, one session, so its writers interleave rather than run in parallel.
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Transaction } from 'kysely';
import pg from 'pg';
import { createAuditService } from '../src/platform/audit/audit.service.ts';
import type { AuditEntry, AuditService } from '../src/platform/audit/audit.service.ts';
import { dropSchema, openDatabase } from '../src/platform/db/database.ts';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    writers: { type: 'string', default: '8,16' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    entries: { type: 'string' },
  },
});
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const kinds: DatabaseKind[] = values.database ? [values.database as DatabaseKind] : ['postgres', 'pglite'];
const writerCounts = values.writers.split(',').map(Number);
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const PEOPLE = 10_000;

interface Target {
  db: Kysely<DB>;
  dispose(): Promise<void>;
}

async function open(kind: DatabaseKind): Promise<Target> {
  if (kind === 'pglite') {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrateToLatest(database.db);
    return { db: database.db, dispose: () => database.close() };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const migrating = await openDatabase({ databaseUrl: postgresUrl, dataDir: null }, { schema });
  await migrateToLatest(migrating.db);
  await migrating.close();
  const pool = new pg.Pool({
    connectionString: postgresUrl,
    max: Math.max(...writerCounts) + 2,
    options: `-c search_path=${schema}`,
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dispose: async () => (await db.destroy(), await dropSchema(postgresUrl, schema)) };
}

/** The registry's side of a change, and migration 0002's chain tables for the baseline. */
async function createBenchTables(db: Kysely<DB>): Promise<void> {
  await sql
    .raw(
      `CREATE TABLE bench_person (id int PRIMARY KEY, version int NOT NULL, line1 text NOT NULL, updated_at timestamptz NOT NULL);
      INSERT INTO bench_person SELECT g, 0, 'start', now() FROM generate_series(1, ${PEOPLE}) g;
      CREATE TABLE bench_change (id bigserial PRIMARY KEY, person_id int NOT NULL, version int NOT NULL, summary jsonb NOT NULL, occurred_at timestamptz NOT NULL);
      CREATE TABLE bench_outbox (id bigserial PRIMARY KEY, change_id bigint NOT NULL, payload jsonb NOT NULL);
      CREATE TABLE bench_chain_event (
        seq bigint PRIMARY KEY, id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(), occurred_at timestamptz NOT NULL,
        actor_type text NOT NULL, actor_id text, actor_role text, actor_agency_id text, subject_person_id text,
        action text NOT NULL, purpose text NOT NULL, channel text NOT NULL, outcome text NOT NULL,
        correlation_id text NOT NULL, details jsonb NOT NULL DEFAULT '{}'::jsonb, prev_hash text NOT NULL, hash text NOT NULL);
      CREATE INDEX bench_chain_event_subject_idx ON bench_chain_event (subject_person_id, occurred_at DESC);
      CREATE TABLE bench_chain_head (id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, hash text NOT NULL);
      INSERT INTO bench_chain_head VALUES (1, 0, 'genesis');
      CREATE TRIGGER bench_chain_event_no_update BEFORE UPDATE OR DELETE ON bench_chain_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();`,
    )
    .execute(db);
}

// ---- The baseline: today's append before this change (audit.service.ts, audit.repository.ts, audit-hash.ts) ----

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function chainHash(prevHash: string, fields: Record<string, unknown> & { occurredAt: Date }): string {
  const payload = canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}

async function chainAppend(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
  const head = await sql<{ seq: string; hash: string }>`SELECT seq::text AS seq, hash FROM bench_chain_head
    WHERE id = 1 FOR UPDATE`.execute(trx);
  const { seq: headSeq, hash: prevHash } = head.rows[0] ?? { seq: '0', hash: 'genesis' };
  const seq = (BigInt(headSeq) + 1n).toString();
  const fields = {
    seq,
    occurredAt: new Date(),
    actorType: entry.actor.type,
    actorId: entry.actor.id ?? null,
    actorRole: entry.actor.role ?? null,
    actorAgencyId: entry.actor.agencyId ?? null,
    subjectPersonId: entry.subjectPersonId ?? null,
    action: entry.action,
    purpose: entry.purpose,
    channel: entry.channel,
    outcome: entry.outcome,
    correlationId: entry.correlationId,
    details: entry.details ?? {},
  };
  const hash = chainHash(prevHash, fields);
  await sql`INSERT INTO bench_chain_event (seq, occurred_at, actor_type, actor_id, actor_role, actor_agency_id,
    subject_person_id, action, purpose, channel, outcome, correlation_id, details, prev_hash, hash)
    VALUES (${seq}, ${fields.occurredAt}, ${fields.actorType}, ${fields.actorId}, ${fields.actorRole},
    ${fields.actorAgencyId}, ${fields.subjectPersonId}, ${fields.action}, ${fields.purpose}, ${fields.channel},
    ${fields.outcome}, ${fields.correlationId}, ${JSON.stringify(fields.details)}, ${prevHash}, ${hash})`.execute(
    trx,
  );
  await sql`UPDATE bench_chain_head SET seq = ${seq}, hash = ${hash} WHERE id = 1`.execute(trx);
}

// ---- One change, as the registry commits it ----

type Append = (trx: Transaction<DB>, entry: AuditEntry) => Promise<void>;

async function commitChange(db: Kysely<DB>, person: number, append: Append): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const locked = await sql<{ version: number }>`SELECT version FROM bench_person WHERE id = ${person}
      FOR UPDATE`.execute(trx);
    const version = (locked.rows[0]?.version ?? 0) + 1;
    await sql`UPDATE bench_person SET version = ${version}, line1 = ${`${version} Bench St`}, updated_at = now()
      WHERE id = ${person}`.execute(trx);
    const change = await sql<{
      id: string;
    }>`INSERT INTO bench_change (person_id, version, summary, occurred_at)
      VALUES (${person}, ${version}, ${JSON.stringify({ line1: 'changed' })}, now()) RETURNING id::text AS id`.execute(
      trx,
    );
    const changeId = change.rows[0]?.id ?? '';
    await sql`INSERT INTO bench_outbox (change_id, payload)
      VALUES (${changeId}, ${JSON.stringify({ element: 'address', version })})`.execute(trx);
    await append(trx, {
      actor: { type: 'person', id: `person-${person}` },
      subjectPersonId: `person-${person}`,
      action: 'registry.address.update',
      purpose: 'self-service',
      channel: 'online',
      outcome: 'success',
      correlationId: randomUUID(),
      details: { changeId, version, element: 'address' },
    });
  });
}

/** Changes committed per second by `writers` concurrent writers, each on its own people, after a 1 s warm-up. */
async function changesPerSecond(db: Kysely<DB>, writers: number, append: Append): Promise<number> {
  let counting = false;
  let committed = 0;
  let stop = false;
  const share = Math.floor(PEOPLE / writers);
  const runs = Array.from({ length: writers }, async (_, w) => {
    for (let i = 0; !stop; i += 1) {
      await commitChange(db, w * share + (i % share) + 1, append);
      if (counting) committed += 1;
      // PGlite settles its queries without I/O, so a loop of them would starve the timers that end the run.
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  counting = true;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const elapsed = (performance.now() - started) / 1000;
  const total = committed;
  stop = true;
  await Promise.all(runs);
  return total / elapsed;
}

/**
 * Each way of appending, in turn, for `rounds` rounds (A B C A B C…), so a change in the shared host's load
 * falls on all of them; the median round of each.
 */
async function measureInRounds(
  db: Kysely<DB>,
  writers: number,
  appends: Record<string, Append>,
): Promise<Record<string, number>> {
  const rates = new Map<string, number[]>();
  for (let round = 0; round < rounds; round += 1)
    for (const [name, append] of Object.entries(appends))
      rates.set(name, [...(rates.get(name) ?? []), await changesPerSecond(db, writers, append)]);
  return Object.fromEntries(
    [...rates].map(([name, list]) => [
      name,
      list.toSorted((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN,
    ]),
  );
}

// ---- Sealing and verification ----

/** Entries like a busy day's profile reads, inserted by the database itself in transactions of 100,000. */
async function insertEntries(db: Kysely<DB>, count: number): Promise<void> {
  for (let done = 0; done < count; done += 100_000) {
    const n = Math.min(100_000, count - done);
    await sql`INSERT INTO audit_event (occurred_at, actor_type, actor_id, actor_role, actor_agency_id,
        subject_person_id, action, purpose, channel, outcome, correlation_id, details)
      SELECT now(), 'staff', 'staff-' || (g % 500), 'agent', 'esdc', gen_random_uuid()::text,
        'registry.profile.read', 'phone-call', 'phone', 'success', gen_random_uuid()::text,
        jsonb_build_object('changeId', gen_random_uuid(), 'version', g % 7, 'element', 'address')
      FROM generate_series(1, ${n}) g`.execute(db);
  }
}

async function sealAndVerify(audit: AuditService, db: Kysely<DB>, count: number) {
  await audit.seal(); // what the append runs left
  await insertEntries(db, count);
  let started = performance.now();
  const sealed = await audit.seal();
  const sealSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const report = await audit.verify();
  const verifySeconds = (performance.now() - started) / 1000;
  return { sealed: sealed.sealed, sealSeconds, verified: report.checked, ok: report.ok, verifySeconds };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-CA', { maximumFractionDigits: digits });

for (const kind of kinds) {
  const target = await open(kind);
  try {
    await createBenchTables(target.db);
    const audit = createAuditService(target.db, undefined, undefined, {
      signingKey: generateKeyPairSync('ed25519').privateKey,
      witnessFile: null,
    });
    console.log(
      `${kind}: load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    const appends: Record<string, Append> = {
      'chain-head append': chainAppend,
      'Merkle-log append': (trx, entry) => audit.record(entry, trx),
      'no audit entry': () => Promise.resolve(),
    };
    for (const writers of writerCounts) {
      const medians = await measureInRounds(target.db, writers, appends);
      const [before = NaN, after = NaN] = Object.values(medians);
      const figures = Object.entries(medians).map(([name, rate]) => `${name} ${fmt(rate)}`);
      console.log(
        `${kind}: ${writers} writers, median of ${rounds} rounds of ${seconds} s, changes/s: ${figures.join(', ')}; Merkle-log ÷ chain-head = ×${fmt(after / before, 1)}`,
      );
    }
    const count = Number(values.entries ?? (kind === 'postgres' ? 1_000_000 : 100_000));
    const result = await sealAndVerify(audit, target.db, count);
    console.log(
      `${kind}: sealed ${fmt(result.sealed)} entries in ${fmt(result.sealSeconds, 1)} s (${fmt(result.sealed / result.sealSeconds)} entries/s); verify of ${fmt(result.verified)} entries ${result.ok ? 'intact' : 'NOT INTACT'} in ${fmt(result.verifySeconds, 1)} s (${fmt(result.verified / result.verifySeconds)} entries/s)`,
    );
    console.log(
      `${kind}: load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await target.dispose();
  }
}
