import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  CompactRange,
  consistencyPath,
  EMPTY_TREE_ROOT,
  inclusionPath,
  leafHash,
  verifyConsistencyPath,
  verifyInclusionPath,
} from './merkle.ts';
import type { Hash } from './merkle.ts';

const sha256 = (...parts: Uint8Array[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** MTH of RFC 9162 section 2.1.1, written straight from its recursive definition over the leaf data. */
function referenceRoot(data: readonly Buffer[]): Buffer {
  if (data.length === 0) return sha256();
  if (data.length === 1) return sha256(Buffer.from([0]), data[0] as Buffer);
  let k = 1;
  while (k * 2 < data.length) k *= 2;
  return sha256(Buffer.from([1]), referenceRoot(data.slice(0, k)), referenceRoot(data.slice(k)));
}

const leaves = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`entry ${i}`));

/** The perfect-subtree question answered from the leaf data, by the reference definition. */
const perfectFrom = (data: readonly Buffer[]) => (level: number, index: number) =>
  Promise.resolve<Hash>(referenceRoot(data.slice(index * 2 ** level, (index + 1) * 2 ** level)));

test('known answers: the empty tree, one leaf, and RFC 6962 leaf and node prefixes', () => {
  assert.equal(EMPTY_TREE_ROOT.toString('hex'), sha256().toString('hex'));
  assert.equal(
    EMPTY_TREE_ROOT.toString('hex'),
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  );
  // The empty leaf's hash, a published test vector of Certificate Transparency implementations.
  assert.equal(
    leafHash(Buffer.alloc(0)).toString('hex'),
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  );
});

test('the compact range gives the reference root at every size, and reports each completed node', () => {
  const data = leaves(70);
  const range = CompactRange.empty();
  const completed = new Map<string, string>();
  for (let n = 0; n < data.length; n += 1) {
    assert.equal(range.root().toString('hex'), referenceRoot(data.slice(0, n)).toString('hex'), `size ${n}`);
    range.append(leafHash(data[n] as Buffer), (node) =>
      completed.set(`${node.level}/${node.index}`, node.hash.toString('hex')),
    );
  }
  // n leaves complete n - popcount(n) inner nodes: 70 = 0b1000110, so 67.
  assert.equal(completed.size, 67);
  assert.equal(completed.get('6/0'), referenceRoot(data.slice(0, 64)).toString('hex'));
  assert.equal(completed.get('1/34'), referenceRoot(data.slice(68, 70)).toString('hex'));
});

test('a compact range started from an existing size continues the same tree', async () => {
  const data = leaves(45);
  const range = await CompactRange.of(37, perfectFrom(data));
  assert.equal(range.root().toString('hex'), referenceRoot(data.slice(0, 37)).toString('hex'));
  for (const leaf of data.slice(37)) range.append(leafHash(leaf));
  assert.equal(range.root().toString('hex'), referenceRoot(data).toString('hex'));
});

test('inclusion proofs verify for every leaf of many tree sizes, and fail when anything is changed', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n - 1 }))),
      async ([n, m]) => {
        const data = leaves(n);
        const root = referenceRoot(data);
        const leaf = leafHash(data[m] as Buffer);
        const path = await inclusionPath(m, n, perfectFrom(data));
        assert.ok(verifyInclusionPath(leaf, m, n, path, root));
        assert.ok(!verifyInclusionPath(leafHash(Buffer.from('forged')), m, n, path, root));
        if (n > 1) assert.ok(!verifyInclusionPath(leaf, (m + 1) % n, n, path, root));
        if (path.length > 0) {
          const bent = path.map((p, i) => (i === 0 ? sha256(p) : p));
          assert.ok(!verifyInclusionPath(leaf, m, n, bent, root));
          assert.ok(!verifyInclusionPath(leaf, m, n, path.slice(1), root));
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('consistency proofs verify between any two sizes, and fail for a rewritten history', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.nat({ max: n }), fc.constant(n))),
      async ([m, n]) => {
        const data = leaves(n);
        const path = await consistencyPath(m, n, perfectFrom(data));
        const [first, second] = [referenceRoot(data.slice(0, m)), referenceRoot(data)];
        assert.ok(verifyConsistencyPath(m, n, first, second, path), `${m} → ${n}`);
        if (m > 0 && m < n) {
          const rewritten = [...data.slice(0, m - 1), Buffer.from('rewritten'), ...data.slice(m)];
          assert.ok(
            !verifyConsistencyPath(m, n, first, referenceRoot(rewritten), path),
            `rewritten ${m} → ${n}`,
          );
          assert.ok(!verifyConsistencyPath(m, n, referenceRoot(rewritten.slice(0, m)), second, path));
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('out-of-range requests are refused', async () => {
  const perfect = perfectFrom(leaves(4));
  await assert.rejects(inclusionPath(4, 4, perfect), RangeError);
  await assert.rejects(consistencyPath(5, 4, perfect), RangeError);
  assert.equal(verifyInclusionPath(Buffer.alloc(32), 4, 4, [], Buffer.alloc(32)), false);
});
