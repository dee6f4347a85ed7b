import { prepareQuery } from '../db/prepared.ts';
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { DB, DbExecutor } from '../db/schema.ts';
import type { AuditRow } from './audit-entry.ts';
import type { AuditEventTable, AuditTreeHeadTable } from './audit.tables.ts';

export type { AuditRow } from './audit-entry.ts';
export type NewAuditRow = Omit<AuditEventTable, 'seq' | 'id' | 'xid'>;

/** A place in sealing order: entries are sealed by (xid, seq). */
export interface SealCursor {
  xid: string;
  seq: string;
}

export interface TreeHeadRow {
  treeSize: number;
  rootHash: Buffer;
  signedAt: Date;
  keyId: string;
  signature: Buffer;
  last: SealCursor;
}

export interface SealableEntry extends AuditRow {
  xid: string;
}

/** A leaf in order with its entry, or without one when the entry has gone. */
export interface LeafWithEntry {
  leafIndex: number;
  leafHash: Buffer;
  entrySeq: string;
  entry: AuditRow | null;
}

// bigint columns are read as text so they are the same string on both drivers; ORDER BY then names the
// table's column (`e.seq`), since a bare name would sort the text output column.
const ENTRY_COLUMNS =
  sql.raw(`e.seq::text AS seq, e.id, e.occurred_at, e.actor_type, e.actor_id, e.actor_role,
  e.actor_agency_id, e.subject_person_id, e.action, e.purpose, e.channel, e.outcome, e.correlation_id, e.details`);

const bytes = (value: Uint8Array): Buffer => Buffer.from(value.buffer, value.byteOffset, value.byteLength);

export async function insertEntries(db: DbExecutor, rows: readonly NewAuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof NewAuditRow>(key: K) => rows.map((row) => row[key]);
  await insertAuditRows.execute(
    db,
    rows.map((row) => row.occurred_at.toISOString()),
    column('actor_type'),
    column('actor_id'),
    column('actor_role'),
    column('actor_agency_id'),
    column('subject_person_id'),
    column('action'),
    column('purpose'),
    column('channel'),
    column('outcome'),
    column('correlation_id'),
    rows.map((row) => JSON.stringify(row.details)),
  );
}

// Every page that shows personal information appends here (ADR 0002), one row or a group-commit batch: one
// statement for any number of rows (a column per array, rows in order), prepared once (ADR 0013).
const insertAuditRows = prepareQuery(
  'audit.insert',
  (
    _q,
    occurredAt: readonly string[],
    actorType: readonly string[],
    actorId: readonly (string | null)[],
    actorRole: readonly (string | null)[],
    actorAgencyId: readonly (string | null)[],
    subjectPersonId: readonly (string | null)[],
    action: readonly string[],
    purpose: readonly string[],
    channel: readonly string[],
    outcome: readonly string[],
    correlationId: readonly string[],
    details: readonly string[],
  ) => sql<never>`INSERT INTO audit_event (occurred_at, actor_type, actor_id, actor_role, actor_agency_id,
      subject_person_id, action, purpose, channel, outcome, correlation_id, details)
    SELECT * FROM unnest(${occurredAt}::timestamptz[], ${actorType}::text[], ${actorId}::text[],
      ${actorRole}::text[], ${actorAgencyId}::text[], ${subjectPersonId}::text[], ${action}::text[],
      ${purpose}::text[], ${channel}::text[], ${outcome}::text[], ${correlationId}::text[], ${details}::jsonb[])`,
);

export async function findAuditForSubject(
  db: DbExecutor,
  personId: string,
  limit: number,
): Promise<AuditRow[]> {
  return auditForSubject.execute(db, personId, limit);
}

// The person's access log: compiled once, prepared (ADR 0013).
const auditForSubject = prepareQuery(
  'audit.for-subject',
  (_q, personId: string, limit: number) => sql<AuditRow>`SELECT ${ENTRY_COLUMNS} FROM audit_event e
    WHERE e.subject_person_id = ${personId} ORDER BY e.seq DESC LIMIT ${limit}`,
);

