import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertNoticeCarriesNoPersonalInformation,
  checkNotice,
  findPersonalInformation,
  PersonalInformationInNoticeError,
} from './notice-guard.ts';

const policy = { linkOrigin: 'https://guichet.example.ca' };
const REFERENCE = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const notice = (personalisation: Record<string, unknown>, reference = REFERENCE) => ({
  personalisation,
  reference,
});

describe('notice guard', () => {
  it('lets through a link to Guichet and a notice-id reference', () => {
    assert.deepEqual(
      checkNotice(notice({ link: 'https://guichet.example.ca/fr/mon-guichet/boite' }), policy),
      [],
    );
    assert.deepEqual(checkNotice(notice({}), policy), []);
  });

  it('refuses any other personalisation key, whatever its value', () => {
    for (const key of ['name', 'first_name', 'amount', 'subject', 'LINK', '__proto__', 'constructor']) {
      const problems = checkNotice(notice({ [key]: 'x' }), policy);
      assert.equal(problems.length, 1, key);
      assert.match(problems[0] ?? '', /is not allowed/);
    }
  });

  it('refuses links elsewhere, with credentials, a query string or a fragment', () => {
    for (const link of [
      'https://evil.example/en/inbox',
      'http://guichet.example.ca/en/inbox',
      'https://user:pw@guichet.example.ca/en/inbox',
      'https://guichet.example.ca/en/inbox?doc=1',
      'https://guichet.example.ca/en/inbox#letter',
      'not a url',
    ]) {
      assert.ok(checkNotice(notice({ link }), policy).length > 0, link);
    }
    assert.match(checkNotice(notice({ link: 42 }), policy)[0] ?? '', /must be text/);
  });

  it('refuses links whose path carries a SIN, an amount, a date, an email or a phone number', () => {
    for (const path of [
      '/en/inbox/046454286',
      '/en/inbox/046-454-286',
      '/en/pay/$642.50',
      '/en/born/1980-05-06',
      '/en/inbox/alex%40mail.example',
      '/en/call/613-555-0199',
    ]) {
      const problems = checkNotice(notice({ link: `https://guichet.example.ca${path}` }), policy);
      assert.ok(
        problems.some((problem) => problem.startsWith('personalisation "link" looks like it holds')),
        path,
      );
    }
  });

  it('refuses a reference that is not a notice id', () => {
    for (const reference of ['046454286', 'alex.sample@mail.example', 'CCB decision for Alex', '']) {
      assert.deepEqual(checkNotice(notice({}, reference), policy), [
        'the reference must be the notice id (a UUID)',
      ]);
    }
  });

  it('throws naming keys and rules, never the values', () => {
    const secret = '046 454 286';
    assert.throws(
      () =>
        assertNoticeCarriesNoPersonalInformation(
          notice({ sin: secret, link: `https://guichet.example.ca/${secret}` }),
          policy,
        ),
      (error: unknown) => {
        assert.ok(error instanceof PersonalInformationInNoticeError);
        assert.equal(error.problems.length, 2);
        assert.ok(!error.message.includes(secret) && !error.message.includes('454'));
        return true;
      },
    );
  });
});

describe('recognising personal information in text', () => {
  const cases: [string, string[]][] = [
    ['Your SIN 046 454 286 is on file', ['a SIN-like number']],
    ['You will receive $1,234.56', ['an amount of money']],
    ['Vous recevrez 642,50 $', ['an amount of money']],
    ['Born 1980-05-06', ['a date']],
    ['né le 6 mai 1980', ['a date']],
    ['due May 6', ['a date']],
    ['write to alex.sample@mail.example', ['an email address']],
    ['call +1 613 555 0199', ['a phone number']],
    ['You have a new document in My Guichet.', []],
    ['https://guichet.example.ca/en/my-guichet/inbox', []],
  ];
  for (const [text, expected] of cases) {
    it(`${expected.join(', ') || 'nothing'} in "${text}"`, () =>
      assert.deepEqual(findPersonalInformation(text), expected));
  }
});
