import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { GuichetApp } from '../app.ts';
import { testConfig } from '../platform/config/config.ts';
import { DEV_CRA_TOKEN, DEV_VITAL_STATISTICS_TOKEN } from '../platform/config/partner-agencies-config.ts';
import { seedDemoEnrolments, seedDemoPopulation } from '../population/index.ts';
import { buildTestApp } from '../../test/support/app.ts';
import { describeOnBothDatabases } from '../../test/support/databases.ts';

const BIRTHS = '/api/v1/vital-events/births';
const ASSESSMENTS = '/api/v1/tax-assessments';
// The CCB's July 2026 benefit year is on file: seeded recipients are converted to entitlements on this day.
const TODAY = new Date('2026-12-03T15:00:00Z');
const ONTARIO_TOKEN = 'ontario-vital-statistics-token-of-forty-chars';
const NOBODY_SIN = '046 454 294';

type Problem = { status: number; title: string; errors?: { pointer: string; code: string }[] };

describeOnBothDatabases('partner agencies feed the register: births and tax assessments', (database) => {
  let guichet: GuichetApp;
  let parent: { id: string; sin: string };
  let ownChildren: string[] = [];
  before(async () => {
    guichet = await buildTestApp(
      database(),
      {
        vitalStatistics: [
          { agencyId: 'ab-vital-statistics', province: 'AB', token: DEV_VITAL_STATISTICS_TOKEN },
          { agencyId: 'on-vital-statistics', province: 'ON', token: ONTARIO_TOKEN },
        ],
        cra: [{ agencyId: 'cra', token: DEV_CRA_TOKEN }],
      },
      () => TODAY,
    );
    await seedDemoPopulation(database(), testConfig(), 150);
    await seedDemoEnrolments(database().db, TODAY);
    await guichet.services.demoConversion.run();
    parent = await ccbRecipientWithSin();
    ownChildren = (await children()).map((row) => row.related_person_id);
  });
  after(async () => {
    await guichet.app.close();
  });

  async function ccbRecipientWithSin(): Promise<{ id: string; sin: string }> {
    const row = await database()
      .db.selectFrom('enrolment_entitlement as e')
      .innerJoin('person as p', 'p.id', 'e.person_id')
      .select(['p.id', 'p.sin_ciphertext'])
      .where('e.programme_id', '=', 'ccb')
      .where('e.valid_to', 'is', null)
      .where('p.sin_ciphertext', 'is not', null)
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    return { id: row.id, sin: guichet.services.crypto.cipher.decrypt(row.sin_ciphertext ?? '') };
  }

  const send = (path: string, body: unknown, token: string | null, lang = 'en') =>
    guichet.app.inject({
      method: 'POST',
      url: path,
      headers: {
        'content-type': 'application/json',
        'accept-language': lang,
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      payload: JSON.stringify(body),
    });
  const birth = (overrides: Record<string, unknown> = {}) => ({
    registrationNumber: 'AB-2026-000123',
    province: 'AB',
    parentSin: parent.sin,
    child: { givenName: 'Maëlle', familyName: 'Nguyen', birthDate: '2026-11-28' },
    ...overrides,
  });
  const assessment = (overrides: Record<string, unknown> = {}) => ({
    noticeOfAssessmentId: 'NOA-2025-0001',
    sin: parent.sin,
    taxYear: 2025,
    incomes: { employment: 4_250_000, investment: 12_345 },
    ...overrides,
  });
  // The children registrations added: the recipient's own children were there before.
  const children = async () =>
    (
      await database()
        .db.selectFrom('person_relationship')
        .select('related_person_id')
        .where('person_id', '=', parent.id)
        .where('kind', '=', 'parent-of')
        .execute()
    ).filter((row) => !ownChildren.includes(row.related_person_id));

  it('is published in the OpenAPI document with both request schemas', () => {
    const { paths, components } = guichet.openapi.document;
    assert.equal(paths[BIRTHS]?.post?.operationId, 'submitBirthRegistration');
    assert.equal(paths[ASSESSMENTS]?.post?.operationId, 'submitTaxAssessment');
    assert.ok(components.schemas.BirthRegistration && components.schemas.TaxAssessment);
  });

  it('refuses a caller without its agency’s token (the CRA’s token does not register births)', async () => {
    const before = (await children()).length;
    for (const token of [null, 'not-a-token', DEV_CRA_TOKEN, `${DEV_VITAL_STATISTICS_TOKEN}x`]) {
      const response = await send(BIRTHS, birth(), token);
      assert.equal(response.statusCode, 401, String(token));
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    }
    assert.equal((await send(ASSESSMENTS, assessment(), ONTARIO_TOKEN)).statusCode, 401);
    assert.equal((await children()).length, before);
  });

  it('refuses bad input with problem details naming the field, in both languages, never echoing the SIN', async () => {
    const token = DEV_VITAL_STATISTICS_TOKEN;
    const badDate = await send(
      BIRTHS,
      birth({ child: { givenName: 'A', familyName: 'B', birthDate: 'soon' } }),
      token,
      'fr',
    );
    assert.equal(badDate.statusCode, 400);
    assert.equal(badDate.json<Problem>().title, 'Données non valides');
    assert.match(JSON.stringify(badDate.json<Problem>().errors), /birthDate/);
    const lottery = await send(ASSESSMENTS, assessment({ incomes: { lottery: 100 } }), DEV_CRA_TOKEN);
    assert.equal(lottery.statusCode, 400);
    assert.match(JSON.stringify(lottery.json<Problem>().errors), /lottery|incomes/);
    const dollars = await send(ASSESSMENTS, assessment({ incomes: { employment: 42.5 } }), DEV_CRA_TOKEN);
    assert.equal(dollars.statusCode, 400, 'amounts are integer cents');
    const future = await send(
      BIRTHS,
      birth({ child: { givenName: 'A', familyName: 'B', birthDate: '2027-01-01' } }),
      token,
    );
    assert.equal(future.statusCode, 422);
    assert.deepEqual(
      future.json<Problem>().errors?.map((e) => e.pointer),
      ['/child/birthDate'],
    );
    const thisYear = await send(ASSESSMENTS, assessment({ taxYear: 2026 }), DEV_CRA_TOKEN);
    assert.deepEqual(
      thisYear.json<Problem>().errors?.map((e) => e.pointer),
      ['/taxYear'],
    );
    const badSin = await send(BIRTHS, birth({ parentSin: '123456780' }), token);
    assert.equal(badSin.statusCode, 422);
    assert.deepEqual(
      badSin.json<Problem>().errors?.map((e) => e.pointer),
      ['/parentSin'],
    );
    for (const [path, body, tokenOf] of [
      [BIRTHS, birth({ parentSin: NOBODY_SIN }), token],
      [ASSESSMENTS, assessment({ sin: NOBODY_SIN }), DEV_CRA_TOKEN],
    ] as const) {
      const nobody = await send(path, body, tokenOf);
      assert.equal(nobody.statusCode, 422);
      assert.equal(nobody.json<Problem>().errors?.[0]?.code, 'unknown-sin');
      assert.doesNotMatch(nobody.body, /046.?454.?294/, 'the SIN is never echoed');
    }
    assert.equal((await children()).length, 0, 'nothing refused is recorded');
  });

  it('records a birth once, audited as the agency, and queues the CCB recipient’s re-evaluation', async () => {
    const first = await send(BIRTHS, birth(), DEV_VITAL_STATISTICS_TOKEN);
    assert.equal(first.statusCode, 201);
    assert.deepEqual(first.json(), { reference: 'AB-2026-000123', status: 'recorded' });
    assert.ok(!first.body.includes(parent.sin), 'the SIN is never echoed');
    const again = await send(BIRTHS, birth(), DEV_VITAL_STATISTICS_TOKEN);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json<{ status: string }>().status, 'already-recorded');
    assert.equal((await children()).length, 1, 'the same registration records one birth');
    // Another agency's number is its own registration (a second child here), never blocked by the first.
    assert.equal((await send(BIRTHS, birth({ province: 'ON' }), ONTARIO_TOKEN)).statusCode, 201);
    assert.equal((await children()).length, 2);
    const db = database().db;
    const changes = await db
      .selectFrom('registry_change')
      .select(['element', 'source_agency_id', 'channel', 'actor_agency_id'])
      .where('person_id', '=', parent.id)
      .where('element', '=', 'birth')
      .orderBy('version')
      .execute();
    assert.deepEqual(
      changes.map((c) => c.source_agency_id),
      ['ab-vital-statistics', 'on-vital-statistics'],
    );
    assert.ok(changes.every((c) => c.channel === 'partner'));
    const queued = await db
      .selectFrom('circumstance_change')
      .select('kind')
      .where('person_id', '=', parent.id)
      .where('kind', '=', 'birth')
      .execute();
    assert.equal(queued.length, 2, 'each birth queues the CCB recipient’s re-evaluation');
    const audited = await db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('subject_person_id', '=', parent.id)
      .where('action', 'in', ['registry.birth.update', 'registry.partner-event.received'])
      .execute();
    assert.equal(audited.length, 3, 'two births and the replay');
    assert.ok(audited.some((a) => a.actor_id === 'agency:ab-vital-statistics'));
  });

  it('records a notice of assessment once; a reassessment (its own id) replaces the year', async () => {
    const incomeRows = () =>
      database()
        .db.selectFrom('person_income')
        .select(['income_type', 'amount_ciphertext'])
        .where('person_id', '=', parent.id)
        .where('tax_year', '=', 2025)
        .orderBy('income_type')
        .execute();
    assert.equal((await send(ASSESSMENTS, assessment(), DEV_CRA_TOKEN)).statusCode, 201);
    const replay = await send(ASSESSMENTS, assessment({ incomes: { employment: 1 } }), DEV_CRA_TOKEN);
    assert.equal(replay.statusCode, 200);
    const { cipher } = guichet.services.crypto;
    const amounts = async () =>
      (await incomeRows()).map((row) => [row.income_type, Number(cipher.decrypt(row.amount_ciphertext))]);
    assert.deepEqual(await amounts(), [
      ['employment', 4_250_000],
      ['investment', 12_345],
    ]);
    const reassessed = await send(
      ASSESSMENTS,
      assessment({ noticeOfAssessmentId: 'NOA-2025-0002', incomes: { employment: 3_900_000 } }),
      DEV_CRA_TOKEN,
    );
    assert.equal(reassessed.statusCode, 201);
    assert.deepEqual(await amounts(), [['employment', 3_900_000]]);
    const changes = await database()
      .db.selectFrom('registry_change')
      .select(['source_agency_id', 'summary'])
      .where('person_id', '=', parent.id)
      .where('element', '=', 'income')
      .execute();
    assert.equal(changes.length, 2, 'the replay changed nothing');
    assert.ok(changes.every((c) => c.source_agency_id === 'cra'));
    assert.doesNotMatch(JSON.stringify(changes), /3900000|4250000/, 'no amount in the clear');
  });
});
