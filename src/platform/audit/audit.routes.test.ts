import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { auditEntry, testAuditSigning } from '../../../test/support/audit.ts';
import { buildTestApp } from '../../../test/support/app.ts';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import type { GuichetApp } from '../../app.ts';
import { testConfig } from '../config/config.ts';

// An offline verifier written from ADR 0002 and RFC 9162 alone, sharing no code with the prover.
const sha256 = (...parts: Uint8Array[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
const node = (left: Uint8Array, right: Uint8Array) => sha256(Buffer.from([1]), left, right);
const b64 = (text: string) => Buffer.from(text, 'base64');

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The leaf of an entry as read from the database, by the documented canonical form. */
function leafOf(row: Record<string, unknown>): Buffer {
  const camel = (name: string) => name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  const fields = Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));
  fields.occurredAt = new Date(row.occurred_at as string).toISOString();
  fields.seq = String(row.seq);
  return sha256(Buffer.from([0]), Buffer.from(sortedJson(fields), 'utf8'));
}

/** RFC 9162 section 2.1.3.2. */
function inclusionHolds(leaf: Buffer, index: number, size: number, path: Buffer[], root: Buffer): boolean {
  let [fn, sn, r] = [index, size - 1, leaf];
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else r = node(r, p);
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 section 2.1.4.2, for 0 < first < second. */
function consistencyHolds(first: number, second: number, r1: Buffer, r2: Buffer, path: Buffer[]): boolean {
  const proof = (first & (first - 1)) === 0 ? [r1, ...path] : path;
  let [fn, sn] = [first - 1, second - 1];
  while (fn % 2 === 1) [fn, sn] = [fn >> 1, sn >> 1];
  let [fr, sr] = [proof[0] as Buffer, proof[0] as Buffer];
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      [fr, sr] = [node(c, fr), node(c, sr)];
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else sr = node(sr, c);
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && fr.equals(r1) && sr.equals(r2);
}

interface Head {
  treeSize: number;
  timestamp: number;
  rootHash: string;
  signature: string;
}

/** RFC 6962's TreeHeadSignature: v1, tree_hash, uint64 timestamp, uint64 size, root. */
function headSignedBy(head: Head, key: KeyObject): boolean {
  const signed = Buffer.alloc(50);
  signed.writeUInt8(0, 0);
  signed.writeUInt8(1, 1);
  signed.writeBigUInt64BE(BigInt(head.timestamp), 2);
  signed.writeBigUInt64BE(BigInt(head.treeSize), 10);
  b64(head.rootHash).copy(signed, 18);
  return verify(null, signed, key, b64(head.signature));
}

describeOnBothDatabases('audit API', (database) => {
  let guichet: GuichetApp;
  const get = async <T>(url: string) => {
    const response = await guichet.app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json<T>(), type: response.headers['content-type'] };
  };
  const entryRow = async (seq: number) =>
    (
      await sql<Record<string, unknown>>`SELECT seq, id, occurred_at, actor_type, actor_id, actor_role,
      actor_agency_id, subject_person_id, action, purpose, channel, outcome, correlation_id, details
      FROM audit_event WHERE seq = ${seq}`.execute(database().db)
    ).rows[0] ?? {};

  before(async () => {
    guichet = await buildTestApp(database(), { audit: { ...testConfig().audit, ...testAuditSigning() } });
    let recorded = 0;
    for (const count of [20, 17]) {
      for (let n = 0; n < count; n += 1) await guichet.services.audit.record(auditEntry(n));
      recorded += count;
      await sealThrough(recorded);
    }
  });
  after(() => guichet.app.close());

  /**
   * Seals until the tree holds `size` entries: on the shared PostgreSQL server another test's open transaction can
   * hold newer entries back for a pass (a seal never includes an entry an older transaction could still precede).
   */
  async function sealThrough(size: number): Promise<void> {
    for (let pass = 0; pass < 200; pass += 1) {
      await guichet.services.audit.seal();
      if ((await guichet.services.audit.latestTreeHead())?.treeSize === size) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.fail(`the tree never reached ${size} entries`);
  }
  const headOf = (heads: readonly Head[], size: number) => {
    const head = heads.find((h) => h.treeSize === size);
    assert.ok(head, `a signed head of ${size} entries`);
    return head;
  };

  test('publishes the key and every signed head, each verifiable with that key alone', async () => {
    const { body: published } = await get<{ algorithm: string; publicKey: string }>(
      '/api/v1/audit/public-key',
    );
    assert.equal(published.algorithm, 'Ed25519');
    const key = createPublicKey(published.publicKey);
    const { body } = await get<{ treeHeads: Head[] }>('/api/v1/audit/tree-heads');
    // Sizes ascending, ending at 37, with 20 among them (a held-back pass may add a smaller head before it).
    const sizes = body.treeHeads.map((h) => h.treeSize);
    assert.deepEqual(
      sizes,
      [...sizes].sort((a, b) => a - b),
    );
    assert.equal(sizes.at(-1), 37);
    for (const head of body.treeHeads) assert.ok(headSignedBy(head, key));
    assert.ok(!headSignedBy({ ...headOf(body.treeHeads, 20), treeSize: 19 }, key), 'the size is signed');
    const latest = await get<Head>('/api/v1/audit/tree-heads/latest');
    assert.deepEqual(latest.body, headOf(body.treeHeads, 37));
    const after20 = (await get<{ treeHeads: Head[] }>('/api/v1/audit/tree-heads?after=20')).body.treeHeads;
    assert.ok(after20.every((h) => h.treeSize > 20));
    assert.deepEqual(after20.at(-1), latest.body);
  });

  test('an inclusion proof for an entry verifies offline against the signed head', async () => {
    const key = createPublicKey(
      (await get<{ publicKey: string }>('/api/v1/audit/public-key')).body.publicKey,
    );
    for (const [seq, treeSize] of [
      [13, undefined],
      [13, 20],
      [37, undefined],
      [1, 20],
    ] as const) {
      const row = await entryRow(seq);
      const query = treeSize === undefined ? '' : `?treeSize=${treeSize}`;
      const { status, body: proof } = await get<{
        leafIndex: number;
        treeSize: number;
        leafHash: string;
        auditPath: string[];
        treeHead: Head;
      }>(`/api/v1/audit/entries/${String(row.id)}/inclusion-proof${query}`);
      assert.equal(status, 200);
      assert.equal(proof.leafIndex, seq - 1);
      assert.equal(proof.treeSize, treeSize ?? 37);
      assert.ok(leafOf(row).equals(b64(proof.leafHash)), 'the leaf is the entry');
      assert.ok(headSignedBy(proof.treeHead, key));
      const path = proof.auditPath.map(b64);
      assert.ok(
        inclusionHolds(leafOf(row), proof.leafIndex, proof.treeSize, path, b64(proof.treeHead.rootHash)),
      );
      const forged = leafOf({ ...row, purpose: 'curiosity' });
      assert.ok(!inclusionHolds(forged, proof.leafIndex, proof.treeSize, path, b64(proof.treeHead.rootHash)));
    }
  });

  test('the service checks its own proofs, and refuses one for another entry', async () => {
    const row = await entryRow(5);
    const proof = await guichet.services.audit.inclusionProof(String(row.id));
    const entry = (await guichet.services.audit.listForSubject('person-1', 100)).find((e) => e.id === row.id);
    assert.ok(entry);
    assert.ok(guichet.services.audit.verifyInclusion(proof, entry));
    assert.ok(!guichet.services.audit.verifyInclusion(proof, { ...entry, purpose: 'curiosity' }));
    assert.ok(!guichet.services.audit.verifyInclusion({ ...proof, leafIndex: proof.leafIndex + 1 }));
  });

  test('a consistency proof shows the head of 20 entries is a prefix of the head of 37', async () => {
    const { body: heads } = await get<{ treeHeads: Head[] }>('/api/v1/audit/tree-heads');
    const [first, second] = [headOf(heads.treeHeads, 20), headOf(heads.treeHeads, 37)];
    const { body } = await get<{ consistencyPath: string[] }>(
      '/api/v1/audit/consistency-proof?first=20&second=37',
    );
    const path = body.consistencyPath.map(b64);
    assert.ok(consistencyHolds(20, 37, b64(first.rootHash), b64(second.rootHash), path));
    assert.ok(!consistencyHolds(20, 37, sha256(Buffer.from('other')), b64(second.rootHash), path));
  });

  test('bad requests are problems, never server errors', async () => {
    const unknown = await get<{ status: number }>(
      '/api/v1/audit/entries/7b0c6a55-0000-4000-8000-000000000000/inclusion-proof',
    );
    assert.deepEqual([unknown.status, unknown.type], [404, 'application/problem+json; charset=utf-8']);
    assert.equal((await get('/api/v1/audit/entries/not-an-id/inclusion-proof')).status, 400);
    const row = await entryRow(30);
    assert.equal(
      (await get(`/api/v1/audit/entries/${String(row.id)}/inclusion-proof?treeSize=20`)).status,
      404,
    );
    assert.equal(
      (await get(`/api/v1/audit/entries/${String(row.id)}/inclusion-proof?treeSize=-1`)).status,
      400,
    );
    assert.equal((await get('/api/v1/audit/consistency-proof?first=30&second=20')).status, 400);
    assert.equal((await get('/api/v1/audit/consistency-proof?first=1&second=99')).status, 400);
    assert.equal((await get('/api/v1/audit/consistency-proof?first=x')).status, 400);
    assert.equal((await get('/api/v1/audit/tree-heads?after=abc')).status, 400);
  });
});
