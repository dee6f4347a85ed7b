import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { GuichetApp } from '../app.ts';
import { buildTestApp } from '../../test/support/app.ts';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { purgeSignInState } from './sign-in-state-purge.ts';

const NOW = new Date('2026-11-22T12:00:00Z');
const ABSOLUTE = 12 * 3600;
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);
const DAY = 86_400;

/** One stale and one live row of each kind of sign-in state; returns the live rows' keys. */
async function seedState(db: Kysely<DB>) {
  const householdId = randomUUID();
  const personId = randomUUID();
  const loginId = randomUUID();
  await db.insertInto('household').values({ id: householdId, province_code: 'ON', is_demo: true }).execute();
  await db
    .insertInto('person')
    .values({
      id: personId,
      household_id: householdId,
      given_name: 'Alex',
      family_name: 'Tremblay',
      birth_date: '1950-04-12',
      preferred_language: 'en',
      marital_status: 'single',
      is_demo: true,
    })
    .execute();
  await db
    .insertInto('identity_login')
    .values({
      id: loginId,
      provider_id: 'gckey',
      issuer: 'https://op',
      subject: randomUUID(),
      created_at: NOW,
      last_sign_in_at: NOW,
    })
    .execute();
  const request = (id: string, createdAt: Date) => ({
    id_hash: id,
    provider_id: 'gckey',
    state: 's',
    nonce: 'n',
    code_verifier: 'v',
    lang: 'en' as const,
    intent: 'sign-in' as const,
    return_to: null,
    created_at: createdAt,
    consumed_at: null,
  });
  await db
    .insertInto('identity_auth_request')
    .values([request('old-request', ago(601)), request('live-request', ago(60))])
    .execute();
  await db
    .insertInto('identity_throttle')
    .values([
      { key: 'old-counter', window_start: ago(2 * DAY), failures: 3, locked_until: null },
      {
        key: 'still-locked',
        window_start: ago(2 * DAY),
        failures: 5,
        locked_until: new Date(NOW.getTime() + 3600_000),
      },
      { key: 'live-counter', window_start: ago(3600), failures: 1, locked_until: null },
    ])
    .execute();
  const code = (id: string, expiresAt: Date, usedAt: Date | null) => ({
    id,
    login_id: loginId,
    person_id: personId,
    code_hash: 'h',
    created_at: ago(60 * DAY),
    expires_at: expiresAt,
    failed_attempts: 0,
    used_at: usedAt,
  });
  const oldCode = randomUUID();
  const liveCode = randomUUID();
  await db
    .insertInto('identity_link_code')
    .values([code(oldCode, ago(31 * DAY), null), code(liveCode, ago(10 * DAY), null)])
    .execute();
  const session = (id: string, createdAt: Date, endedAt: Date | null) => ({
    id_hash: id,
    kind: 'person' as const,
    login_id: loginId,
    staff_id: null,
    provider_id: 'gckey',
    provider_sid: null,
    assurance_level: 2,
    auth_time: createdAt,
    second_factor_at: null,
    created_at: createdAt,
    last_seen_at: createdAt,
    ended_at: endedAt,
    end_reason: endedAt ? 'sign-out' : null,
  });
  await db
    .insertInto('identity_session')
    .values([
      session('ended-long-ago', ago(100 * DAY), ago(91 * DAY)),
      session('abandoned-long-ago', ago(91 * DAY), null),
      session('ended-last-month', ago(31 * DAY), ago(30 * DAY)),
    ])
    .execute();
  return { liveCode };
}

describeOnBothDatabases('purging expired sign-in state', (database) => {
  let live: { liveCode: string };
  let guichet: GuichetApp | undefined;
  before(async () => {
    guichet = await buildTestApp(database()); // reference data, for the household's province
    live = await seedState(database().db);
  });
  after(async () => {
    await guichet?.app.close();
  });

  it('a dry run counts what would go and removes nothing', async () => {
    const report = await purgeSignInState(database().db, NOW, ABSOLUTE, { dryRun: true });
    assert.deepEqual(report, { dryRun: true, authRequests: 1, throttles: 1, linkCodes: 1, sessions: 2 });
    const sessions = await database().db.selectFrom('identity_session').select('id_hash').execute();
    assert.equal(sessions.length, 3);
  });

  it('deletes only state past its retention, keeping live requests, locks, codes and recent sessions', async () => {
    const { db } = database();
    const report = await purgeSignInState(db, NOW, ABSOLUTE);
    assert.deepEqual(report, { dryRun: false, authRequests: 1, throttles: 1, linkCodes: 1, sessions: 2 });
    const ids = async (table: 'identity_auth_request' | 'identity_session') =>
      (await db.selectFrom(table).select('id_hash').execute()).map((row) => row.id_hash).sort();
    assert.deepEqual(await ids('identity_auth_request'), ['live-request']);
    assert.deepEqual(await ids('identity_session'), ['ended-last-month']);
    const counters = await db.selectFrom('identity_throttle').select('key').orderBy('key').execute();
    assert.deepEqual(
      counters.map((row) => row.key),
      ['live-counter', 'still-locked'],
    );
    const codes = await db.selectFrom('identity_link_code').select('id').execute();
    assert.deepEqual(
      codes.map((row) => row.id),
      [live.liveCode],
    );
    assert.deepEqual(await purgeSignInState(db, NOW, ABSOLUTE), {
      dryRun: false,
      authRequests: 0,
      throttles: 0,
      linkCodes: 0,
      sessions: 0,
    });
  });
});
