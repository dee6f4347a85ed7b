import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleLetter } from '../../test/support/documents/sample-letters.ts';
import { hasPostalAddress, readdress } from './print-hold.ts';

const ADDRESS = ['Gisèle Tremblay', '12 rue Principale', 'GATINEAU QC  J8X 1A1'];

test('a letter can be posted only with an address: the name and at least one more line', () => {
  assert.equal(hasPostalAddress({ addressLines: ADDRESS }), true);
  assert.equal(hasPostalAddress({ addressLines: null }), false);
  assert.equal(hasPostalAddress({ addressLines: ['Gisèle Tremblay'] }), false);
  assert.equal(hasPostalAddress(null), false);
});

test('a held letter is readdressed: the lines above the missing address stay, its one line gives way', () => {
  const estate = {
    ...sampleLetter('fr'),
    recipient: ['À la succession de Gisèle Tremblay', 'Aucune adresse'],
  };
  assert.deepEqual(readdress(estate, ADDRESS).recipient, [
    'À la succession de Gisèle Tremblay',
    '12 rue Principale',
    'GATINEAU QC  J8X 1A1',
  ]);
  const plain = { ...sampleLetter('en'), recipient: ['No address on file'] };
  assert.deepEqual(readdress(plain, ADDRESS).recipient, ADDRESS, 'the name from the record');
  const crowded = { ...sampleLetter('en'), recipient: ['To the estate of A', 'c/o B', 'Care line', 'None'] };
  const long = ['B', 'Unit 4', '1 Main St', 'Box 9', 'OTTAWA ON  K1A 0B1'];
  assert.deepEqual(
    readdress(crowded, long).recipient,
    ['To the estate of A', ...long.slice(1)],
    'five lines',
  );
});
