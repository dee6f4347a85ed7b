import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { agentContext, createHarness, createPerson, selfService } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import { fillMaskedHints } from './masked-hints.ts';
import { loadProfile } from './person-profile.ts';
import { createFictitiousSinSequence, maskSin } from './sin.ts';

const ACCOUNT = { institution: '001', transit: '12345', account: '9876543' };

describeOnBothDatabases('masked SIN and deposit hints', (database) => {
  let h: RegistryHarness;
  const nthSin = createFictitiousSinSequence(950);
  let people = 0;
  let sin = '';
  before(async () => {
    h = await createHarness(database());
  });

  /** The harness's cipher, counting its decryptions. */
  function countingCipher(): { cipher: FieldCipher; decrypted: () => number } {
    let count = 0;
    const real = h.crypto.cipher;
    const cipher: FieldCipher = {
      ...real,
      currentKeyId: real.currentKeyId,
      decrypt: (ciphertext) => (count++, real.decrypt(ciphertext)),
    };
    return { cipher, decrypted: () => count };
  }

  async function personWithSinAndDeposit(): Promise<string> {
    const personId = await createPerson(h);
    sin = nthSin(people++);
    await h.registry.setSin(personId, sin, agentContext());
    await h.registry.changeDirectDeposit(personId, ACCOUNT, selfService(personId));
    return personId;
  }

  test('every writer keeps the hints: a masked profile decrypts nothing, a revealed one decrypts', async () => {
    const personId = await personWithSinAndDeposit();
    const { cipher, decrypted } = countingCipher();
    const masked = await loadProfile(h.db, cipher, personId, {});
    assert.equal(masked?.sin, `*** *** ${sin.slice(6)}`);
    assert.deepEqual(masked?.directDeposit, { institution: '001', transit: '12345', account: '••••543' });
    assert.equal(decrypted(), 0);
    const full = await loadProfile(h.db, cipher, personId, { revealSin: true, revealBanking: true });
    assert.equal(full?.sin, sin);
    assert.deepEqual(full?.directDeposit, ACCOUNT);
    assert.equal(decrypted(), 2);
  });

  test('rows written before the hints are shown masked by decrypting, until filled once', async () => {
    const personId = await personWithSinAndDeposit();
    await h.db.updateTable('person').set({ sin_last3: null }).where('id', '=', personId).execute();
    await h.db
      .updateTable('registry_direct_deposit')
      .set({ institution: null, transit: null })
      .where('person_id', '=', personId)
      .execute();
    const { cipher, decrypted } = countingCipher();
    const before = await loadProfile(h.db, cipher, personId, {});
    assert.equal(before?.sin, maskSin(sin));
    assert.equal(before?.directDeposit?.account, '••••543');
    assert.equal(decrypted(), 2);
    const report = await fillMaskedHints(h.db, h.crypto.cipher, 1);
    assert.ok(report.sins >= 1 && report.deposits >= 1, JSON.stringify(report));
    assert.deepEqual(await fillMaskedHints(h.db, h.crypto.cipher), { sins: 0, deposits: 0 });
    const after = await loadProfile(h.db, cipher, personId, {});
    assert.deepEqual([after?.sin, after?.directDeposit], [before?.sin, before?.directDeposit]);
    assert.equal(decrypted(), 2);
  });

  test('a SIN cannot be cleared and leave its hint behind', async () => {
    const personId = await personWithSinAndDeposit();
    await assert.rejects(
      h.db
        .updateTable('person')
        .set({ sin_ciphertext: null, sin_lookup: null })
        .where('id', '=', personId)
        .execute(),
      /person_sin_last3/,
    );
  });
});
