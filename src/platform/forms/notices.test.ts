import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { testConfig } from '../config/config.ts';
import { createCookieSealer } from '../security/sealed-cookie.ts';
import { createNoticeFlash, defineNotices } from './notices.ts';

/** A browser as the flash sees it: the cookie jar, and the address of the page it asks for. */
function browser() {
  const cookies = new Map<string, string>();
  const reply = {
    setCookie: (name: string, value: string) => void cookies.set(name, value),
    clearCookie: (name: string) => void cookies.delete(name),
  } as unknown as FastifyReply;
  const visit = (url: string) => ({ url, cookies: Object.fromEntries(cookies) }) as unknown as FastifyRequest;
  return { reply, visit };
}

const notices = defineNotices('exchange.notices', ['consentGiven']);
const flash = () =>
  createNoticeFlash(
    createCookieSealer(testConfig().sessionSecret, { salt: 's', info: 'i' }, () => new Date()),
  );

test('a notice is shown on the page it was sent to, once', () => {
  const { reply, visit } = browser();
  const carrier = flash();
  carrier.set(reply, notices.consentGiven, '/en/my-guichet/consents');
  assert.equal(carrier.take(visit('/en/my-guichet/consents?x=1'), reply), 'exchange.notices.consentGiven');
  assert.equal(carrier.take(visit('/en/my-guichet/consents'), reply), undefined);
});

test('a notice never lands on another page (a sign-in in between, another tab): it is dropped', () => {
  const { reply, visit } = browser();
  const carrier = flash();
  carrier.set(reply, notices.consentGiven, '/en/my-guichet/consents');
  assert.equal(carrier.take(visit('/en/sign-in'), reply), undefined);
  assert.equal(carrier.take(visit('/en/my-guichet/consents'), reply), undefined);
});
