import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCookieSealer } from './sealed-cookie.ts';

const SECRET = 'a-test-session-secret-of-enough-length-0123456789';
const USE = { salt: 'guichet-test', info: 'test-v1' };

describe('sealed cookies', () => {
  let now = Date.UTC(2026, 10, 22, 12);
  const clock = () => new Date(now);
  const sealer = createCookieSealer(SECRET, USE, clock);
  const value = { birthDate: '1980-05-06', name: 'Zoé Tremblay' };

  it('opens what it sealed, while the cookie shows none of it', () => {
    const cookie = sealer.seal(value, 60_000);
    assert.deepEqual(sealer.open(cookie), value);
    const bytes = Buffer.from(cookie, 'base64url').toString('latin1');
    assert.ok(!bytes.includes('1980-05-06') && !bytes.includes('Tremblay'));
    assert.notEqual(sealer.seal(value, 60_000), cookie, 'a fresh IV each time');
  });

  it('opens nothing from a cookie altered, forged, sealed for another use or under another secret', () => {
    const cookie = sealer.seal(value, 60_000);
    const raw = Buffer.from(cookie, 'base64url');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    assert.equal(sealer.open(raw.toString('base64url')), undefined);
    const forged = Buffer.from(JSON.stringify({ value, expires: now + 60_000 })).toString('base64url');
    assert.equal(sealer.open(forged), undefined);
    assert.equal(createCookieSealer(SECRET, { ...USE, info: 'other-v1' }, clock).open(cookie), undefined);
    assert.equal(createCookieSealer(`${SECRET}!`, USE, clock).open(cookie), undefined);
    for (const garbage of [undefined, '', 'not-base64!', 'AAAA'])
      assert.equal(sealer.open(garbage), undefined);
  });

  it('opens nothing once its lifetime is over', () => {
    const cookie = sealer.seal(value, 60_000);
    now += 59_999;
    assert.deepEqual(sealer.open(cookie), value);
    now += 1;
    assert.equal(sealer.open(cookie), undefined);
  });
});
