import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { GuichetApp } from '../app.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../population/demo-people.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';
import { personSession, staffSession } from '../../test/support/identity/sessions.ts';
import type { StaffRole } from '../platform/http/request-identity.ts';
import { testConfig } from '../platform/config/config.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import { buildTestApp, CookieJar, requestWithJar } from '../../test/support/app.ts';
import { describeOnBothDatabases } from '../../test/support/databases.ts';

const sam = DEMO_PEOPLE[3];
const record = (lang: 'en' | 'fr') =>
  lang === 'en' ? `/en/staff/clients/${sam.id}/record` : `/fr/personnel/clients/${sam.id}/dossier`;
const ADDRESS = {
  en: `/en/staff/clients/${sam.id}/record/correct/address`,
  fr: `/fr/personnel/clients/${sam.id}/dossier/corriger/adresse`,
};
const CONTACT = `/en/staff/clients/${sam.id}/record/correct/contact`;

describeOnBothDatabases('staff correct a client’s address and contact details, with a reason', (database) => {
  let guichet: GuichetApp;
  const services = () => guichet.services;

  /** A browser for one user: keeps cookies, fetches the form's CSRF token before posting. */
  function browserFor(jar: CookieJar) {
    const request = (method: 'GET' | 'POST', url: string, form?: Record<string, string>) =>
      requestWithJar(guichet, jar, method, url, form);
    const submit = async (url: string, form: Record<string, string>, formUrl = url) => {
      const page = await request('GET', formUrl);
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      return request('POST', url, { _csrf: token, ...form });
    };
    /** Post/Redirect/Get: a refused form sends the browser back to it (303), nothing typed in a cookie. */
    const refused = async (url: string, form: Record<string, string>, formUrl = url) => {
      const response = await submit(url, form, formUrl);
      assert.equal(response.statusCode, 303, 'back to the form');
      const cookies = ([] as string[]).concat((response.headers['set-cookie'] as string[] | undefined) ?? []);
      assert.ok(
        !cookies.some((c) => c.startsWith('__Host-guichet-form=')),
        'kept on the server, not in a cookie',
      );
      return request('GET', String(response.headers.location));
    };
    return { request, submit, refused };
  }
  async function signedIn(token: string) {
    const jar = new CookieJar();
    jar.store({ headers: { 'set-cookie': `${SESSION_COOKIE}=${token}; Path=/` } });
    return browserFor(jar);
  }
  async function staff(roles: readonly StaffRole[]) {
    const browser = await signedIn(await staffSession(guichet, database(), roles));
    const purpose = `/en/staff/clients/${sam.id}/purpose`;
    const stated = await browser.submit(purpose, { purpose: 'phone-call', consent: 'yes' });
    assert.equal(stated.statusCode, 303);
    return browser;
  }

  before(async () => {
    guichet = await buildTestApp(database());
    const crypto = createFieldCrypto(testConfig());
    await ensureDemoPeople(database().db, crypto);
    await crypto.close();
    await services().exchange.service.seedAgreements();
  });
  after(async () => {
    await guichet.app.close();
  });

  const address = {
    kind: 'mailing',
    line1: '10 Main St',
    line2: '',
    city: 'Calgary',
    provinceCode: 'AB',
    postalCode: 'K1A 0B1',
    effectiveFrom: '2026-03-01',
    reason: 'Client called: the postal code was typed wrong',
  };

  it('a postal code from another province is refused inline, bilingually, with the typed values kept', async () => {
    const agent = await staff(['agent']);
    for (const [lang, message] of [
      ['en', 'This postal code is not in the province or territory you chose'],
      ['fr', 'Ce code postal ne se trouve pas dans la province ou le territoire choisi'],
    ] as const) {
      const page = await agent.refused(ADDRESS[lang], address);
      assert.match(page.body, /<title>(Error|Erreur)/);
      assert.ok(page.body.includes(message), message);
      assert.match(page.body, /<a href="#postalCode">/);
      assert.match(page.body, /value="K1A 0B1"/);
      assert.match(page.body, /value="10 Main St"/);
      assert.match(page.body, /value="Client called: the postal code was typed wrong"/);
      assert.match(page.body, /<option value="mailing" selected>/);
    }
    const missingReason = await agent.refused(ADDRESS.en, { ...address, postalCode: 'T2P 1J9', reason: '' });
    assert.match(missingReason.body, /Give the reason for the correction/);
    const longReason = `Client called: ${'the postal code was typed wrong; '.repeat(16)}`;
    const tooLong = await agent.refused(ADDRESS.en, {
      ...address,
      postalCode: 'T2P 1J9',
      reason: longReason,
    });
    assert.match(tooLong.body, /<a href="#reason">Use 500 characters or fewer/);
    assert.ok(tooLong.body.includes(longReason.trim()), 'the long reason comes back to be shortened');
    assert.equal((await services().person.record.listChanges(sam.id)).length, 0, 'nothing recorded');
  });

  it('a corrected address is a new version with the reason and channel, audited and sent on', async () => {
    const agent = await staff(['agent']);
    const response = await agent.submit(ADDRESS.en, { ...address, postalCode: 't2p 1j9' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, record('en'));
    const page = await agent.request('GET', record('en'));
    assert.match(page.body, /The correction is recorded with its reason/);
    assert.match(page.body, /correction: Client called: the postal code was typed wrong/);
    const [change] = await services().person.record.listChanges(sam.id);
    assert.equal(change?.element, 'address');
    assert.equal(change?.kind, 'correction');
    assert.equal(change?.reason, 'Client called: the postal code was typed wrong');
    assert.equal(change?.channel, 'phone');
    assert.equal(change?.actor_type, 'staff');
    const audit = await database()
      .db.selectFrom('audit_event')
      .select(['actor_type', 'channel', 'details'])
      .where('subject_person_id', '=', sam.id)
      .where('action', '=', 'registry.address.correction')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.actor_type, 'staff');
    assert.equal((audit[0]?.details as { changeId?: string }).changeId, change?.id);
    const deliveries = await database()
      .db.selectFrom('outbox_delivery')
      .select('recipient_agency_id')
      .where('change_id', '=', change?.id ?? '')
      .execute();
    assert.ok(
      deliveries.some((d) => d.recipient_agency_id === 'cra'),
      'told like a change the person made',
    );
    const profile = await services().person.record.getProfile(sam.id, {
      actor: { type: 'system' },
      channel: 'system',
      purpose: 'test',
      correlationId: 'test',
    });
    assert.ok(profile.addresses.some((a) => a.postalCode === 'T2P 1J9' && a.kind === 'mailing'));
    // The mailing address staff added shows where addresses show (issue #14).
    if (profile.mailingAddress) {
      const shown = await agent.request('GET', record('en'));
      assert.match(shown.body, /Mailing address<\/dt><dd>[^<]*T2P 1J9/);
    }
  });

  it('contact details are corrected the same way: bad phone inline, then versioned', async () => {
    const agent = await staff(['agent']);
    const contact = {
      email: 'sam@example.ca',
      phone: '555-1234',
      preferredLanguage: 'fr',
      preferredChannel: 'mail',
      accessibilityNeeds: 'Please call after 10 a.m.; '.repeat(16).trim(),
      alternateFormats: 'large-print',
      reason: 'Client confirmed by phone',
    };
    const page = await agent.refused(CONTACT, contact);
    assert.match(page.body, /Enter a 10-digit Canadian phone number/);
    assert.ok(page.body.includes(contact.accessibilityNeeds), 'over 400 characters typed are kept');
    assert.match(page.body, /value="555-1234"/);
    assert.match(page.body, /value="sam@example.ca"/);
    assert.match(page.body, /value="large-print" checked/);
    const saved = await agent.submit(CONTACT, { ...contact, phone: '613 555 0199', accessibilityNeeds: '' });
    assert.equal(saved.headers.location, record('en'));
    const [change] = await services().person.record.listChanges(sam.id);
    assert.equal(change?.element, 'contact');
    assert.equal(change?.kind, 'correction');
    assert.equal(change?.reason, 'Client confirmed by phone');
    const form = await agent.request('GET', CONTACT);
    assert.match(form.body, /value="613-555-0199"/);
    assert.match(form.body, /<option value="mail" selected>/);
  });

  it('a status corrected on the record page: errors come back with a long reason kept, then versioned', async () => {
    const agent = await staff(['agent']);
    const correct = `/en/staff/clients/${sam.id}/record/correct`;
    const reason = `Client sent the separation agreement; ${'it was signed on 1 March and received by mail. '.repeat(12)}`;
    const refused = await agent.submit(
      correct,
      { element: 'marital-status', value: 'engaged', reason },
      record('en'),
    );
    assert.equal(refused.statusCode, 303);
    assert.equal(refused.headers.location, `${record('en')}#element`);
    const cookies = String(refused.headers['set-cookie'] ?? '');
    assert.ok(!cookies.includes('__Host-guichet-form='), 'the refused values are kept on the server');
    assert.ok(!cookies.includes('separation') && !cookies.includes('engaged'), 'nothing typed in a cookie');
    const kept = await database()
      .db.selectFrom('platform_form_memory')
      .select('payload_ciphertext')
      .execute();
    assert.ok(
      kept.length > 0 && kept.every((row) => !row.payload_ciphertext.includes('separation')),
      'encrypted',
    );
    const page = await agent.request('GET', record('en'));
    assert.match(page.body, /<a href="#value">Choose a marital status from the list/);
    assert.match(page.body, /<a href="#reason">Use 500 characters or fewer/);
    assert.ok(reason.trim().length > 500 && page.body.includes(reason.trim()), 'the long reason is kept');
    // Coded values are chosen from translated labels, never typed (issue #14).
    assert.match(page.body, /<option value="separated">Separated<\/option>/);
    assert.doesNotMatch(page.body, /value="engaged"/);
    const saved = await agent.submit(
      correct,
      { element: 'marital-status', value: 'separated', reason: 'Client sent the separation agreement' },
      record('en'),
    );
    assert.equal(saved.headers.location, record('en'));
    const [change] = await services().person.record.listChanges(sam.id);
    assert.equal(change?.element, 'marital-status');
    assert.equal(change?.kind, 'correction');
    assert.equal(change?.reason, 'Client sent the separation agreement');
  });

  it('without the act-on-behalf permission, or as a person, no one can correct', async () => {
    const adjudicator = await staff(['adjudicator']);
    const view = await adjudicator.request('GET', record('en'));
    assert.equal(view.statusCode, 200);
    assert.doesNotMatch(view.body, /correct\/address/);
    const before = (await services().person.record.listChanges(sam.id)).length;
    for (const url of [ADDRESS.en, CONTACT]) {
      assert.equal((await adjudicator.request('GET', url)).statusCode, 403);
      const posted = await adjudicator.submit(url, { ...address, postalCode: 'T2P 1J9' }, record('en'));
      assert.equal(posted.statusCode, 403);
    }
    const person = await signedIn(await personSession(guichet, database(), sam.id));
    const posted = await person.submit(ADDRESS.en, address, '/en/my-guichet/profile');
    assert.equal(posted.statusCode, 403);
    assert.equal((await services().person.record.listChanges(sam.id)).length, before);
  });
});
