import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { ADDRESS, createHarness, createPerson, selfService } from '../../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../../test/support/person-harness.ts';
import { sampleLetter } from '../../../test/support/documents/sample-letters.ts';
import { encryptedColumns } from '../../app.keys.ts';
import { createFictitiousSinSequence } from '../../person/index.ts';
import type { AccessContext } from '../audit/access-context.ts';
import { testConfig } from '../config/config.ts';
import { createFieldCipher, keyIdOf } from './field-cipher.ts';
import { countStaleCiphertext, rotateEncryptedColumns } from './key-rotation.ts';

const SYSTEM: AccessContext = {
  actor: { type: 'system', id: 'test' },
  channel: 'system',
  purpose: 'decision-letter',
  correlationId: 'test',
};
const oldKeys = testConfig().encryptionKeys;
const newKey = { id: 'k2', key: randomBytes(32) };
const columns = encryptedColumns().list();
const sins = createFictitiousSinSequence(Number.parseInt(randomBytes(3).toString('hex'), 16));

/** A person with every kind of Protected B field: SIN, income, bank account, a letter, a form kept. */
async function personWithEverything(h: RegistryHarness, index: number): Promise<string> {
  const personId = await createPerson(h, { sin: sins(index) });
  await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
  await h.registry.changeContact(
    personId,
    {
      email: `p${index}@example.ca`,
      phone: null,
      preferredChannel: 'online',
      preferredLanguage: 'en',
      accessibilityNeeds: null,
      alternateFormats: [],
    },
    selfService(personId),
  );
  await h.registry.changeDirectDeposit(
    personId,
    { institution: '001', transit: '12345', account: `98765${String(index).padStart(4, '0')}` },
    selfService(personId),
  );
  await h.db
    .insertInto('person_income')
    .values({
      person_id: personId,
      tax_year: 2025,
      income_type: 'employment',
      amount_ciphertext: h.crypto.cipher.encrypt(String(1_000_000 + index)),
    })
    .execute();
  await h.inbox.deliver(personId, {
    kind: 'decision',
    sourceKey: `rotation:${personId}`,
    compose: (recipient) => ({ ...sampleLetter(recipient.lang), recipient: ['A PERSON'] }),
    context: SYSTEM,
  });
  await h.db
    .insertInto('platform_form_memory')
    .values({
      owner: `session-${index}`,
      form_id: 'portal.deposit',
      payload_ciphertext: h.crypto.cipher.encrypt('{"account":"123"}'),
      expires_at: new Date(Date.now() + 60_000),
    })
    .execute();
  return personId;
}

describeOnBothDatabases('keys rotate', (database) => {
  let h: RegistryHarness;
  let readers: RegistryHarness | undefined;
  const people: string[] = [];
  before(async () => {
    h = await createHarness(database());
    for (let index = 0; index < 7; index++) people.push(await personWithEverything(h, index));
  });
  after(async () => {
    await h.notices.close();
    await h.crypto.close();
    await readers?.notices.close();
    await readers?.crypto.close();
  });

  test('every column holding ciphertext is registered for rotation', async () => {
    const found = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name LIKE '%cipher%'`.execute(database().db);
    const registered = new Set(columns.map((column) => `${column.table}.${column.column}`));
    const missing = found.rows
      .map((row) => `${row.table_name}.${row.column_name}`)
      .filter((name) => !registered.has(name));
    assert.deepEqual(missing, []);
  });

  test('a run stopped between batches is finished by the next, each row re-encrypted once', async () => {
    const rotating = createFieldCipher([newKey, ...oldKeys]);
    const stale = await countStaleCiphertext(h.db, newKey.id, columns);
    assert.ok(stale >= people.length * 5, `expected ciphertext everywhere, found ${stale}`);
    let batches = 0;
    await assert.rejects(
      rotateEncryptedColumns(h.db, rotating, columns, {
        batchSize: 3,
        onProgress: () => {
          if (++batches === 4) throw new Error('killed');
        },
      }),
      /killed/,
    );
    const left = await countStaleCiphertext(h.db, newKey.id, columns);
    assert.ok(left > 0 && left < stale, `${left} of ${stale} left`);
    const finished = await rotateEncryptedColumns(h.db, rotating, columns, { batchSize: 3 });
    assert.equal(finished.reencrypted, left);
    assert.equal(finished.remaining, 0);
    const again = await rotateEncryptedColumns(h.db, rotating, columns, { batchSize: 3 });
    assert.equal(again.reencrypted, 0);
  });

  test('with the old key removed, every field, profile and letter still reads', async () => {
    const onlyNew = createFieldCipher([newKey]);
    for (const column of columns) {
      const rows = await sql<{ value: string | null }>`
        SELECT ${sql.ref(column.column)} AS value FROM ${sql.table(column.table)}`.execute(h.db);
      for (const { value } of rows.rows) {
        if (value === null) continue;
        assert.equal(keyIdOf(value), newKey.id);
        assert.doesNotThrow(() => onlyNew.decrypt(value));
      }
    }
    readers = await createHarness(database(), {}, { encryptionKeys: [newKey] });
    for (const [index, personId] of people.entries()) {
      const profile = await readers.registry.getProfile(personId, selfService(personId), {
        revealSin: true,
        revealBanking: true,
      });
      assert.equal(profile.contact.email, `p${index}@example.ca`);
      assert.match(JSON.stringify(profile), new RegExp(`98765${String(index).padStart(4, '0')}`));
      const [letter] = await readers.inbox.list(personId);
      assert.ok(letter);
      assert.ok(await readers.inbox.open(personId, letter.id, selfService(personId)));
      const incomes = await readers.person.retention.incomes(personId);
      assert.equal(incomes.length, 1);
    }
  });
});
