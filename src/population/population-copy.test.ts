import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GeneratedHousehold } from './population.types.ts';
import { incomeRows, personRows } from './population-copy.ts';

const household: GeneratedHousehold = {
  id: '01941f29-7c00-7ff0-9b94-73487df61035',
  provinceCode: 'QC',
  people: [
    {
      id: '01941f29-7c01-7851-ae78-292b1d22218e',
      householdId: '01941f29-7c00-7ff0-9b94-73487df61035',
      givenName: 'Zoé',
      familyName: "D'Amours",
      birthDate: '1980-05-06',
      preferredLanguage: 'fr',
      maritalStatus: 'single',
      sin: '046454286',
      yearsInCanadaAfter18: 27,
      disability: false,
    },
  ],
  relationships: [],
  incomes: [
    {
      personId: '01941f29-7c01-7851-ae78-292b1d22218e',
      taxYear: 2025,
      incomeType: 'employment',
      amountCents: 4_200_000,
    },
  ],
};
const values = { sinCiphertexts: ['v1.k.SIN'], sinLookups: ['LOOKUP'], amountCiphertexts: ['v1.k.AMOUNT'] };

// Every loaded column is compared with the generator's output on both databases in population-seeder.test.ts.
describe('population rows in binary COPY', () => {
  it('puts each ciphertext in its row and never the plaintext', () => {
    const people = Buffer.from(personRows([household], values).data).toString('latin1');
    assert.ok(people.includes('v1.k.SIN') && people.includes('LOOKUP'));
    assert.ok(!people.includes('046454286'));
    const incomes = Buffer.from(incomeRows([household], values).data).toString('latin1');
    assert.ok(incomes.includes('v1.k.AMOUNT') && !incomes.includes('4200000'));
  });

  it('refuses a batch whose ciphertexts are missing', () => {
    assert.throws(
      () => incomeRows([household], { ...values, amountCiphertexts: [] }),
      /Missing protected value 0/,
    );
    assert.throws(() => personRows([household], { ...values, sinLookups: [] }), /Missing protected value 0/);
  });
});
