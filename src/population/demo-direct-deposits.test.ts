import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createHarness, createPerson } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { checkBankAccount } from '../person/index.ts';
import { seedDemoDirectDeposits } from './demo-direct-deposits.ts';
import { seedDemoEnrolments } from './demo-enrolments.ts';

const AS_OF = new Date('2026-12-03T12:00:00Z');

describeOnBothDatabases('demo direct deposits', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
  });

  test('most demo beneficiaries get a well-formed, encrypted account set up long ago; nobody gets two', async () => {
    const seniors = [];
    for (let i = 0; i < 150; i += 1) seniors.push(await createPerson(h, { birthDate: '1950-01-01' }));
    const young = await createPerson(h, { birthDate: '1999-01-01' });
    await seedDemoEnrolments(h.db, AS_OF);

    const added = await seedDemoDirectDeposits(h.db, h.crypto.cipher, AS_OF);
    assert.ok(added >= 105 && added < 150, `${added} of 150 beneficiaries have an account: most, not all`);
    assert.equal(await seedDemoDirectDeposits(h.db, h.crypto.cipher, AS_OF), 0, 'a second run adds nothing');

    const rows = await h.db.selectFrom('registry_direct_deposit').selectAll().execute();
    assert.equal(rows.length, added);
    assert.ok(!rows.some((row) => row.person_id === young), 'nobody without an enrolment');
    for (const row of rows) {
      assert.ok(seniors.includes(row.person_id));
      const details = JSON.parse(h.crypto.cipher.decrypt(row.details_ciphertext)) as Record<string, string>;
      assert.equal(checkBankAccount(details).ok, true, JSON.stringify(details));
      assert.equal(row.account_last3, details.account?.slice(-3));
      assert.ok(!row.details_ciphertext.includes(details.account ?? '?'), 'the account is not in clear');
      const ageDays = (AS_OF.getTime() - new Date(row.updated_at).getTime()) / 86_400_000;
      assert.ok(ageDays > 90, 'set up long before: no hold for a recent change');
    }
  });
});
