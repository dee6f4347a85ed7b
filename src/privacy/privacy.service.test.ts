import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import {
  ADDRESS,
  agentContext,
  createHarness,
  createPerson,
  selfService,
} from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import type { PrivacyService } from './privacy.service.ts';

const DAY = 86_400_000;

describeOnBothDatabases('privacy: access log, download my data, disposition', (database) => {
  let h: RegistryHarness;
  let privacy: PrivacyService;
  before(async () => {
    // A one-year schedule: the two-year floor of the Privacy Regulations must still hold.
    h = await createHarness(database(), {}, { retentionClientRecordYears: 1 });
    privacy = h.privacy;
  });

  test('the access log names the role, agency, purpose and channel, never the staff member', async () => {
    const personId = await createPerson(h);
    await h.registry.getProfile(personId, agentContext('phone-call'));
    const [entry] = await privacy.accessLog(personId);
    assert.deepEqual(
      entry && {
        accessor: entry.accessor,
        role: entry.role,
        agencyId: entry.agencyId,
        purpose: entry.purpose,
        channel: entry.channel,
      },
      { accessor: 'staff', role: 'agent', agencyId: 'esdc', purpose: 'phone-call', channel: 'phone' },
    );
    assert.equal(JSON.stringify(entry).includes('staff-1'), false);
  });

  test('download my data holds the profile, changes, who was told, consents and the access log', async () => {
    const personId = await createPerson(h, { sin: '046454286' });
    await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
    await h.exchange.dispatcher.drain();
    const data = await privacy.downloadMyData(personId, selfService(personId));
    assert.deepEqual(Object.keys(data).sort(), [
      'accessLog',
      'changes',
      'consents',
      'enrolments',
      'generatedAt',
      'incomes',
      'profile',
      'whoWasTold',
    ]);
    assert.equal((data.whoWasTold as unknown[]).length, 1);
    assert.equal(JSON.stringify(data).includes('046454286'), false);
  });

  test('never disposes within two years of the last use nor under an open request; audits each disposition', async () => {
    const start = h.clock.now;
    const idle = await createPerson(h);
    const requested = await createPerson(h);
    await h.registry.changeAddress(idle, ADDRESS, selfService(idle));
    await h.registry.changeAddress(requested, ADDRESS, selfService(requested));
    const requestId = await privacy.openRequest(requested, 'access');
    h.clock.now = new Date(start.getTime() + 2 * 365 * DAY - DAY); // a 1-year schedule is raised to the 2-year floor
    assert.deepEqual(
      (await privacy.dispose({ dryRun: false })).disposed.filter((id) => id === idle),
      [],
    );
    h.clock.now = new Date(start.getTime() + 2 * 366 * DAY);
    const dry = await privacy.dispose({ dryRun: true });
    assert.ok(dry.disposed.includes(idle) && dry.heldForOpenRequest.includes(requested));
    assert.equal((await h.registry.getProfile(idle, agentContext())).givenName, 'Alex');
    const report = await privacy.dispose({ dryRun: false });
    assert.ok(report.disposed.includes(idle) && !report.disposed.includes(requested));
    const gone = await h.registry.getProfile(idle, agentContext());
    assert.deepEqual([gone.givenName, gone.sin, gone.addresses.length], ['-', null, 0]);
    assert.ok(
      (await h.audit.listForSubject(idle)).some((row) => row.action === 'privacy.disposition.client-record'),
    );
    await privacy.closeRequest(requestId);
    assert.ok((await privacy.dispose({ dryRun: false })).disposed.includes(requested));
    h.clock.now = start;
  });
});
