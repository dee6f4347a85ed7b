import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { RegisteredColumn } from './encrypted-columns.ts';
import type { FieldCipher } from './field-cipher.ts';

export interface RotationProgress {
  readonly column: RegisteredColumn;
  /** Rows re-encrypted so far in this run, all columns together. */
  readonly done: number;
  /** Rows that were not under the current key when the run started. */
  readonly total: number;
}

export interface RotationOptions {
  readonly batchSize?: number;
  onProgress?(progress: RotationProgress): void;
}

export interface RotationReport {
  readonly keyId: string;
  readonly columns: readonly { table: string; column: string; reencrypted: number }[];
  readonly reencrypted: number;
  /** Rows still under an older key: 0 once the run finished. */
  readonly remaining: number;
}

type Row = Record<string, unknown>;

/**
 * Re-encrypts every registered column under the cipher's current key, in batches of one transaction each.
 * The ciphertext names its key (`v1.<keyId>.`), so the data is its own checkpoint: a run killed at any
 * point is finished by running again, rows already under the current key are never touched, and each row is
 * updated only if it still holds the ciphertext that was read (a concurrent change wins).
 */
export async function rotateEncryptedColumns(
  db: Kysely<DB>,
  cipher: FieldCipher,
  columns: readonly RegisteredColumn[],
  options: RotationOptions = {},
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 500;
  const prefix = `v1.${cipher.currentKeyId}.`;
  const counts = await Promise.all(columns.map((column) => countStale(db, column, prefix)));
  const total = counts.reduce((sum, count) => sum + count, 0);
  let done = 0;
  const report: { table: string; column: string; reencrypted: number }[] = [];
  for (const column of columns) {
    let reencrypted = 0;
    let cursor: Row | null = null;
    for (;;) {
      const rows = await staleBatch(db, column, prefix, cursor, batchSize);
      if (rows.length === 0) break;
      reencrypted += await reencryptBatch(db, cipher, column, rows);
      done += rows.length;
      cursor = rows[rows.length - 1] ?? null;
      options.onProgress?.({ column, done: Math.min(done, total), total });
    }
    report.push({ table: column.table, column: column.column, reencrypted });
  }
  const left = await Promise.all(columns.map((column) => countStale(db, column, prefix)));
  return {
    keyId: cipher.currentKeyId,
    columns: report,
    reencrypted: report.reduce((sum, entry) => sum + entry.reencrypted, 0),
    remaining: left.reduce((sum, count) => sum + count, 0),
  };
}

/** Rows of every registered column not yet under the current key. */
export async function countStaleCiphertext(
  db: Kysely<DB>,
  currentKeyId: string,
  columns: readonly RegisteredColumn[],
): Promise<number> {
  const counts = await Promise.all(columns.map((column) => countStale(db, column, `v1.${currentKeyId}.`)));
  return counts.reduce((sum, count) => sum + count, 0);
}

function stale(column: RegisteredColumn, prefix: string): RawBuilder<unknown> {
  const ref = sql.ref(column.column);
  return sql`${ref} IS NOT NULL AND left(${ref}, ${prefix.length}::int) <> ${prefix}`;
}

async function countStale(db: Kysely<DB>, column: RegisteredColumn, prefix: string): Promise<number> {
  const result = await sql<{ count: string | number }>`
    SELECT count(*) AS count FROM ${sql.table(column.table)} WHERE ${stale(column, prefix)}`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

function keyTuple(column: RegisteredColumn): RawBuilder<unknown> {
  return sql`(${sql.join(column.key.map((name) => sql.ref(name)))})`;
}

async function staleBatch(
  db: Kysely<DB>,
  column: RegisteredColumn,
  prefix: string,
  cursor: Row | null,
  limit: number,
): Promise<Row[]> {
  const after = cursor
    ? sql`AND ${keyTuple(column)} > (${sql.join(column.key.map((name) => sql`${cursor[name]}`))})`
    : sql``;
  const result = await sql<Row>`
    SELECT ${sql.join(column.key.map((name) => sql.ref(name)))}, ${sql.ref(column.column)} AS ciphertext
    FROM ${sql.table(column.table)}
    WHERE ${stale(column, prefix)} ${after}
    ORDER BY ${sql.join(column.key.map((name) => sql.ref(name)))}
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

async function reencryptBatch(
  db: Kysely<DB>,
  cipher: FieldCipher,
  column: RegisteredColumn,
  rows: readonly Row[],
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let updated = 0;
    for (const row of rows) {
      const before = String(row.ciphertext);
      const match = sql.join(
        column.key.map((name) => sql`${sql.ref(name)} = ${row[name]}`),
        sql` AND `,
      );
      const result = await sql`
        UPDATE ${sql.table(column.table)} SET ${sql.ref(column.column)} = ${cipher.reencrypt(before)}
        WHERE ${match} AND ${sql.ref(column.column)} = ${before}`.execute(trx);
      updated += Number(result.numAffectedRows ?? 0);
    }
    return updated;
  });
}
