import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { auditEntry, testAuditSigning } from '../../../test/support/audit.ts';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import type { DB } from '../db/schema.ts';
import { entryLeafHash } from './audit-entry.ts';
import type { AuditRow } from './audit-entry.ts';
import { AuditLogTamperedError } from './audit-sealer.ts';
import { createAuditService } from './audit.service.ts';
import type { AuditVerification } from './audit.service.ts';
import { CompactRange } from './merkle.ts';

const AUDIT_TABLES = ['audit_event', 'audit_leaf', 'audit_tree_node', 'audit_tree_head'];

/**
 * What someone with the owner's database rights can do: switch the append-only triggers off, change rows,
 * and recompute every stored hash and root. Only the signing key (outside the database) is out of reach.
 */
async function asOwner(db: Kysely<DB>, statements: (db: Kysely<DB>) => Promise<void>): Promise<void> {
  for (const table of AUDIT_TABLES)
    await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(db);
  try {
    await statements(db);
  } finally {
    for (const table of AUDIT_TABLES)
      await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(db);
  }
}

/** Rebuilds the leaves in this order of entries, and rewrites every head's root to match (its old signature kept). */
async function rewriteTree(db: Kysely<DB>, order: readonly string[]): Promise<void> {
  const rows = await sql<AuditRow>`SELECT seq::text AS seq, id, occurred_at, actor_type, actor_id, actor_role,
    actor_agency_id, subject_person_id, action, purpose, channel, outcome, correlation_id, details
    FROM audit_event`.execute(db);
  const bySeq = new Map(rows.rows.map((row) => [row.seq, row]));
  await sql`DELETE FROM audit_leaf`.execute(db);
  const range = CompactRange.empty();
  const roots = new Map<number, Buffer>();
  for (const seq of order) {
    const hash = entryLeafHash(bySeq.get(seq) as AuditRow);
    await sql`INSERT INTO audit_leaf VALUES (${range.treeSize}, ${seq}, ${hash})`.execute(db);
    range.append(hash);
    roots.set(range.treeSize, range.root());
  }
  await sql`DELETE FROM audit_tree_head WHERE tree_size > ${order.length}`.execute(db);
  for (const [size, root] of roots)
    await sql`UPDATE audit_tree_head SET root_hash = ${root} WHERE tree_size = ${size}`.execute(db);
}

const seqs = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const kinds = (report: AuditVerification) => [...new Set(report.problems.map((p) => p.kind))].sort();

interface Attack {
  name: string;
  run: (db: Kysely<DB>) => Promise<void>;
  detected: string[];
  /** A problem that names the place, e.g. the entry. */
  named?: RegExp;
  sealerRefuses?: boolean;
}

