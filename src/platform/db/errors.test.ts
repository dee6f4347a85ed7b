import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import type { Database } from './database.ts';
import { isUniqueViolation } from './errors.ts';

describeOnBothDatabases('a unique violation', (database: () => Database) => {
  it('is told apart by its constraint, on the error each driver throws', async () => {
    const { db } = database();
    await sql`CREATE TABLE unique_probe (code text CONSTRAINT unique_probe_code UNIQUE, other text UNIQUE)`.execute(
      db,
    );
    await sql`INSERT INTO unique_probe VALUES ('a', 'x')`.execute(db);
    const failure = await sql`INSERT INTO unique_probe VALUES ('a', 'y')`
      .execute(db)
      .catch((error: unknown) => error);
    assert.ok(isUniqueViolation(failure, 'unique_probe_code'));
    assert.ok(!isUniqueViolation(failure, 'unique_probe_other_key'));
    const other = await sql`INSERT INTO unique_probe VALUES ('b', 'x')`
      .execute(db)
      .catch((error: unknown) => error);
    assert.ok(isUniqueViolation(other, 'unique_probe_other_key'));
    const division = await sql`INSERT INTO unique_probe VALUES (1/0, 'z')`
      .execute(db)
      .catch((error: unknown) => error);
    assert.ok(!isUniqueViolation(division, 'unique_probe_code'));
    assert.ok(!isUniqueViolation(new Error('23505'), 'unique_probe_code'));
    assert.ok(!isUniqueViolation(null, 'unique_probe_code'));
  });
});
