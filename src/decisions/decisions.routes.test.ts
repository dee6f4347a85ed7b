import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PEOPLE } from '../population/demo-people.ts';
import {
  guichetRequest,
  signIn,
  startIdentityHarness,
} from '../../test/support/identity/identity-harness.ts';
import type { CookieJar, IdentityHarness } from '../../test/support/identity/identity-harness.ts';
import { ccbHousehold, recordSubmitted, submittedApplication } from '../../test/support/applications.ts';
import { personSession } from '../../test/support/identity/sessions.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';

const jordan = DEMO_PEOPLE[1];

describe('decision pages: My benefits, the decision explained, the workqueue and outcomes', () => {
  let h: IdentityHarness;
  let jar: CookieJar;
  let caseId = '';
  before(async () => {
    h = await startIdentityHarness();
    const { handler, workqueue } = h.guichet.services.decisions;
    const db = h.database.db;
    const at = { submittedAt: new Date() };
    await handler.submitted(
      await recordSubmitted(
        db,
        submittedApplication(jordan.id, 'ccb', ccbHousehold(jordan.id, 4_000_000), at),
      ),
      db,
    );
    await handler.submitted(
      await recordSubmitted(
        db,
        submittedApplication(jordan.id, 'ccb', ccbHousehold(jordan.id, 90_000_000), at),
      ),
      db,
    );
    caseId = (await workqueue.queue(null))[0]?.id ?? '';
    ({ jar } = await signIn(h, 'alberta', 'jordan.lee'));
  });
  after(() => h.close());

  it('My Guichet links to My benefits, which shows the amount and the decision explained, in both languages', async () => {
    const home = await guichetRequest(h, jar, 'GET', '/en/my-guichet');
    assert.match(home.body, /href="\/en\/my-guichet\/benefits">My benefits/);
    const page = await guichetRequest(h, jar, 'GET', '/en/my-guichet/benefits');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /a month/);
    assert.match(page.body, /Applications being reviewed/);
    const link = /href="(\/en\/my-guichet\/benefits\/decisions\/[0-9a-f-]+)"/.exec(page.body)?.[1] ?? '';
    const decision = await guichetRequest(h, jar, 'GET', link);
    assert.equal(decision.statusCode, 200);
    assert.match(decision.body, /<h1>Decision on your application for [^<]+<\/h1>/);
    assert.match(decision.body, /is approved/);
    assert.match(decision.body, /automated system/);
    assert.match(decision.body, /within 90 days/);
    // Parameters in cents read as money; the CCB maximum for a child under 6 is a dollar amount, not 815,700.
    // In plain words: the parameter by its description, the step by its name, never a file name or rule id.
    assert.match(
      decision.body,
      /Maximum annual Canada child benefit for each child under 6, in force since [^:]+: \$[\d,]+\.\d{2}</,
    );
    assert.match(decision.body, /Most you could get for your children in a year: \$[\d,]+\.\d{2}</);
    assert.doesNotMatch(decision.body, /max-under-6\.yaml|ccb\.maximum/);
    assert.match(decision.body, /hreflang="en" lang="en">Income Tax Act, ss\. 122\.6–122\.63<\/a>/);
    const fr = await guichetRequest(
      h,
      jar,
      'GET',
      link.replace('/en/my-guichet/benefits', '/fr/mon-guichet/prestations'),
    );
    assert.match(fr.body, /<h1>Décision sur votre demande d’Allocation canadienne pour enfants<\/h1>/);
    assert.match(fr.body, /est approuvée/);
    assert.match(fr.body, /dans les 90 jours/);
    assert.match(
      fr.body,
      /Prestation annuelle maximale par enfant de moins de 6 ans, en vigueur depuis le [^<:]+: [\d\u202f\u00a0]+,\d{2}\u00a0\$</,
    );
    // « d’Allocation », the law's French title and page, and a CRA page only linked in English says so.
    assert.match(fr.body, /Votre demande d’Allocation canadienne pour enfants est approuvée/);
    assert.match(
      fr.body,
      /href="https:\/\/laws-lois\.justice\.gc\.ca\/fra\/lois\/I-3\.3\/section-122\.61\.html" hreflang="fr" lang="fr">Loi de l’impôt sur le revenu, art\. 122\.6 à 122\.63<\/a>/,
    );
    assert.match(
      fr.body,
      /lang="fr">ARC, Allocation canadienne pour enfants\u00a0: combien vous pourriez recevoir<\/a> \(en anglais\)/,
    );
    assert.doesNotMatch(fr.body, /Income Tax Act/);
  });

  it('another person never sees the decision', async () => {
    const page = await guichetRequest(h, jar, 'GET', '/en/my-guichet/benefits');
    const link = /href="(\/en\/my-guichet\/benefits\/decisions\/[0-9a-f-]+)"/.exec(page.body)?.[1] ?? '';
    const token = await personSession(h.guichet, h.database, DEMO_PEOPLE[0].id);
    const refused = await h.guichet.app.inject({
      method: 'GET',
      url: link,
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    assert.equal(refused.statusCode, 404);
    const theirs = await h.guichet.app.inject({
      method: 'GET',
      url: '/en/my-guichet/benefits',
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    assert.doesNotMatch(theirs.body, /benefits\/decisions\//);
  });

  it('the adjudicator finds the queue from the staff home and takes the case; the analyst sees outcomes', async () => {
    const { jar: staff } = await signIn(h, 'staff', 'adjudicator');
    const home = await guichetRequest(h, staff, 'GET', '/en/staff');
    assert.match(home.body, /href="\/en\/staff\/cases">Decide applications/);
    const queue = await guichetRequest(h, staff, 'GET', '/en/staff/cases');
    assert.match(queue.body, new RegExp(`/en/staff/cases/${caseId}`));
    const page = await guichetRequest(h, staff, 'GET', `/en/staff/cases/${caseId}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const taken = await guichetRequest(h, staff, 'POST', `/en/staff/cases/${caseId}/take`, { _csrf: csrf });
    assert.equal(taken.statusCode, 303);
    const mine = await guichetRequest(h, staff, 'GET', `/en/staff/cases/${caseId}`);
    assert.match(mine.body, /Record the decision/);
    const { jar: analyst } = await signIn(h, 'staff', 'analyst');
    const outcomes = await guichetRequest(h, analyst, 'GET', '/fr/personnel/resultats');
    assert.equal(outcomes.statusCode, 200);
    assert.match(outcomes.body, /Par programme/);
  });

  it('the staff client file shows the client’s benefits and decisions', async () => {
    const { jar: agent } = await signIn(h, 'staff', 'agent');
    const form = await guichetRequest(h, agent, 'GET', `/en/staff/clients/${jordan.id}/purpose`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    await guichetRequest(h, agent, 'POST', `/en/staff/clients/${jordan.id}/purpose`, {
      _csrf: csrf,
      purpose: 'phone-call',
      consent: 'yes',
    });
    const file = await guichetRequest(h, agent, 'GET', `/en/staff/clients/${jordan.id}`);
    assert.equal(file.statusCode, 200);
    assert.match(file.body, /<h2>Benefits and decisions<\/h2>/);
    assert.match(file.body, /Canada child benefit/i);
    assert.match(file.body, /a month/);
  });

  it('a change that needs a person is a case in the queue, saying what changed and why, in both languages', async () => {
    const { person, decisions } = h.guichet.services;
    const self = { actor: { type: 'person' as const, id: jordan.id }, channel: 'online' as const };
    await person.record.changeMaritalStatus(jordan.id, 'common-law', {
      ...self,
      purpose: 'self-service',
      correlationId: 'test',
    });
    await decisions.circumstances.drain();
    const review = (await decisions.workqueue.queue('ccb')).find((c) => c.review_key !== null);
    assert.ok(review, 'the review is in the queue');
    const { jar: staff } = await signIn(h, 'staff', 'adjudicator');
    const queue = await guichetRequest(h, staff, 'GET', '/en/staff/cases');
    assert.match(
      queue.body,
      new RegExp(`/en/staff/cases/${review.id}">[A-Z0-9-]+</a> <span class="label">Change of circumstance`),
    );
    const en = await guichetRequest(h, staff, 'GET', `/en/staff/cases/${review.id}`);
    assert.match(en.body, /A change of marital status/);
    assert.match(en.body, /A new partner: the register does not hold their income/);
    const fr = await guichetRequest(h, staff, 'GET', `/fr/personnel/dossiers/${review.id}`);
    assert.match(fr.body, /Un changement d’état civil/);
    assert.match(fr.body, /Un nouveau ou une nouvelle partenaire/);
    const mine = await guichetRequest(h, jar, 'GET', '/en/my-guichet/benefits');
    assert.match(mine.body, /Under review since .*, after a change in your situation/);
  });

  it('a refused review ends the benefit: My benefits, the decision and the client file say so, in both languages', async () => {
    const { workqueue } = h.guichet.services.decisions;
    const review = (await workqueue.queue('ccb')).find((c) => c.review_key !== null);
    assert.ok(review, 'the review of the previous test');
    const ctx = (id: string) => ({
      actor: { type: 'staff' as const, id, role: 'adjudicator' },
      channel: 'system' as const,
      purpose: 'decision',
      correlationId: 'test',
    });
    assert.equal(await workqueue.take(review.id, 'adjudicator-a', ctx('adjudicator-a')), 'done');
    const input = {
      outcome: 'refused' as const,
      reasons: ['income-above-limit' as const],
      note: '',
      justification: 'The new partner’s income is above the limit.',
    };
    const decided = await workqueue.decide(review.id, 'adjudicator-a', input, ctx('adjudicator-a'));
    if (decided === 'awaiting-approval')
      assert.equal(await workqueue.approve(review.id, 'adjudicator-b', ctx('adjudicator-b')), 'done');
    else assert.equal(decided, 'done');
    const page = await guichetRequest(h, jar, 'GET', '/en/my-guichet/benefits');
    assert.match(page.body, /<h2>Benefits that have ended<\/h2>/);
    assert.match(page.body, /Canada child benefit: ended on [A-Z][a-z]+ \d+, \d{4}\. No payment is made/i);
    const fr = await guichetRequest(h, jar, 'GET', '/fr/mon-guichet/prestations');
    assert.match(fr.body, /Prestations qui ont pris fin/);
    assert.match(fr.body, /\u00a0: a pris fin le /);
    const links = [...page.body.matchAll(/href="(\/en\/my-guichet\/benefits\/decisions\/[0-9a-f-]+)"/g)];
    const decision = await guichetRequest(h, jar, 'GET', links[0]?.[1] ?? '');
    assert.match(decision.body, /Decision after a change in your situation/);
    assert.match(decision.body, /A change of marital status led us to review your Canada child benefit/i);
    assert.match(decision.body, /stops from/);
    const { jar: agent } = await signIn(h, 'staff', 'agent');
    const form = await guichetRequest(h, agent, 'GET', `/en/staff/clients/${jordan.id}/purpose`);
    await guichetRequest(h, agent, 'POST', `/en/staff/clients/${jordan.id}/purpose`, {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '',
      purpose: 'phone-call',
      consent: 'yes',
    });
    const file = await guichetRequest(h, agent, 'GET', `/en/staff/clients/${jordan.id}`);
    assert.match(file.body, /Benefits that have ended/);
    const enrolment = await h.database.db
      .selectFrom('enrolment')
      .select(['status', 'ended_on'])
      .where('person_id', '=', jordan.id)
      .where('programme_id', '=', 'ccb')
      .executeTakeFirstOrThrow();
    assert.equal(enrolment.status, 'ended');
    assert.ok(enrolment.ended_on !== null);
  });
});
