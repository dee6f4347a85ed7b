import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { GuichetApp } from '../app.ts';
import { DEV_EMPLOYER_TOKEN } from '../platform/config/employers-config.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../population/demo-people.ts';
import { seedDemoRecordsOfEmployment } from '../population/index.ts';
import { buildTestApp } from '../../test/support/app.ts';
import { describeOnBothDatabases } from '../../test/support/databases.ts';

const PATH = '/api/v1/records-of-employment';
const OTHER_TOKEN = 'another-payroll-company-token-of-forty-characters';
const SAM = DEMO_PEOPLE[3];

const record = (overrides: Record<string, unknown> = {}) => ({
  sin: SAM.sin,
  employerName: 'Lakeshore Plastics Inc.',
  serial: 'L0001',
  firstDay: '2026-01-05',
  lastDay: '2026-10-30',
  reasonCode: 'A',
  payPeriods: [{ weekEnding: '2026-10-31', hours: 40, earningsCents: 150_000 }],
  ...overrides,
});

type Problem = { status: number; errors?: { pointer: string; code: string }[]; translations: object };

describeOnBothDatabases('Records of Employment: the employers API', (database) => {
  let guichet: GuichetApp;
  before(async () => {
    guichet = await buildTestApp(database(), {
      employers: [
        { employerId: 'demo-employer', token: DEV_EMPLOYER_TOKEN },
        { employerId: 'other-payroll', token: OTHER_TOKEN },
      ],
    });
    await ensureDemoPeople(database().db, guichet.services.crypto);
  });
  after(() => guichet.app.close());

  const send = (body: unknown, token: string | null = DEV_EMPLOYER_TOKEN, lang = 'en') =>
    guichet.app.inject({
      method: 'POST',
      url: PATH,
      headers: {
        'content-type': 'application/json',
        'accept-language': lang,
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      payload: JSON.stringify(body),
    });

  it('is published in the OpenAPI document with its request schema', () => {
    const operation = guichet.openapi.document.paths[PATH]?.post;
    assert.equal(operation?.operationId, 'submitRecordOfEmployment');
    assert.ok(guichet.openapi.document.components.schemas.RecordOfEmployment);
  });

  it('refuses a caller without an employer token, or with a wrong one, storing nothing', async () => {
    for (const token of [null, 'not-a-token', `${DEV_EMPLOYER_TOKEN}x`]) {
      const response = await send(record(), token);
      assert.equal(response.statusCode, 401, String(token));
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    }
    const rows = await database().db.selectFrom('record_of_employment').selectAll().execute();
    assert.equal(rows.length, 0);
  });

  it('refuses bad input with RFC 9457 problem details naming each field, in both languages', async () => {
    const wrongType = await send(record({ payPeriods: [{ weekEnding: '2026-10-31', hours: 'forty' }] }));
    assert.equal(wrongType.statusCode, 400);
    const unknownCode = await send(record({ reasonCode: 'Q' }), DEV_EMPLOYER_TOKEN, 'fr');
    assert.equal(unknownCode.statusCode, 400);
    assert.equal(unknownCode.json<{ title: string }>().title, 'Données non valides');
    const badSin = await send(record({ sin: '123456780' }));
    assert.equal(badSin.statusCode, 422);
    assert.deepEqual(
      badSin.json<Problem>().errors?.map((e) => e.pointer),
      ['/sin'],
    );
    const backwards = await send(record({ firstDay: '2026-11-01' }));
    assert.equal(backwards.statusCode, 422);
    const pointers = backwards.json<Problem>().errors?.map((e) => e.pointer) ?? [];
    assert.ok(
      pointers.includes('/lastDay') && pointers.includes('/payPeriods/0/weekEnding'),
      String(pointers),
    );
    const nobody = await send(record({ sin: '046 454 294' }));
    assert.equal(nobody.statusCode, 422);
    assert.equal(nobody.json<Problem>().errors?.[0]?.code, 'unknown-sin');
    const form = await guichet.app.inject({
      method: 'POST',
      url: PATH,
      headers: {
        authorization: `Bearer ${DEV_EMPLOYER_TOKEN}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'sin=1',
    });
    assert.equal(form.statusCode, 415);
    const rows = await database().db.selectFrom('record_of_employment').selectAll().execute();
    assert.equal(rows.length, 0, 'nothing refused is stored');
  });

  it('stores a record encrypted, audited as the employer; a serial is kept once per employer', async () => {
    assert.equal((await send(record())).statusCode, 201);
    const again = await send(record());
    assert.equal(again.statusCode, 200);
    assert.equal(again.json<{ status: string }>().status, 'already-received');
    // Another employer's record with the same serial is its own record, never blocked by the first one.
    assert.equal((await send(record(), OTHER_TOKEN)).statusCode, 201);
    const rows = await database()
      .db.selectFrom('record_of_employment')
      .selectAll()
      .where('person_id', '=', SAM.id)
      .orderBy('employer_id')
      .execute();
    assert.deepEqual(
      rows.map((row) => row.employer_id),
      ['demo-employer', 'other-payroll'],
    );
    for (const row of rows) {
      assert.doesNotMatch(row.periods_cipher, /weekEnding|150000/, 'pay periods are Protected B');
      assert.deepEqual(JSON.parse(guichet.services.crypto.cipher.decrypt(row.periods_cipher)), [
        { weekEnding: '2026-10-31', hours: 40, earningsCents: 150_000 },
      ]);
    }
    const audited = await database()
      .db.selectFrom('audit_event')
      .select(['actor_id', 'channel', 'outcome'])
      .where('action', '=', 'employment.record-received')
      .where('subject_person_id', '=', SAM.id)
      .execute();
    assert.equal(audited.length, 3);
    assert.ok(audited.every((entry) => entry.channel === 'partner'));
    assert.ok(audited.some((entry) => entry.actor_id === 'employer:other-payroll'));
  });
});

describeOnBothDatabases('Records of Employment: the demo population', (database) => {
  let guichet: GuichetApp;
  before(async () => {
    guichet = await buildTestApp(database());
    await ensureDemoPeople(database().db, guichet.services.crypto);
  });
  after(() => guichet.app.close());

  it('people who lost a job last year (employment and EI income) get a year of pay periods; seeding twice adds none', async () => {
    const db = database().db;
    const { cipher } = guichet.services.crypto;
    const [laidOff, working] = [DEMO_PEOPLE[2].id, DEMO_PEOPLE[3].id];
    await db.updateTable('person').set({ is_demo: true }).execute();
    const income = (personId: string, type: 'employment' | 'employment-insurance', cents: number) => ({
      person_id: personId,
      tax_year: 2025,
      income_type: type,
      amount_ciphertext: cipher.encrypt(String(cents)),
    });
    await db
      .insertInto('person_income')
      .values([
        income(laidOff, 'employment', 5_200_000),
        income(laidOff, 'employment-insurance', 600_000),
        income(working, 'employment', 7_000_000),
      ])
      .execute();
    const asOf = new Date('2026-11-20T12:00:00Z');
    await seedDemoRecordsOfEmployment(db, cipher, asOf);
    await seedDemoRecordsOfEmployment(db, cipher, asOf);
    const rows = await db.selectFrom('record_of_employment').selectAll().execute();
    const people = rows.map((row) => row.person_id).sort();
    assert.deepEqual(
      people,
      [DEMO_PEOPLE[1].id, laidOff].sort(),
      'Jordan (the showcase) and the laid-off person',
    );
    const mine = rows.find((row) => row.person_id === laidOff);
    const periods = JSON.parse(cipher.decrypt(mine?.periods_cipher ?? '')) as {
      weekEnding: string;
      earningsCents: number;
    }[];
    assert.equal(periods.length, 52);
    assert.equal(periods[0]?.earningsCents, 100_000);
    assert.equal(
      new Date(`${periods[0]?.weekEnding ?? ''}T00:00:00Z`).getUTCDay(),
      6,
      'weeks end on Saturdays',
    );
    assert.ok((periods[0]?.weekEnding ?? '') < '2026-11-20');
  });
});
