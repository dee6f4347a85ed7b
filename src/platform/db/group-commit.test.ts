import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupCommit } from './group-commit.ts';

/** A writer that records each batch it is given and answers once the test lets it. */
function gatedWriter(fails: (items: readonly number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const write = async (items: readonly number[]) => {
    batches.push([...items]);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (fails(items)) throw new Error(`batch ${items.join(',')} refused`);
    return items.map((n) => n * 10);
  };
  const openNext = async () => {
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()?.();
  };
  return { batches, write, openNext };
}

describe('group commit', () => {
  it('writes a lone item at once, and what arrives meanwhile together in the next batch', async () => {
    const writer = gatedWriter();
    const commit = groupCommit(writer.write, { maxBatch: 32, inFlight: 1 });
    const first = commit.add(1);
    const later = [2, 3, 4].map((n) => commit.add(n));
    await writer.openNext();
    assert.equal(await first, 10);
    await writer.openNext();
    assert.deepEqual(await Promise.all(later), [20, 30, 40]);
    assert.deepEqual(writer.batches, [[1], [2, 3, 4]]);
  });

  it('keeps each batch within maxBatch and runs at most inFlight batches at once', async () => {
    const writer = gatedWriter();
    const commit = groupCommit(writer.write, { maxBatch: 2, inFlight: 2 });
    const answers = Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => commit.add(n)));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(writer.batches, [[1], [2]], 'two in flight; the rest wait');
    for (let i = 0; i < 5; i++) await writer.openNext();
    assert.deepEqual(await answers, [10, 20, 30, 40, 50, 60, 70]);
    assert.ok(writer.batches.every((batch) => batch.length <= 2));
    assert.deepEqual(writer.batches.flat().sort(), [1, 2, 3, 4, 5, 6, 7]);
  });

  it('writes a failed batch again one item at a time: only the bad item fails', async () => {
    const writer = gatedWriter((items) => items.includes(3));
    const commit = groupCommit(writer.write, { maxBatch: 32, inFlight: 1 });
    const first = commit.add(1);
    const rest = [2, 3, 4].map((n) => commit.add(n).catch((error: unknown) => String(error)));
    for (let i = 0; i < 5; i++) await writer.openNext();
    assert.equal(await first, 10);
    assert.deepEqual(await Promise.all(rest), [20, 'Error: batch 3 refused', 40]);
    assert.deepEqual(writer.batches, [[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('refuses a writer that answers a batch with the wrong number of answers', async () => {
    const commit = groupCommit(async (items: readonly number[]) => items.slice(1), {
      maxBatch: 32,
      inFlight: 1,
    });
    await assert.rejects(commit.add(1), /a batch of 1 answered 0 times/);
  });
});