/** The entry's place in the log, or null when there is no such entry; `leafIndex` is null until it is sealed. */
export async function findEntryPlace(
  db: DbExecutor,
  entryId: string,
): Promise<{ leafIndex: number | null } | null> {
  const result = await sql<{ leaf_index: string | null }>`SELECT l.leaf_index::text AS leaf_index
    FROM audit_event e LEFT JOIN audit_leaf l ON l.entry_seq = e.seq WHERE e.id = ${entryId}`.execute(db);
  const row = result.rows[0];
  if (!row) return null;
  return { leafIndex: row.leaf_index === null ? null : Number(row.leaf_index) };
}

// Any constant works; it only has to be the same for every Guichet process.
const SEAL_LOCK_ID = 4_244_712;

/** One sealer at a time, across processes: the server's loop and `guichet audit seal`. */
export async function lockSealing(trx: Transaction<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK_ID})`.execute(trx);
}

/**
 * The oldest transaction still running. Every transaction below it has finished, so every entry it wrote
 * is already visible, and no entry can ever appear with a lower xid. Read before this transaction writes.
 */
export async function readOldestRunningXid(trx: Transaction<DB>): Promise<string> {
  const result = await sql<{
    xmin: string;
  }>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`.execute(trx);
  return result.rows[0]?.xmin ?? '0';
}

/** Committed entries after `after` in sealing order, from finished transactions only. */
export async function readSealableEntries(
  trx: Transaction<DB>,
  after: SealCursor,
  belowXid: string,
  limit: number,
): Promise<SealableEntry[]> {
  const result = await sql<SealableEntry>`SELECT ${ENTRY_COLUMNS}, e.xid::text AS xid FROM audit_event e
    WHERE (e.xid, e.seq) > (${after.xid}::bigint, ${after.seq}::bigint) AND e.xid < ${belowXid}::bigint
    ORDER BY e.xid, e.seq LIMIT ${limit}`.execute(trx);
  return result.rows;
}

/** One statement with three array parameters, whatever the batch size (PostgreSQL allows 65,535 parameters). */
export async function insertLeaves(
  trx: Transaction<DB>,
  leaves: readonly { leafIndex: number; entrySeq: string; leafHash: Buffer }[],
): Promise<void> {
  if (leaves.length === 0) return;
  const indexes = leaves.map((l) => String(l.leafIndex));
  const seqs = leaves.map((l) => l.entrySeq);
  const hashes = leaves.map((l) => l.leafHash.toString('hex'));
  await sql`INSERT INTO audit_leaf (leaf_index, entry_seq, leaf_hash)
    SELECT i, s, decode(h, 'hex') FROM unnest(${indexes}::bigint[], ${seqs}::bigint[], ${hashes}::text[]) AS t(i, s, h)`.execute(
    trx,
  );
}

export async function insertNodes(
  trx: Transaction<DB>,
  nodes: readonly { level: number; index: number; hash: Buffer }[],
): Promise<void> {
  if (nodes.length === 0) return;
  await trx
    .insertInto('audit_tree_node')
    .values(nodes.map((n) => ({ level: n.level, node_index: String(n.index), hash: n.hash })))
    .execute();
}

export async function insertHead(trx: Transaction<DB>, head: TreeHeadRow): Promise<void> {
  await trx
    .insertInto('audit_tree_head')
    .values({
      tree_size: String(head.treeSize),
      root_hash: head.rootHash,
      signed_at: head.signedAt,
      key_id: head.keyId,
      signature: head.signature,
      last_xid: head.last.xid,
      last_seq: head.last.seq,
    })
    .execute();
}

const HEAD_COLUMNS = sql.raw(`tree_size::text AS tree_size, root_hash, signed_at, key_id, signature,
  last_xid::text AS last_xid, last_seq::text AS last_seq`);

type HeadRecord = Omit<AuditTreeHeadTable, 'signed_at'> & { signed_at: Date | string };

function toHead(row: HeadRecord): TreeHeadRow {
  return {
    treeSize: Number(row.tree_size),
    rootHash: bytes(row.root_hash),
    signedAt: new Date(row.signed_at),
    keyId: row.key_id,
    signature: bytes(row.signature),
    last: { xid: row.last_xid, seq: row.last_seq },
  };
}

