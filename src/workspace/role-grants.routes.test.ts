import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  csrfFrom,
  guichetRequest,
  signIn,
  startIdentityHarness,
} from '../../test/support/identity/identity-harness.ts';
import type { IdentityHarness } from '../../test/support/identity/identity-harness.ts';

describe('four eyes on privileged roles', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await startIdentityHarness();
  });
  after(() => h.close());

  const staffNamed = async (name: string) =>
    (
      await h.database.db
        .selectFrom('identity_staff')
        .select('id')
        .where('display_name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  const rolesOf = async (staffId: string) =>
    (
      await h.database.db
        .selectFrom('identity_staff_role')
        .select('role')
        .where('staff_id', '=', staffId)
        .execute()
    )
      .map((row) => row.role)
      .sort();
  const audited = async (action: string) =>
    h.database.db
      .selectFrom('audit_event')
      .select(['outcome', 'actor_id', 'details'])
      .where('action', '=', action)
      .execute();

  it('a supervisor grant waits for a second administrator; the one who asked cannot approve it', async () => {
    // Staff accounts exist from their first sign-in.
    const { jar: first } = await signIn(h, 'staff', 'administrator');
    const { jar: second } = await signIn(h, 'staff', 'tribunal');
    await signIn(h, 'staff', 'analyst');
    await signIn(h, 'staff', 'agent');
    const ada = await staffNamed('Ada Administrator');
    const tomas = await staffNamed('Tomás Tribunal');
    const ana = await staffNamed('Ana Analyst');
    // A second administrator (the demonstration has one).
    await h.database.db
      .insertInto('identity_staff_role')
      .values({ staff_id: tomas, role: 'administrator', granted_by: null, granted_at: new Date() })
      .execute();

    const home = await guichetRequest(h, first, 'GET', '/en/staff');
    assert.match(home.body, /href="\/en\/staff\/roles"/);
    const csrf = await csrfFrom(h, first, '/en/staff/roles');
    const asked = await guichetRequest(h, first, 'POST', `/en/staff/roles/${ana}`, {
      _csrf: csrf,
      role: 'supervisor',
      action: 'grant',
    });
    assert.equal(asked.headers.location, '/en/staff/roles');
    assert.deepEqual(await rolesOf(ana), ['analyst'], 'not granted yet');
    const page = await guichetRequest(h, first, 'GET', '/en/staff/roles');
    assert.match(page.body, /waiting for a second administrator/);
    assert.match(page.body, /Waiting for another administrator/);
    const grantId = /\/en\/staff\/roles\/requests\/([0-9a-f-]{36})/.exec(page.body)?.[1] ?? '';
    assert.ok(grantId);

    const selfApproval = await guichetRequest(h, first, 'POST', `/en/staff/roles/requests/${grantId}`, {
      _csrf: csrf,
      action: 'approve',
    });
    assert.equal(selfApproval.headers.location, '/en/staff/roles');
    const refused = await guichetRequest(h, first, 'GET', '/en/staff/roles');
    assert.match(refused.body, /You cannot approve a grant you asked for/);
    assert.deepEqual(await rolesOf(ana), ['analyst']);
    const denied = await audited('identity.staff.role-grant-approved');
    assert.deepEqual(
      denied.map((row) => [row.outcome, row.actor_id]),
      [['denied', ada]],
    );

    const fr = await guichetRequest(h, second, 'GET', '/fr/personnel/roles');
    assert.match(fr.body, /Attributions en attente/);
    const secondCsrf = await csrfFrom(h, second, '/en/staff/roles');
    const approved = await guichetRequest(h, second, 'POST', `/en/staff/roles/requests/${grantId}`, {
      _csrf: secondCsrf,
      action: 'approve',
    });
    assert.equal(approved.headers.location, '/en/staff/roles');
    assert.deepEqual(await rolesOf(ana), ['analyst', 'supervisor']);
    const granted = await h.database.db
      .selectFrom('identity_staff_role')
      .select('granted_by')
      .where('staff_id', '=', ana)
      .where('role', '=', 'supervisor')
      .executeTakeFirstOrThrow();
    assert.equal(granted.granted_by, tomas);
    const outcomes = (await audited('identity.staff.role-grant-approved')).map((row) => row.outcome).sort();
    assert.deepEqual(outcomes, ['denied', 'success']);
    assert.equal((await audited('identity.staff.role-grant-requested')).length, 1);
  });

  it('a grant of a role that reveals nothing more applies at once; a declined grant never applies', async () => {
    const ana = await staffNamed('Ana Analyst');
    const alex = await staffNamed('Alex Agent');
    const { jar: first } = await signIn(h, 'staff', 'administrator');
    const { jar: second } = await signIn(h, 'staff', 'tribunal');
    const csrf = await csrfFrom(h, first, '/en/staff/roles');
    await guichetRequest(h, first, 'POST', `/en/staff/roles/${ana}`, {
      _csrf: csrf,
      role: 'agent',
      action: 'grant',
    });
    assert.ok((await rolesOf(ana)).includes('agent'));
    await guichetRequest(h, first, 'POST', `/en/staff/roles/${alex}`, {
      _csrf: csrf,
      role: 'administrator',
      action: 'grant',
    });
    const page = await guichetRequest(h, second, 'GET', '/en/staff/roles');
    const grantId = /\/en\/staff\/roles\/requests\/([0-9a-f-]{36})/.exec(page.body)?.[1] ?? '';
    const secondCsrf = await csrfFrom(h, second, '/en/staff/roles');
    await guichetRequest(h, second, 'POST', `/en/staff/roles/requests/${grantId}`, {
      _csrf: secondCsrf,
      action: 'decline',
    });
    assert.deepEqual(await rolesOf(alex), ['agent']);
    assert.equal((await audited('identity.staff.role-grant-declined'))[0]?.outcome, 'success');
  });

  it('staff without role management cannot decide a grant', async () => {
    const { jar } = await signIn(h, 'staff', 'supervisor');
    const response = await guichetRequest(h, jar, 'POST', `/en/staff/roles/requests/${crypto.randomUUID()}`, {
      action: 'approve',
    });
    assert.equal(response.statusCode, 403);
  });
});
