import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  guichetRequest,
  signIn,
  startIdentityHarness,
} from '../../test/support/identity/identity-harness.ts';
import type { IdentityHarness } from '../../test/support/identity/identity-harness.ts';
import { CookieJar } from '../../test/support/app.ts';

const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

describe('help: contact lines, offices by postal code, requests that land in the staff queue', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await startIdentityHarness();
  });
  after(() => h.close());

  it('the home page’s “Get help” card opens the help page, and the header offers “Sign in”', async () => {
    const jar = new CookieJar();
    const home = await guichetRequest(h, jar, 'GET', '/fr');
    assert.match(home.body, /href="\/fr\/aide"/);
    assert.match(home.body, /href="\/fr\/connexion">Se connecter</);
    const help = await guichetRequest(h, jar, 'GET', '/en/help');
    assert.equal(help.statusCode, 200);
    assert.match(help.body, /<h1>Get help<\/h1>/);
    assert.match(help.body, /href="\/en\/help\/contact\/oas"/);
  });

  it('a programme’s contact page gives phone, TTY, hours and when to call, in both languages', async () => {
    const jar = new CookieJar();
    const en = await guichetRequest(h, jar, 'GET', '/en/help/contact/oas');
    assert.match(en.body, /href="tel:18002779914"/);
    assert.match(en.body, /TTY/);
    assert.match(en.body, /Monday to Friday/);
    const fr = await guichetRequest(h, jar, 'GET', '/fr/aide/nous-joindre/oas');
    assert.match(fr.body, /href="tel:18002779915"/);
    assert.match(fr.body, /ATS/);
    const unofficial = await guichetRequest(h, jar, 'GET', '/en/help/contact/on-ontario-works');
    assert.match(unofficial.body, /We could not check this number/);
    assert.equal((await guichetRequest(h, jar, 'GET', '/en/help/contact/nope')).statusCode, 404);
  });

  it('finds offices by postal code without script: only the first three characters reach a URL', async () => {
    const jar = new CookieJar();
    const page = await guichetRequest(h, jar, 'GET', '/fr/aide/bureaux');
    const bad = await guichetRequest(h, jar, 'POST', '/fr/aide/bureaux', {
      _csrf: csrfOf(page.body),
      postalCode: 'ZZZ',
    });
    assert.equal(bad.statusCode, 303);
    const refused = await guichetRequest(h, jar, 'GET', String(bad.headers.location));
    assert.match(refused.body, /<title>Erreur/);
    assert.match(refused.body, /Entrez un code postal canadien/);
    const found = await guichetRequest(h, jar, 'POST', '/fr/aide/bureaux', {
      _csrf: csrfOf(refused.body),
      postalCode: 'h3a 1a1',
    });
    assert.equal(found.headers.location, '/fr/aide/bureaux/pres-de/h3a');
    const results = await guichetRequest(h, jar, 'GET', '/fr/aide/bureaux/pres-de/h3a');
    assert.match(results.body, /Centre Service Canada – Montréal \(Guy-Favreau\)/);
    assert.match(results.body, /Entrée sans marches/);
    assert.match(results.body, /n’a pas été vérifiée/);
    assert.equal((await guichetRequest(h, jar, 'GET', '/en/help/offices/near/123')).statusCode, 404);
  });

  it('a call-back request comes back with its errors, then gives a reference; an agent sees it and closes it', async () => {
    const jar = new CookieJar();
    const form = await guichetRequest(h, jar, 'GET', '/en/help/call-back?programme=oas');
    assert.match(form.body, /<option value="oas" selected>/);
    const refused = await guichetRequest(h, jar, 'POST', '/en/help/call-back', {
      _csrf: csrfOf(form.body),
      name: 'Marie Tremblay',
      phone: '555',
    });
    const back = await guichetRequest(h, jar, 'GET', String(refused.headers.location));
    assert.match(back.body, /class="error-summary"[^>]*autofocus/);
    assert.match(back.body, /Enter a telephone number with 10 digits/);
    assert.match(back.body, /Choose a time of day/);
    assert.match(back.body, /value="Marie Tremblay"/);
    const sent = await guichetRequest(h, jar, 'POST', '/en/help/call-back', {
      _csrf: csrfOf(back.body),
      programmeId: 'oas',
      name: 'Marie Tremblay',
      phone: '613-555-0199',
      lang: 'fr',
      timeOfDay: 'morning',
      accommodations: 'relay',
      about: 'My first payment',
    });
    const confirmation = String(sent.headers.location);
    assert.match(confirmation, /^\/en\/help\/requested\/HR-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const reference = confirmation.split('/').pop() ?? '';
    const done = await guichetRequest(h, jar, 'GET', confirmation);
    assert.match(done.body, new RegExp(reference));
    const raw = await h.database.db.selectFrom('help_request').select('request_cipher').execute();
    assert.ok(raw.every((row) => !row.request_cipher.includes('Tremblay')));

    const { jar: agent } = await signIn(h, 'staff', 'agent');
    const home = await guichetRequest(h, agent, 'GET', '/fr/personnel');
    assert.match(home.body, /href="\/fr\/personnel\/demandes-aide"/);
    const queue = await guichetRequest(h, agent, 'GET', '/fr/personnel/demandes-aide');
    assert.match(queue.body, new RegExp(reference));
    assert.match(queue.body, /Marie Tremblay/);
    assert.match(queue.body, /Un appel par service de relais ou ATS/);
    assert.match(queue.body, /En français/);
    const audit = await h.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'like', 'help.%')
      .execute();
    assert.ok(audit.some((row) => row.action === 'help.callback.requested'));
    assert.ok(audit.some((row) => row.action === 'help.request.read'));
    const id =
      /action="\/fr\/personnel\/demandes-aide\/([0-9a-f-]{36})\/traitee"/.exec(queue.body)?.[1] ?? '';
    const close = await guichetRequest(h, agent, 'POST', `/fr/personnel/demandes-aide/${id}/traitee`, {
      _csrf: csrfOf(queue.body),
    });
    assert.equal(close.statusCode, 303);
    const after_ = await guichetRequest(h, agent, 'GET', '/fr/personnel/demandes-aide');
    assert.match(after_.body, /La demande est marquée comme traitée/);
    assert.doesNotMatch(after_.body, new RegExp(reference));
  });

  it('an appointment names an office and days; staff without the permission cannot see the queue', async () => {
    const jar = new CookieJar();
    const form = await guichetRequest(h, jar, 'GET', '/fr/aide/rendez-vous?office=sc-ottawa');
    assert.match(form.body, /<option value="sc-ottawa" selected>/);
    const sent = await guichetRequest(h, jar, 'POST', '/fr/aide/rendez-vous', {
      _csrf: csrfOf(form.body),
      officeId: 'sc-ottawa',
      name: 'Jean Roy',
      phone: '1 (613) 555-0100',
      lang: 'fr',
      timeOfDay: 'any',
      days: 'tue',
    });
    assert.match(String(sent.headers.location), /^\/fr\/aide\/demande-recue\/HR-/);
    assert.equal((await guichetRequest(h, jar, 'GET', '/en/staff/help-requests')).statusCode, 303);
    const { jar: analyst } = await signIn(h, 'staff', 'analyst');
    assert.equal((await guichetRequest(h, analyst, 'GET', '/en/staff/help-requests')).statusCode, 403);
  });
});
