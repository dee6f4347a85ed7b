import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { prepareQuery } from './prepared.ts';

const migrationsNamed = prepareQuery('test.migrations-named', (q, name: string, limit: number) =>
  q.selectFrom('schema_migrations').select('name').where('name', '=', name).orderBy('name').limit(limit),
);
const migrationsRaw = prepareQuery(
  'test.migrations-raw',
  (_q, prefix: string) =>
    sql<{ name: string }>`SELECT name FROM schema_migrations WHERE name LIKE ${prefix} || '%' ORDER BY name`,
);

test('a prepared query is compiled once, with numbered placeholders', () => {
  assert.match(migrationsNamed.sql, /"name" = \$1/);
  assert.match(migrationsNamed.sql, /limit \$2/);
  assert.throws(() => prepareQuery('test.migrations-named', (q) => q.selectFrom('schema_migrations')));
});

describeOnBothDatabases('prepared queries', (database, kind) => {
  test('answer as the same query built each time does, with each call its own values', async () => {
    const { db } = database();
    const all = await db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
    const first = all[0]?.name ?? '';
    const second = all[1]?.name ?? '';
    assert.deepEqual(await migrationsNamed.execute(db, first, 5), [{ name: first }]);
    assert.deepEqual(await migrationsNamed.executeTakeFirst(db, second, 5), { name: second });
    assert.equal(await migrationsNamed.executeTakeFirst(db, 'none', 5), undefined);
    assert.deepEqual(await migrationsRaw.execute(db, ''), all);
  });

  test('inside a transaction too', async () => {
    const { db } = database();
    const rows = await db.transaction().execute((trx) => migrationsRaw.execute(trx, '0001'));
    assert.ok(rows.length >= 1);
  });

  if (kind === 'postgres')
    test('on PostgreSQL they are named prepared statements, parsed once per connection', async () => {
      const names = await database()
        .db.connection()
        .execute(async (connection) => {
          await migrationsNamed.execute(connection, 'x', 1);
          await migrationsNamed.execute(connection, 'y', 1);
          const { rows } = await sql<{
            name: string;
          }>`SELECT name FROM pg_prepared_statements`.execute(connection);
          return rows.map((r) => r.name);
        });
      assert.ok(names.includes('test.migrations-named'), names.join(', '));
    });
});
