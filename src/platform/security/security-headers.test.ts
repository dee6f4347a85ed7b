import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, nextNonce } from './security-headers.ts';

describe('CSP nonces drawn from a pool', () => {
  it('gives 128 random bits each, never the same twice, across refills of the pool', () => {
    const nonces = Array.from({ length: 1000 }, () => nextNonce());
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
    assert.equal(new Set(nonces).size, nonces.length);
  });

  it('puts the nonce in script-src only', () => {
    const nonce = nextNonce();
    const policy = contentSecurityPolicy(nonce);
    assert.match(policy, new RegExp(`script-src 'self' 'nonce-${nonce.replace(/[+/]/g, '\\$&')}'`));
    assert.equal(policy.split(nonce).length, 2);
  });
});
