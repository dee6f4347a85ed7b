import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { GuichetApp } from '../app.ts';
import { testConfig } from '../platform/config/config.ts';
import { DEV_VITAL_STATISTICS_TOKEN } from '../platform/config/partner-agencies-config.ts';
import { seedDemoEnrolments, seedDemoPopulation } from '../population/index.ts';
import { buildTestApp } from '../../test/support/app.ts';
import { describeOnBothDatabases } from '../../test/support/databases.ts';

const BIRTHS = '/api/v1/vital-events/births';
const DEATHS = '/api/v1/vital-events/deaths';
const TODAY = new Date('2026-12-03T15:00:00Z');
const ONTARIO_TOKEN = 'ontario-vital-statistics-token-of-forty-chars';
const NOBODY_SIN = '046 454 294';

type Problem = {
  status: number;
  title: string;
  detail: string;
  errors?: { pointer: string; code: string }[];
};

describeOnBothDatabases('vital statistics agencies: their own province, two parents, deaths', (database) => {
  let guichet: GuichetApp;
  before(async () => {
    guichet = await buildTestApp(
      database(),
      {
        vitalStatistics: [
          { agencyId: 'ab-vital-statistics', province: 'AB', token: DEV_VITAL_STATISTICS_TOKEN },
          { agencyId: 'on-vital-statistics', province: 'ON', token: ONTARIO_TOKEN },
        ],
      },
      () => TODAY,
    );
    await seedDemoPopulation(database(), testConfig(), 150);
    await seedDemoEnrolments(database().db, TODAY);
    await guichet.services.demoConversion.run();
  });
  after(async () => {
    await guichet.app.close();
  });

  const sinOf = (ciphertext: string | null) => guichet.services.crypto.cipher.decrypt(ciphertext ?? '');
  const send = (path: string, body: unknown, token: string, lang = 'en') =>
    guichet.app.inject({
      method: 'POST',
      url: path,
      headers: {
        'content-type': 'application/json',
        'accept-language': lang,
        authorization: `Bearer ${token}`,
      },
      payload: JSON.stringify(body),
    });
  const childrenOf = (personId: string) =>
    database()
      .db.selectFrom('person_relationship as r')
      .innerJoin('person as c', 'c.id', 'r.related_person_id')
      .select(['r.related_person_id as id', 'r.custody_share', 'c.given_name'])
      .where('r.person_id', '=', personId)
      .where('r.kind', '=', 'parent-of')
      .execute();

  /** Two partners of one household, each with a SIN. */
  async function couple(): Promise<{ a: { id: string; sin: string }; b: { id: string; sin: string } }> {
    const row = await database()
      .db.selectFrom('person_relationship as r')
      .innerJoin('person as a', 'a.id', 'r.person_id')
      .innerJoin('person as b', 'b.id', 'r.related_person_id')
      .select(['a.id as aId', 'a.sin_ciphertext as aSin', 'b.id as bId', 'b.sin_ciphertext as bSin'])
      .where('r.kind', 'in', ['spouse', 'common-law-partner'])
      .where('a.sin_ciphertext', 'is not', null)
      .where('b.sin_ciphertext', 'is not', null)
      .whereRef('a.household_id', '=', 'b.household_id')
      .orderBy('a.id')
      .executeTakeFirstOrThrow();
    return { a: { id: row.aId, sin: sinOf(row.aSin) }, b: { id: row.bId, sin: sinOf(row.bSin) } };
  }

  /** Someone paid a benefit (a converted demonstration enrolment), with a SIN. */
  async function recipient(): Promise<{ id: string; sin: string; programmeId: string }> {
    const row = await database()
      .db.selectFrom('enrolment_entitlement as e')
      .innerJoin('person as p', 'p.id', 'e.person_id')
      .select(['p.id', 'p.sin_ciphertext', 'e.programme_id'])
      .where('e.valid_to', 'is', null)
      .where('p.sin_ciphertext', 'is not', null)
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    return { id: row.id, sin: sinOf(row.sin_ciphertext), programmeId: row.programme_id };
  }

  const refusedAudits = () =>
    database()
      .db.selectFrom('audit_event')
      .select(['outcome', 'details', 'actor_id'])
      .where('action', '=', 'registry.partner-event.received')
      .where('outcome', '=', 'denied')
      .execute();

  it('publishes the death registration with its request schema', () => {
    const { paths, components } = guichet.openapi.document;
    assert.equal(paths[DEATHS]?.post?.operationId, 'submitDeathRegistration');
    assert.ok(components.schemas.DeathRegistration);
  });

  it('refuses a birth or a death outside the agency’s province: 422 in both languages, audited, nothing recorded', async () => {
    const { a } = await couple();
    const before = (await childrenOf(a.id)).length;
    const birth = {
      registrationNumber: 'ON-2026-77',
      province: 'AB',
      parentSin: a.sin,
      child: { givenName: 'Élodie', familyName: 'Roy', birthDate: '2026-11-30' },
    };
    const en = await send(BIRTHS, birth, ONTARIO_TOKEN);
    assert.equal(en.statusCode, 422);
    assert.match(String(en.headers['content-type']), /application\/problem\+json/);
    assert.equal(en.json<Problem>().title, 'Outside your jurisdiction');
    assert.match(en.json<Problem>().detail, /\(ON\)/);
    assert.deepEqual(
      en.json<Problem>().errors?.map((e) => [e.pointer, e.code]),
      [['/province', 'outside-jurisdiction']],
    );
    const fr = await send(
      DEATHS,
      { registrationNumber: 'ON-D-1', province: 'AB', sin: a.sin, dateOfDeath: '2026-11-30' },
      ONTARIO_TOKEN,
      'fr',
    );
    assert.equal(fr.statusCode, 422);
    assert.equal(fr.json<Problem>().title, 'Hors de votre compétence');
    assert.ok(!en.body.includes(a.sin) && !fr.body.includes(a.sin), 'the SIN is never echoed');
    assert.equal((await childrenOf(a.id)).length, before);
    const status = await database()
      .db.selectFrom('registry_person_status')
      .select('life_status')
      .where('person_id', '=', a.id)
      .executeTakeFirst();
    assert.notEqual(status?.life_status, 'deceased');
    const audits = await refusedAudits();
    assert.equal(audits.length, 2);
    assert.ok(audits.every((row) => row.actor_id === 'agency:on-vital-statistics'));
    assert.match(JSON.stringify(audits.map((row) => row.details)), /outside-jurisdiction/);
  });

  it('records a second parent: both are the child’s parents, sharing custody in one household', async () => {
    const { a, b } = await couple();
    const birth = (overrides: Record<string, unknown>) => ({
      registrationNumber: 'AB-2026-2P',
      province: 'AB',
      parentSin: a.sin,
      secondParentSin: b.sin,
      child: { givenName: 'Noé', familyName: 'Tremblay', birthDate: '2026-11-29' },
      ...overrides,
    });
    const unknown = await send(BIRTHS, birth({ secondParentSin: NOBODY_SIN }), DEV_VITAL_STATISTICS_TOKEN);
    assert.equal(unknown.statusCode, 422);
    assert.deepEqual(
      unknown.json<Problem>().errors?.map((e) => e.pointer),
      ['/secondParentSin'],
    );
    const same = await send(BIRTHS, birth({ secondParentSin: a.sin }), DEV_VITAL_STATISTICS_TOKEN);
    assert.deepEqual(
      same.json<Problem>().errors?.map((e) => e.code),
      ['same-parent'],
    );
    const invalid = await send(BIRTHS, birth({ secondParentSin: '123456780' }), DEV_VITAL_STATISTICS_TOKEN);
    assert.deepEqual(
      invalid.json<Problem>().errors?.map((e) => e.pointer),
      ['/secondParentSin'],
    );
    assert.ok(!(await childrenOf(a.id)).some((c) => c.given_name === 'Noé'), 'nothing refused is recorded');
    assert.equal((await send(BIRTHS, birth({}), DEV_VITAL_STATISTICS_TOKEN)).statusCode, 201);
    const child = (await childrenOf(a.id)).find((c) => c.given_name === 'Noé');
    assert.ok(child);
    const other = (await childrenOf(b.id)).find((c) => c.id === child.id);
    assert.ok(other, 'the second parent is the child’s parent too');
    assert.equal(Number(other.custody_share), 1, 'they live together');
  });

  it('records a death once: the record says so, the deceased’s benefits end after the month', async () => {
    const deceased = await recipient();
    const death = {
      registrationNumber: 'AB-D-2026-9',
      province: 'AB',
      sin: deceased.sin,
      dateOfDeath: '2026-11-14',
    };
    const future = await send(DEATHS, { ...death, dateOfDeath: '2027-01-01' }, DEV_VITAL_STATISTICS_TOKEN);
    assert.deepEqual(
      future.json<Problem>().errors?.map((e) => e.pointer),
      ['/dateOfDeath'],
    );
    const nobody = await send(DEATHS, { ...death, sin: NOBODY_SIN }, DEV_VITAL_STATISTICS_TOKEN);
    assert.equal(nobody.json<Problem>().errors?.[0]?.code, 'unknown-sin');
    const first = await send(DEATHS, death, DEV_VITAL_STATISTICS_TOKEN);
    assert.equal(first.statusCode, 201);
    assert.deepEqual(first.json(), { reference: 'AB-D-2026-9', status: 'recorded' });
    const again = await send(DEATHS, death, DEV_VITAL_STATISTICS_TOKEN);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json<{ status: string }>().status, 'already-recorded');
    const db = database().db;
    const changes = await db
      .selectFrom('registry_change')
      .select(['source_agency_id', 'channel'])
      .where('person_id', '=', deceased.id)
      .where('element', '=', 'life-status')
      .execute();
    assert.deepEqual(changes, [{ source_agency_id: 'ab-vital-statistics', channel: 'partner' }]);
    await guichet.services.decisions.circumstances.drain();
    const enrolments = await db
      .selectFrom('enrolment')
      .select(['programme_id', 'status', 'ended_on'])
      .where('person_id', '=', deceased.id)
      .execute();
    const ended = enrolments.find((e) => e.programme_id === deceased.programmeId);
    assert.equal(ended?.status, 'ended');
    const day = (value: Date | string | null | undefined) =>
      value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    // Paid through the month of death (November), nothing from December.
    assert.equal(day(ended?.ended_on), '2026-11-30');
    const open = await db
      .selectFrom('enrolment_entitlement')
      .select('valid_to')
      .where('person_id', '=', deceased.id)
      .execute();
    assert.ok(open.every((row) => row.valid_to !== null && day(row.valid_to) <= '2026-11-30'));
    const benefits = await guichet.services.decisions.benefitsOf(deceased.id, {
      actor: { type: 'system', id: 'test' },
      channel: 'system',
      purpose: 'test',
      correlationId: 'test',
    });
    assert.ok(
      benefits.ended.some((e) => e.programmeId === deceased.programmeId && e.endedOn === '2026-11-30'),
    );
  });
});
