import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Presents PGlite as a `pg`-style pool to Kysely's PostgresDialect.
 * PGlite is a single connection, so a client is held exclusively from `connect()` to `release()`:
 * without this, a query from another request could slip into an open transaction.
 */
export function createPgliteAdapter(pglite: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();

  function acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = tail.then(() => release);
    tail = tail.then(() => held);
    return ready;
  }

  return {
    async connect(): Promise<PostgresPoolClient> {
      const release = await acquire();
      return {
        async query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
          if (parameters.length === 0 && isMultiStatement(sql)) {
            // Migrations are multi-statement scripts; only exec() runs those (simple query protocol).
            const results = await pglite.exec(sql);
            const last = results.at(-1);
            return {
              command: commandOf(sql),
              rowCount: last?.affectedRows ?? 0,
              rows: (last?.rows ?? []) as R[],
            };
          }
          const result = await pglite.query<R>(sql, parameters as unknown[]);
          return {
            command: commandOf(sql),
            rowCount: result.affectedRows ?? result.rows.length,
            rows: result.rows,
          };
        },
        release,
      } as unknown as PostgresPoolClient;
    },
    async end(): Promise<void> {
      await pglite.close();
    },
  };
}

function isMultiStatement(sql: string): boolean {
  return /;\s*\S/.test(sql);
}

function commandOf(sql: string): PostgresQueryResult<unknown>['command'] {
  const keyword = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  return (keyword === 'WITH' ? 'SELECT' : (keyword ?? 'SELECT')) as PostgresQueryResult<unknown>['command'];
}
