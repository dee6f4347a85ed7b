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
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { toMyDataExport } from './my-data-export.ts';
import { MY_DATA_SCHEMA } from './privacy.routes.ts';

/** The committed schema, compiled strictly: the bilingual description is its one extra keyword. */
function schemaValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv, ['date', 'date-time']);
  ajv.addKeyword('x-description-fr');
  return ajv.compile(JSON.parse(readFileSync(MY_DATA_SCHEMA, 'utf8')) as object);
}

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
    const [entry] = await privacy.accessLog(personId, 'America/Toronto');
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
    const data = await privacy.downloadMyData(personId, selfService(personId), 'json');
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
    assert.equal(data.whoWasTold.length, 1);
    assert.equal(JSON.stringify(data).includes('046454286'), false);
  });

  test('the JSON file follows its committed, bilingual schema and holds only this person’s data, audited', async () => {
    const personId = await createPerson(h, { sin: '193456787', givenName: 'Noor' });
    const other = await createPerson(h, { sin: '193456795', givenName: 'Wilhelmina' });
    await h.registry.changeAddress(personId, ADDRESS, selfService(personId), { reference: 'K7M-4RX-9CA' });
    await h.registry.changeDirectDeposit(
      personId,
      { institution: '003', transit: '01234', account: '7654321' },
      selfService(personId),
    );
    await h.registry.changeAddress(other, { ...ADDRESS, line1: '99 Other Lane' }, selfService(other));
    await h.exchange.dispatcher.drain();
    const file = toMyDataExport(
      await privacy.downloadMyData(personId, selfService(personId), 'json'),
      '/en/my-guichet/my-data.schema.json',
    );
    const validate = schemaValidator();
    assert.equal(validate(JSON.parse(JSON.stringify(file))), true, JSON.stringify(validate.errors));
    assert.equal(file.profile.givenName, 'Noor');
    assert.equal(file.changes.find((c) => c.element === 'address')?.reference, 'K7M-4RX-9CA');
    assert.equal(file.profile.directDeposit?.account, '••••321', 'the account is masked');
    const text = JSON.stringify(file);
    for (const secret of ['193456787', '7654321', 'Wilhelmina', '99 Other Lane', other])
      assert.equal(text.includes(secret), false, `${secret} in the file`);
    // Anything the schema does not describe is refused: a key added to the export must be documented.
    assert.equal(validate({ ...JSON.parse(text), extra: 1 }), false);
    const downloads = (await h.audit.listForSubject(personId)).filter((e) => e.action === 'privacy.download');
    assert.deepEqual(
      downloads.map((e) => e.details),
      [{ format: 'json' }],
    );
  });

  test('every key of the schema is described in English and in French', () => {
    const missing: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (
        'type' in record &&
        (typeof record.description !== 'string' || typeof record['x-description-fr'] !== 'string')
      )
        missing.push(at);
      for (const [key, child] of Object.entries(record.properties ?? {})) walk(child, `${at}.${key}`);
      if (record.items && typeof record.items === 'object' && 'properties' in record.items)
        walk(record.items, `${at}[]`);
    };
    walk(JSON.parse(readFileSync(MY_DATA_SCHEMA, 'utf8')), '$');
    assert.deepEqual(missing, []);
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
