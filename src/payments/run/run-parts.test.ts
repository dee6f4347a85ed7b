import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newReference, newReferences } from './run-parts.ts';

const NOW = Date.UTC(2026, 11, 4, 18, 0, 0);

test("a batch's references are distinct, 17 characters, and share the batch's time digits", () => {
  const batch = newReferences(5_000, NOW);
  assert.equal(batch.length, 5_000);
  assert.equal(new Set(batch).size, 5_000);
  for (const reference of batch) {
    assert.match(reference, /^G[0-9A-HJ-NP-Z]{16}$/);
    // The payment table's own check (migrations: payment_reference_check).
    assert.match(reference, /^[A-Z0-9-]{1,19}$/);
  }
  assert.equal(new Set(batch.map((r) => r.slice(0, 9))).size, 1);
  assert.equal(newReference().length, batch[0]?.length);
});

test('a later batch sorts after an earlier one, a millisecond or years later', () => {
  const earlier = newReferences(1_000, NOW).sort();
  for (const later of [NOW + 1, NOW + 1_000, NOW + 365 * 86_400_000, Date.UTC(2076, 5, 1)]) {
    const batch = newReferences(1_000, later).sort();
    assert.ok((batch[0] ?? '') > (earlier.at(-1) ?? ''), `at ${new Date(later).toISOString()}`);
  }
});
