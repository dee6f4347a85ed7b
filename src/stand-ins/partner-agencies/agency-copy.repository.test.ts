import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { applyCopies, listCopies } from './agency-copy.repository.ts';
import type { CopyRow } from './agency-copy.repository.ts';

describeOnBothDatabases('an agency applies a batch of copies', (database) => {
  const copy = (personId: string, element: string, version: number): CopyRow => ({
    agencyId: 'cra',
    personId,
    element,
    version,
    valueCiphertext: `v${version}`,
    at: new Date(),
  });

  it('applies several versions of one element in one batch in order, each once, keeping the newest', async () => {
    const { db } = database();
    const personId = randomUUID();
    await db
      .transaction()
      .execute((trx) =>
        applyCopies(trx, [
          copy(personId, 'address', 3),
          copy(personId, 'contact', 1),
          copy(personId, 'address', 1),
          copy(personId, 'address', 2),
        ]),
      );
    const copies = await listCopies(db, personId);
    const address = copies.find((c) => c.element === 'address');
    assert.equal(address?.version, 3);
    assert.equal(address?.value_ciphertext, 'v3');
    assert.equal(address?.applied_count, 3);
    assert.equal(copies.find((c) => c.element === 'contact')?.applied_count, 1);
  });

  it('never lets an older version that arrives late overwrite a newer one', async () => {
    const { db } = database();
    const personId = randomUUID();
    await db.transaction().execute((trx) => applyCopies(trx, [copy(personId, 'address', 5)]));
    await db
      .transaction()
      .execute((trx) => applyCopies(trx, [copy(personId, 'address', 4), copy(personId, 'address', 5)]));
    const [address] = await listCopies(db, personId);
    assert.equal(address?.version, 5);
    assert.equal(address?.applied_count, 1);
  });
});
