import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GeneratedHousehold } from './population.types.ts';
import { copyText, incomeRows, personRows, relationshipRows } from './population-tsv.ts';

const household: GeneratedHousehold = {
  id: 'h1',
  provinceCode: 'QC',
  people: [
    {
      id: 'p1',
      householdId: 'h1',
      givenName: 'Zoé\tback\\slash',
      familyName: "D'Amours\nSt-Pierre",
      birthDate: '1980-05-06',
      preferredLanguage: 'fr',
      maritalStatus: 'common-law',
      sin: '046454286',
      yearsInCanadaAfter18: 27,
      disability: false,
    },
    {
      id: 'p2',
      householdId: 'h1',
      givenName: 'Léo',
      familyName: 'Roy',
      birthDate: '2020-01-02',
      preferredLanguage: 'fr',
      maritalStatus: 'single',
      sin: null,
      yearsInCanadaAfter18: 0,
      disability: true,
    },
  ],
  relationships: [
    { personId: 'p1', relatedPersonId: 'p2', kind: 'parent-of', since: null, custodyShare: 0.5 },
  ],
  incomes: [{ personId: 'p1', taxYear: 2025, incomeType: 'employment', amountCents: 4_200_000 }],
};
const protectedValues = {
  sinCiphertexts: ['v1.k.SIN'],
  sinLookups: ['LOOKUP'],
  amountCiphertexts: ['v1.k.AMOUNT'],
};

describe('COPY text rows', () => {
  it('escapes backslash, tab, newline and carriage return, and writes null as \\N', () => {
    assert.equal(copyText('a\tb\nc\rd\\e'), 'a\\tb\\nc\\rd\\\\e');
    assert.equal(copyText(null), '\\N');
    assert.equal(copyText(12), '12');
  });

  it('writes people with escaped names, ciphertexts in order and null SINs', () => {
    assert.equal(
      personRows([household], protectedValues),
      "p1\th1\tZoé\\tback\\\\slash\tD'Amours\\nSt-Pierre\t1980-05-06\tfr\tcommon-law\tv1.k.SIN\tLOOKUP\t27\tfalse\ttrue\n" +
        'p2\th1\tLéo\tRoy\t2020-01-02\tfr\tsingle\t\\N\t\\N\t0\ttrue\ttrue\n',
    );
  });

  it('writes relationships and incomes', () => {
    assert.equal(relationshipRows([household]), 'p1\tp2\tparent-of\t\\N\t0.50\n');
    assert.equal(incomeRows([household], protectedValues), 'p1\t2025\temployment\tv1.k.AMOUNT\n');
  });

  it('refuses a batch whose ciphertexts are missing', () => {
    assert.throws(
      () => incomeRows([household], { ...protectedValues, amountCiphertexts: [] }),
      /Missing protected value/,
    );
  });
});
