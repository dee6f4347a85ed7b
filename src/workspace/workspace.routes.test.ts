import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PEOPLE } from '../population/demo-people.ts';
import {
  CookieJar,
  csrfFrom,
  guichetRequest,
  signIn,
  startIdentityHarness,
} from '../../test/support/identity/identity-harness.ts';
import type { IdentityHarness } from '../../test/support/identity/identity-harness.ts';

const client = DEMO_PEOPLE[0];

describe('staff: roles, least privilege, stated purpose, role administration', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await startIdentityHarness();
  });
  after(() => h.close());

  it('an agent must state a purpose before opening a client file, and the purpose is audited', async () => {
    const { jar } = await signIn(h, 'staff', 'agent');
    const first = await guichetRequest(h, jar, 'GET', `/en/staff/clients/${client.id}`);
    assert.equal(first.statusCode, 303);
    assert.match(
      String(first.headers.location),
      new RegExp(`^/en/staff/clients/${client.id}/purpose\\?return=`),
    );
    const form = await guichetRequest(h, jar, 'GET', String(first.headers.location));
    assert.match(form.body, /Why are you opening this file\?/);
    assert.match(form.body, /The client agrees that I act on their behalf/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const missing = await guichetRequest(h, jar, 'POST', `/en/staff/clients/${client.id}/purpose`, {
      _csrf: csrf,
    });
    assert.match(String(missing.headers.location), /purpose/);
    const errorPage = await guichetRequest(h, jar, 'GET', String(missing.headers.location));
    assert.match(errorPage.body, /Select why you are opening this file/);
    const stated = await guichetRequest(h, jar, 'POST', `/en/staff/clients/${client.id}/purpose`, {
      _csrf: csrf,
      purpose: 'phone-call',
      consent: 'yes',
    });
    assert.equal(stated.headers.location, `/en/staff/clients/${client.id}`);
    const file = await guichetRequest(h, jar, 'GET', `/en/staff/clients/${client.id}`);
    assert.equal(file.statusCode, 200);
    assert.match(file.body, /Amélie Tremblay/);
    assert.match(file.body, /The client is on the phone with me/);
    const audit = await h.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'staff.client-file.open')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.purpose, 'phone-call');
    assert.equal(audit[0]?.channel, 'phone');
    assert.equal(audit[0]?.subject_person_id, client.id);
  });

  it('an analyst cannot open client files (least privilege)', async () => {
    const { jar } = await signIn(h, 'staff', 'analyst');
    const response = await guichetRequest(h, jar, 'GET', `/en/staff/clients/${client.id}`);
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /You cannot see this page/);
    const denied = await h.database.db
      .selectFrom('audit_event')
      .select('outcome')
      .where('action', '=', 'authorization.denied')
      .execute();
    assert.ok(denied.length >= 1);
  });

  it('people cannot use the staff workspace, and anonymous visitors go to the staff sign-in', async () => {
    const { jar } = await signIn(h, 'bc', 'harpreet.singh');
    assert.equal((await guichetRequest(h, jar, 'GET', '/fr/personnel')).statusCode, 403);
    // The refusal is on the record of the person who tried (issue 11).
    const denied = await h.database.db
      .selectFrom('audit_event')
      .select('subject_person_id')
      .where('action', '=', 'authorization.denied')
      .where('actor_type', '=', 'person')
      .execute();
    assert.ok(denied.length >= 1 && denied.every((row) => row.subject_person_id !== null));
    const anonymous = await guichetRequest(h, new CookieJar(), 'GET', '/en/staff');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/en\/staff\/sign-in/);
  });

  it("an administrator manages others' roles but never their own; changes apply at once", async () => {
    const { jar: analyst } = await signIn(h, 'staff', 'analyst');
    const { jar: admin } = await signIn(h, 'staff', 'administrator');
    const page = await guichetRequest(h, admin, 'GET', '/en/staff/roles');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /You cannot change your own roles/);
    const staff = await h.database.db.selectFrom('identity_staff').select(['id', 'display_name']).execute();
    const self = staff.find((s) => s.display_name === 'Ada Administrator');
    const target = staff.find((s) => s.display_name === 'Ana Analyst');
    assert.ok(self && target);
    const csrf = await csrfFrom(h, admin, '/en/staff/roles');
    const selfChange = await guichetRequest(h, admin, 'POST', `/en/staff/roles/${self.id}`, {
      _csrf: csrf,
      role: 'supervisor',
      action: 'grant',
    });
    assert.equal(selfChange.headers.location, '/en/staff/roles');
    const refused = await guichetRequest(h, admin, 'GET', '/en/staff/roles');
    assert.match(refused.body, /error-summary/);
    const roles = await h.database.db
      .selectFrom('identity_staff_role')
      .select('role')
      .where('staff_id', '=', self.id)
      .execute();
    assert.deepEqual(
      roles.map((r) => r.role),
      ['administrator'],
    );
    await guichetRequest(h, admin, 'POST', `/en/staff/roles/${target.id}`, {
      _csrf: csrf,
      role: 'agent',
      action: 'grant',
    });
    const now = await guichetRequest(h, analyst, 'GET', `/en/staff/clients/${client.id}`);
    assert.equal(now.statusCode, 303, 'the analyst, now also an agent, is asked for a purpose');
    const audit = await h.database.db
      .selectFrom('audit_event')
      .select(['outcome'])
      .where('action', '=', 'identity.staff.role-change')
      .execute();
    assert.deepEqual(audit.map((a) => a.outcome).sort(), ['denied', 'success']);
  });

  it('a non-administrator cannot reach role management', async () => {
    const { jar } = await signIn(h, 'staff', 'supervisor');
    assert.equal((await guichetRequest(h, jar, 'GET', '/en/staff/roles')).statusCode, 403);
  });

  it('disabling a staff account ends its sessions at the next request (ASVS 7.4.2)', async () => {
    const { jar } = await signIn(h, 'staff', 'tribunal');
    assert.equal((await guichetRequest(h, jar, 'GET', '/en/staff')).statusCode, 200);
    await h.database.db
      .updateTable('identity_staff')
      .set({ disabled_at: new Date() })
      .where('display_name', '=', 'Tomás Tribunal')
      .execute();
    const after = await guichetRequest(h, jar, 'GET', '/en/staff');
    assert.equal(after.statusCode, 303);
    assert.match(String(after.headers.location), /^\/en\/staff\/sign-in/);
  });
});
