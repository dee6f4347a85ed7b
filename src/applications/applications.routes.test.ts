import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { GuichetApp } from '../app.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';
import { ensureDemoPeople } from '../population/demo-people.ts';
import { DEMO_PEOPLE } from '../population/demo-people.ts';
import { buildTestApp, CookieJar, requestWithJar } from '../../test/support/app.ts';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { personSession, staffSession } from '../../test/support/identity/sessions.ts';

const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
const JORDAN = DEMO_PEOPLE[1];
const SAM = DEMO_PEOPLE[3];

async function jarFor(token: string): Promise<CookieJar> {
  const jar = new CookieJar();
  jar.set(SESSION_COOKIE, token);
  return jar;
}

describeOnBothDatabases('applying for the Canada Child Benefit online', (database) => {
  let guichet: GuichetApp;
  let jordan: CookieJar;
  let appPath = '';
  const go = (jar: CookieJar, method: 'GET' | 'POST', url: string, form?: Record<string, string>) =>
    requestWithJar(guichet, jar, method, url, form);

  before(async () => {
    guichet = await buildTestApp(database());
    await ensureDemoPeople(database().db, guichet.services.crypto);
    jordan = await jarFor(await personSession(guichet, database(), JORDAN.id));
  });
  after(() => guichet.app.close());

  it('My Guichet links to My applications, which lists what one can apply for', async () => {
    const home = await go(jordan, 'GET', '/en/my-guichet');
    assert.match(home.body, /href="\/en\/my-guichet\/applications"/);
    const mine = await go(jordan, 'GET', '/en/my-guichet/applications');
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /You have no application yet/);
    assert.match(mine.body, /href="\/en\/my-guichet\/apply\/ccb"/);
    // Jordan lives in Alberta: federal programmes and Alberta's, not other provinces'.
    assert.match(mine.body, /href="\/en\/my-guichet\/apply\/ab-income-support"/);
    assert.doesNotMatch(mine.body, /apply\/on-ontario-works|apply\/on-odsp|apply\/bc-income-assistance/);
  });

  it('starting twice opens the same draft, confirming the record first', async () => {
    const start = await go(jordan, 'GET', '/en/my-guichet/apply/ccb');
    assert.match(start.body, /An automated system checks applications/);
    const first = await go(jordan, 'POST', '/en/my-guichet/apply/ccb', { _csrf: csrfOf(start.body) });
    const second = await go(jordan, 'POST', '/en/my-guichet/apply/ccb', { _csrf: csrfOf(start.body) });
    appPath = String(first.headers.location);
    assert.match(appPath, /^\/en\/my-guichet\/applications\/[0-9a-f-]{36}$/);
    assert.equal(second.headers.location, appPath);
    const tasks = await go(jordan, 'GET', appPath);
    assert.match(tasks.body, /Check what we already know about you/);
    assert.match(tasks.body, /We keep your answers until/);
  });

  it('asks only what the record lacks, one question a page, and keeps a refused answer', async () => {
    const confirm = await go(jordan, 'GET', `${appPath}/confirm-details`);
    assert.match(confirm.body, /Alberta/);
    const confirmed = await go(jordan, 'POST', `${appPath}/confirm-details`, {
      _csrf: csrfOf(confirm.body),
      confirmed: 'yes',
    });
    let next = String(confirmed.headers.location);
    assert.match(next, /\/questions\/childCount$/);
    const page = await go(jordan, 'GET', next);
    assert.doesNotMatch(page.body, /province or territory/);
    const refused = await go(jordan, 'POST', next, { _csrf: csrfOf(page.body), answer: 'two' });
    const back = await go(jordan, 'GET', String(refused.headers.location));
    assert.match(back.body, /<title>Error: /);
    assert.match(back.body, /Enter a whole number/);
    assert.match(back.body, /value="two"/);
    const answers: Record<string, Record<string, string>> = {
      childCount: { answer: '1' },
      'childBirthDate.1': { 'answer-day': '5', 'answer-month': '6', 'answer-year': '2021' },
      'childCare.1': { answer: 'full' },
      'childDisability.1': { answer: 'no' },
      employmentIncome: { answer: '42,000' },
      otherIncome: { answer: '0' },
    };
    for (const [key, answer] of Object.entries(answers)) {
      assert.match(next, new RegExp(`/questions/${key.replace('.', '\\.')}$`));
      const form = await go(jordan, 'GET', next);
      const done = await go(jordan, 'POST', next, { _csrf: csrfOf(form.body), ...answer });
      next = String(done.headers.location);
    }
    assert.match(next, /\/check-answers$/);
  });

  it('the check page needs the declaration; the submission gives a reference and happens once', async () => {
    const check = await go(jordan, 'GET', `${appPath}/check-answers`);
    assert.match(check.body, /\$42,000\.00/);
    assert.match(check.body, /June 5, 2021|2021-06-05/);
    const refused = await go(jordan, 'POST', `${appPath}/check-answers`, { _csrf: csrfOf(check.body) });
    assert.match(String(refused.headers.location), /check-answers$/);
    const [one, two] = await Promise.all([
      go(jordan, 'POST', `${appPath}/check-answers`, { _csrf: csrfOf(check.body), declaration: 'yes' }),
      go(jordan, 'POST', `${appPath}/check-answers`, { _csrf: csrfOf(check.body), declaration: 'yes' }),
    ]);
    assert.match(String(one.headers.location), /confirmation$/);
    assert.match(String(two.headers.location), /confirmation$/);
    const done = await go(jordan, 'GET', `${appPath}/confirmation`);
    assert.match(done.body, /Application received/);
    assert.match(done.body, /[34679ACEFHKMRWXY]{3}-[34679ACEFHKMRWXY]{3}-[34679ACEFHKMRWXY]{3}/);
    assert.match(done.body, /within 8 weeks/);
    const rows = await database()
      .db.selectFrom('application')
      .selectAll()
      .where('person_id', '=', JORDAN.id)
      .execute();
    assert.equal(rows.length, 1);
    // Submitted once, handed to decisions once: one case, and the application has left the draft state
    // (decided at once where the rules may decide alone, else waiting in the workqueue).
    assert.notEqual(rows[0]?.status, 'draft');
    const cases = await database()
      .db.selectFrom('decision_case')
      .select('id')
      .where('application_id', '=', rows[0]?.id ?? '')
      .execute();
    assert.equal(cases.length, 1);
    assert.ok(!rows[0]?.answers_cipher.includes('42000'));
    const audit = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'application.submitted')
      .execute();
    assert.equal(audit.length, 1);
  });

  it('someone else cannot open the application (404, audited as denied)', async () => {
    const sam = await jarFor(await personSession(guichet, database(), SAM.id));
    const theirs = await go(sam, 'GET', `${appPath}/confirmation`);
    assert.equal(theirs.statusCode, 404);
    const denied = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'application.read')
      .where('outcome', '=', 'denied')
      .execute();
    assert.ok(denied.length >= 1);
  });

  it('in French too, the same pages', async () => {
    const fr = await go(jordan, 'GET', '/fr/mon-guichet/demandes');
    assert.match(fr.body, /Mes demandes/);
    // Received, then decided at once where the rules may decide alone: either way its state is in French.
    assert.match(fr.body, /Reçue|Approuvée|À l’étude/);
    const staff = await jarFor(await staffSession(guichet, database(), ['agent']));
    const find = await go(staff, 'GET', '/fr/personnel');
    assert.equal(find.statusCode, 200);
  });
});
