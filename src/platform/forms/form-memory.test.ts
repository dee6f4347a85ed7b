import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { testConfig } from '../config/config.ts';
import { createFieldCipher } from '../crypto/field-cipher.ts';
import { createCookieSealer } from '../security/sealed-cookie.ts';
import { createFormMemory, FORM_COOKIE, purgeExpiredForms } from './form-memory.ts';
import type { FormMemory } from './form-memory.ts';

/** The smallest request and reply a form memory touches: cookies in, cookies out. */
function browser(sessionId: string | null) {
  const cookies = new Map<string, string>();
  const request = {
    get cookies() {
      return Object.fromEntries(cookies);
    },
    identity: sessionId ? { sessionId } : null,
  } as unknown as FastifyRequest;
  const reply = {
    setCookie: (name: string, value: string) => {
      cookies.set(name, value);
      return reply;
    },
    clearCookie: (name: string) => {
      cookies.delete(name);
      return reply;
    },
  } as unknown as FastifyReply;
  return { request, reply, cookies };
}

const KEPT = {
  values: { account: '1234567', formats: ['braille', 'large-print'] },
  errors: { account: 'account' },
};

describeOnBothDatabases('form memory: Post/Redirect/Get for every form', (database) => {
  const clock = Object.assign(() => new Date(clock.now), { now: new Date('2026-12-02T15:00:00Z') });
  let memory: FormMemory;
  before(() => {
    const config = testConfig();
    memory = createFormMemory({
      db: database().db,
      cipher: createFieldCipher(config.encryptionKeys),
      sealer: createCookieSealer(config.sessionSecret, { salt: 'test', info: 'form' }, clock),
      clock,
    });
  });

  test('signed in: kept on the server, encrypted, for this session only, until accepted', async () => {
    const alice = browser('session-a');
    await memory.keep(alice.request, alice.reply, 'portal.deposit', KEPT);
    assert.equal(alice.cookies.size, 0, 'nothing in a cookie');
    assert.deepEqual(await memory.recall(alice.request, 'portal.deposit'), KEPT);
    assert.deepEqual(
      await memory.recall(alice.request, 'portal.deposit'),
      KEPT,
      'kept for the language toggle',
    );
    assert.equal(await memory.recall(browser('session-b').request, 'portal.deposit'), undefined);
    assert.equal(await memory.recall(alice.request, 'portal.address'), undefined);
    const rows = await database().db.selectFrom('platform_form_memory').selectAll().execute();
    assert.ok(
      rows.length > 0 && rows.every((row) => !row.payload_ciphertext.includes('1234567')),
      'encrypted',
    );
    await memory.forget(alice.request, alice.reply, 'portal.deposit');
    assert.equal(await memory.recall(alice.request, 'portal.deposit'), undefined);
  });

  test('what was kept expires after 30 minutes and is purged', async () => {
    const alice = browser('session-expiry');
    await memory.keep(alice.request, alice.reply, 'portal.contact', KEPT);
    clock.now = new Date(clock.now.getTime() + 31 * 60_000);
    assert.equal(await memory.recall(alice.request, 'portal.contact'), undefined);
    assert.ok((await purgeExpiredForms(database().db, clock())) >= 1);
    const left = await database()
      .db.selectFrom('platform_form_memory')
      .select('owner')
      .where('owner', '=', 'session-expiry')
      .execute();
    assert.deepEqual(left, []);
  });

  test('not signed in: sealed in the visitor’s own cookie, one form at a time, a forged cookie opens as nothing', async () => {
    const visitor = browser(null);
    await memory.keep(visitor.request, visitor.reply, 'finder.birth-date', KEPT);
    const sealed = visitor.cookies.get(FORM_COOKIE) ?? '';
    assert.ok(sealed.length > 0 && !Buffer.from(sealed, 'base64url').toString('latin1').includes('1234567'));
    assert.deepEqual(await memory.recall(visitor.request, 'finder.birth-date'), KEPT);
    assert.equal(await memory.recall(visitor.request, 'finder.province'), undefined);
    visitor.cookies.set(FORM_COOKIE, `${sealed.slice(0, -4)}AAAA`);
    assert.equal(await memory.recall(visitor.request, 'finder.birth-date'), undefined);
  });
});