export async function readLatestHead(db: DbExecutor): Promise<TreeHeadRow | null> {
  const result = await sql<HeadRecord>`SELECT ${HEAD_COLUMNS} FROM audit_tree_head h
    ORDER BY h.tree_size DESC LIMIT 1`.execute(db);
  const row = result.rows[0];
  return row ? toHead(row) : null;
}

/** Heads with a size above `afterSize`, smallest first. */
export async function readHeads(db: DbExecutor, afterSize: number, limit: number): Promise<TreeHeadRow[]> {
  const result = await sql<HeadRecord>`SELECT ${HEAD_COLUMNS} FROM audit_tree_head h
    WHERE h.tree_size > ${afterSize} ORDER BY h.tree_size LIMIT ${limit}`.execute(db);
  return result.rows.map(toHead);
}

export async function readHeadOfSize(db: DbExecutor, treeSize: number): Promise<TreeHeadRow | null> {
  const result = await sql<HeadRecord>`SELECT ${HEAD_COLUMNS} FROM audit_tree_head
    WHERE tree_size = ${treeSize}`.execute(db);
  const row = result.rows[0];
  return row ? toHead(row) : null;
}

/** Leaf hashes `from` (inclusive) to `to` (exclusive), in order. */
export async function readLeafHashes(db: DbExecutor, from: number, to: number): Promise<Buffer[]> {
  const result = await sql<{ leaf_hash: Uint8Array }>`SELECT leaf_hash FROM audit_leaf
    WHERE leaf_index >= ${from} AND leaf_index < ${to} ORDER BY leaf_index`.execute(db);
  return result.rows.map((row) => bytes(row.leaf_hash));
}

/** Stored inner nodes of one level, indexes `from` (inclusive) to `to` (exclusive), in order. */
export async function readNodes(db: DbExecutor, level: number, from: number, to: number): Promise<Buffer[]> {
  const result = await sql<{ hash: Uint8Array }>`SELECT hash FROM audit_tree_node
    WHERE level = ${level} AND node_index >= ${from} AND node_index < ${to} ORDER BY node_index`.execute(db);
  return result.rows.map((row) => bytes(row.hash));
}

type LeafRecord = Partial<AuditRow> & { leaf_index: string; leaf_hash: Uint8Array; entry_seq: string };

/** A page of leaves from `fromLeaf` in order, each with its entry (verification). */
export async function readLeavesWithEntries(
  db: DbExecutor,
  fromLeaf: number,
  limit: number,
): Promise<LeafWithEntry[]> {
  const result = await sql<LeafRecord>`SELECT l.leaf_index::text AS leaf_index, l.leaf_hash,
      l.entry_seq::text AS entry_seq, ${ENTRY_COLUMNS}
    FROM audit_leaf l LEFT JOIN audit_event e ON e.seq = l.entry_seq
    WHERE l.leaf_index >= ${fromLeaf} ORDER BY l.leaf_index LIMIT ${limit}`.execute(db);
  return result.rows.map((row) => {
    const { leaf_index, leaf_hash, entry_seq, ...entry } = row;
    return {
      leafIndex: Number(leaf_index),
      leafHash: bytes(leaf_hash),
      entrySeq: entry_seq,
      entry: entry.seq == null ? null : (entry as AuditRow),
    };
  });
}

/**
 * Entries at or before `cursor` in sealing order that are in no leaf: sealing has passed them, so they were
 * put there afterwards (an insertion behind the log's back).
 */
export async function findEntriesBehindCursor(
  db: DbExecutor,
  cursor: SealCursor,
  limit: number,
): Promise<string[]> {
  const result = await sql<{ seq: string }>`SELECT e.seq::text AS seq FROM audit_event e
    WHERE (e.xid, e.seq) <= (${cursor.xid}::bigint, ${cursor.seq}::bigint)
      AND NOT EXISTS (SELECT 1 FROM audit_leaf l WHERE l.entry_seq = e.seq)
    ORDER BY e.seq LIMIT ${limit}`.execute(db);
  return result.rows.map((row) => row.seq);
}

/** Entries not sealed yet (after `cursor`), waiting for the sealer. */
export async function countEntriesAfter(db: DbExecutor, cursor: SealCursor): Promise<number> {
  const result = await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_event e
    WHERE (e.xid, e.seq) > (${cursor.xid}::bigint, ${cursor.seq}::bigint)`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
