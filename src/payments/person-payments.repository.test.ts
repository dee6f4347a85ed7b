import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import type { Database } from '../platform/db/database.ts';
import { livePaymentsOf } from './person-payments.repository.ts';
import type { PaymentStatus } from './payments.tables.ts';

const ANN = randomUUID();
const BOB = randomUUID();
const ANN_OAS = randomUUID();
const ANN_GIS = randomUUID();
const SHARED = randomUUID();

describeOnBothDatabases('a person’s payments, found through their enrolments', (database: () => Database) => {
  const runId = randomUUID();
  const ids = new Map<string, string>();

  async function pay(
    name: string,
    row: {
      enrolment: string;
      person: string;
      period: string;
      kind?: 'regular' | 'reissue' | 'arrears';
      status?: PaymentStatus;
    },
  ) {
    const id = randomUUID();
    ids.set(name, id);
    await database()
      .db.insertInto('payment')
      .values({
        id,
        reference: `T${id.slice(0, 12).toUpperCase()}`,
        run_id: runId,
        enrolment_id: row.enrolment,
        person_id: row.person,
        programme_id: 'oas',
        period: row.period,
        kind: row.kind ?? 'regular',
        amount_cents: 70_000,
        arrears: false,
        decision_id: randomUUID(),
        pay_date: `${row.period}-27`,
        status: row.status ?? 'issued',
        review_reason: null,
        method: 'deposit',
        payee_ciphertext: null,
        account_last3: '543',
        reissue_of: null,
      })
      .execute();
  }

  before(async () => {
    await database()
      .db.insertInto('payment_run')
      .values({ id: runId, programme_id: 'oas', kind: 'regular', period: '2026-11', pay_date: '2026-11-26' })
      .execute();
    await pay('ann oas october', { enrolment: ANN_OAS, person: ANN, period: '2026-10' });
    await pay('ann oas november', { enrolment: ANN_OAS, person: ANN, period: '2026-11', status: 'returned' });
    await pay('ann oas november reissued', {
      enrolment: ANN_OAS,
      person: ANN,
      period: '2026-11',
      kind: 'reissue',
    });
    await pay('ann oas october reissue cancelled', {
      enrolment: ANN_OAS,
      person: ANN,
      period: '2026-10',
      kind: 'reissue',
      status: 'cancelled',
    });
    await pay('ann gis arrears', { enrolment: ANN_GIS, person: ANN, period: '2026-09', kind: 'arrears' });
    await pay('ann gis cancelled', {
      enrolment: ANN_GIS,
      person: ANN,
      period: '2026-10',
      status: 'cancelled',
    });
    await pay('bob on an enrolment also named', { enrolment: SHARED, person: BOB, period: '2026-11' });
    await pay('bob elsewhere', { enrolment: randomUUID(), person: BOB, period: '2026-11' });
  });

  const found = async (personId: string, enrolments: string[]) => {
    const { db } = database();
    const rows = await db
      .selectFrom(livePaymentsOf(db, personId, enrolments).as('p'))
      .select('id')
      .execute();
    const names = new Map([...ids].map(([name, id]) => [id, name]));
    return rows.map((row) => names.get(row.id)).sort();
  };

  it('are the live regular, arrears and reissued payments of the enrolments given, none cancelled', async () => {
    assert.deepEqual(await found(ANN, [ANN_OAS, ANN_GIS]), [
      'ann gis arrears',
      'ann oas november',
      'ann oas november reissued',
      'ann oas october',
    ]);
    assert.deepEqual(await found(ANN, [ANN_GIS]), ['ann gis arrears']);
  });

  it('are only the person’s own, even on an enrolment someone else was paid by', async () => {
    assert.deepEqual(await found(ANN, [ANN_OAS, SHARED]), [
      'ann oas november',
      'ann oas november reissued',
      'ann oas october',
    ]);
    assert.deepEqual(await found(BOB, [SHARED]), ['bob on an enrolment also named']);
  });

  it('are read through the enrolment indexes, with no index by person left to keep', async () => {
    const { db } = database();
    const query = livePaymentsOf(db, ANN, [ANN_OAS, ANN_GIS]).compile();
    // A table this small is cheapest to scan; with scans priced out, the plan shows which indexes can serve.
    const plan = await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const explained = await trx.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`EXPLAIN ${query.sql}`, [...query.parameters]),
      );
      return explained.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    assert.match(plan, /payment_once/);
    assert.match(plan, /payment_reissue_once_per_period/);
    assert.doesNotMatch(plan, /Seq Scan/);
    const indexes = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes
      WHERE tablename = 'payment' AND schemaname = current_schema()`.execute(db);
    assert.ok(!indexes.rows.some((row) => row.indexname === 'payment_person'));
  });
});