const ATTACKS: Attack[] = [
  {
    name: 'TRUNCATE of every audit table (entries, leaves and heads reset)',
    run: (db) =>
      asOwner(db, async () => void (await sql`TRUNCATE ${sql.raw(AUDIT_TABLES.join(', '))}`.execute(db))),
    detected: ['head-missing', 'truncated'],
    named: /tree head of size 41 \(witness\) but the log holds 0 entries/,
    sealerRefuses: true,
  },
  {
    name: 'deleting the last entry and moving the head back',
    run: (db) =>
      asOwner(db, async () => {
        await sql`DELETE FROM audit_event WHERE seq = 41`.execute(db);
        await sql`DELETE FROM audit_leaf WHERE leaf_index = 40`.execute(db);
        await sql`DELETE FROM audit_tree_head WHERE tree_size = 41`.execute(db);
      }),
    detected: ['head-missing', 'truncated'],
    named: /size 41 \(witness\) but the log holds 40 entries/,
    sealerRefuses: true,
  },
  {
    name: 'forging entry 20',
    run: (db) =>
      asOwner(
        db,
        async () =>
          void (await sql`UPDATE audit_event SET actor_id = 'someone-else' WHERE seq = 20`.execute(db)),
      ),
    detected: ['modified', 'root-mismatch'],
    named: /entry 20 \(position 19\) was changed/,
  },
  {
    name: 'forging entry 20 and recomputing every later hash and head in the database',
    run: (db) =>
      asOwner(db, async () => {
        await sql`UPDATE audit_event SET actor_id = 'someone-else' WHERE seq = 20`.execute(db);
        await rewriteTree(db, seqs(1, 41));
      }),
    detected: ['bad-signature', 'root-mismatch'],
    named: /tree head of size 32 \(witness\): the entries give another root/,
    sealerRefuses: true,
  },
  {
    name: 're-chaining: entry 10 removed and every later position, hash and head recomputed',
    run: (db) =>
      asOwner(db, async () => {
        await sql`DELETE FROM audit_event WHERE seq = 10`.execute(db);
        await rewriteTree(
          db,
          seqs(1, 41).filter((seq) => seq !== '10'),
        );
      }),
    detected: ['bad-signature', 'head-missing', 'root-mismatch', 'truncated'],
    named: /tree head of size 16 \(database\) is not signed/,
    sealerRefuses: true,
  },
  {
    name: 'inserting an entry behind the sealer (a back-dated row no head covers)',
    run: (db) =>
      asOwner(db, async () => {
        await sql`INSERT INTO audit_event (xid, occurred_at, actor_type, action, purpose, channel, outcome, correlation_id)
          VALUES (0, '2020-01-01', 'staff', 'registry.profile.read', 'phone-call', 'phone', 'success', 'x')`.execute(
          db,
        );
      }),
    detected: ['inserted'],
    named: /entry 42 is in no leaf/,
  },
  {
    name: 'inserting an entry into the tree at position 5, every later hash and head recomputed',
    run: (db) =>
      asOwner(db, async () => {
        await sql`INSERT INTO audit_event (occurred_at, actor_type, action, purpose, channel, outcome, correlation_id)
          VALUES ('2020-01-01', 'staff', 'registry.profile.read', 'phone-call', 'phone', 'success', 'x')`.execute(
          db,
        );
        await rewriteTree(db, [...seqs(1, 5), '42', ...seqs(6, 41)]);
      }),
    detected: ['bad-signature', 'root-mismatch', 'unsigned'],
    named: /leaves 41 to 41 are covered by no signed head/,
    sealerRefuses: true,
  },
];

/**
 * Seals until `count` new entries are in signed heads. On PostgreSQL the sealer takes only entries older than
 * the oldest transaction still running in the whole server, and other test files run transactions beside
 * this one: a pass can find nothing to seal yet, so it tries again.
 */
async function sealAll(audit: { seal(): Promise<{ sealed: number }> }, count: number): Promise<void> {
  let sealed = 0;
  for (let attempt = 0; sealed < count && attempt < 300; attempt += 1) {
    sealed += (await audit.seal()).sealed;
    if (sealed < count) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(sealed, count, 'the entries were never sealable');
}

for (const attack of ATTACKS) {
  describeOnBothDatabases(`audit log: ${attack.name}`, (database) => {
    const signing = testAuditSigning();
    const audit = () => createAuditService(database().db, undefined, undefined, signing);

    before(async () => {
      // Four heads, at 16, 32, 40 and 41 entries; entry n has seq n and sits at position n - 1.
      for (const [from, to] of [
        [1, 16],
        [17, 32],
        [33, 40],
        [41, 41],
      ] as const) {
        for (let n = from; n <= to; n += 1) await audit().record(auditEntry(n));
        await sealAll(audit(), to - from + 1);
      }
      const intact = await audit().verify();
      // At least the four heads; a pass that found only part of a block sealable adds one more.
      assert.deepEqual([intact.ok, intact.checked, intact.treeHeads >= 4], [true, 41, true]);
      assert.equal(intact.witnessHeads, intact.treeHeads);
      await attack.run(database().db);
    });

    test(`is detected: ${attack.detected.join(', ')}`, async () => {
      const report = await audit().verify();
      assert.equal(report.ok, false);
      assert.deepEqual(kinds(report), attack.detected, JSON.stringify(report.problems, null, 1));
      if (attack.named)
        assert.ok(
          report.problems.some((p) => attack.named?.test(p.detail)),
          JSON.stringify(report.problems),
        );
    });

    if (attack.sealerRefuses)
      test('the sealer refuses to sign a head over it', async () => {
        await audit().record(auditEntry(100));
        await assert.rejects(audit().seal(), AuditLogTamperedError);
      });
  });
}
