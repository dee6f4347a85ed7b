import {
  CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import type { Compilable, PostgresPool, PostgresPoolClient, RawBuilder } from 'kysely';
import type { DB, DbExecutor } from './schema.ts';

/**
 * The hot statements of signed-in pages, compiled once and run as PostgreSQL named prepared statements
 * (ADR 0013). Kysely compiles a query on every call and `pg` sends it unnamed, so PostgreSQL parses and plans
 * it again each time; a prepared query is built once at start-up with placeholders, and runs as
 * `{ name, text, values }` on each pooled connection (parsed and planned once per connection). On PGlite,
 * which has no named statements to gain from, the same compiled text runs as a plain query.
 *
 *   const findById = prepareQuery('person.find', (q, id: string) =>
 *     q.selectFrom('person').selectAll().where('id', '=', id));
 *   const rows = await findById.execute(db, personId);
 */
export interface PreparedQuery<A extends readonly unknown[], R> {
  readonly name: string;
  readonly sql: string;
  execute(db: DbExecutor, ...args: A): Promise<R[]>;
  executeTakeFirst(db: DbExecutor, ...args: A): Promise<R | undefined>;
}

/** Builds queries for compiling only: never connected. */
const compiler = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** A stand-in for the n-th argument while the query is compiled; replaced by the value on each run. */
class Placeholder {
  constructor(readonly index: number) {}
}

/** SQL text → statement name, for the pool to send these (and only these) as named statements. */
const statementNames = new Map<string, string>();

type Builder<A extends readonly unknown[], R> = (q: Kysely<DB>, ...args: A) => Compilable<R> | RawBuilder<R>;

export function prepareQuery<A extends readonly unknown[], R>(
  name: string,
  build: Builder<A, R>,
): PreparedQuery<A, R> {
  const placeholders = Array.from({ length: build.length - 1 }, (_, i) => new Placeholder(i));
  const built = (build as unknown as (q: Kysely<DB>, ...args: unknown[]) => Compilable<R> | RawBuilder<R>)(
    compiler,
    ...placeholders,
  );
  const compiled = 'isRawBuilder' in built ? built.compile(compiler) : built.compile();
  const slots = compiled.parameters.map((value) => (value instanceof Placeholder ? value.index : -1));
  const constants = compiled.parameters;
  if ([...statementNames.values()].includes(name)) throw new Error(`Duplicate prepared query ${name}`);
  statementNames.set(compiled.sql, name);
  const bind = (args: readonly unknown[]) =>
    CompiledQuery.raw(
      compiled.sql,
      slots.map((slot, i) => (slot < 0 ? constants[i] : args[slot])),
    );
  const execute = async (db: DbExecutor, ...args: A) => (await db.executeQuery<R>(bind(args))).rows;
  return {
    name,
    sql: compiled.sql,
    execute,
    executeTakeFirst: async (db, ...args) => (await execute(db, ...args))[0],
  };
}

/**
 * Wraps a `pg` pool so the statements `prepareQuery` compiled go to PostgreSQL as named prepared statements;
 * every other query is passed through unchanged.
 */
export function namingPool(pool: PostgresPool): PostgresPool {
  const wrapped = new WeakMap<PostgresPoolClient, PostgresPoolClient>();
  // pg gives each checkout its own `release`, so both are looked up on the client at each call.
  const wrap = (client: PostgresPoolClient): PostgresPoolClient => {
    let named = wrapped.get(client);
    if (!named) {
      const raw = client as unknown as {
        query(...args: unknown[]): unknown;
        release(error?: unknown): void;
      };
      named = {
        query: (text: unknown, values?: unknown) => {
          const name = typeof text === 'string' ? statementNames.get(text) : undefined;
          return name === undefined ? raw.query(text, values) : raw.query({ name, text, values });
        },
        release: (error?: unknown) => raw.release(error),
      } as unknown as PostgresPoolClient;
      wrapped.set(client, named);
    }
    return named;
  };
  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}
