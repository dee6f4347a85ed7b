import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { GuichetApp } from '../app.ts';
import { draftHousekeeping } from '../app.services.ts';
import { commands } from '../cli/commands.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../population/demo-people.ts';
import { buildTestApp } from '../../test/support/app.ts';
import { describeOnBothDatabases } from '../../test/support/databases.ts';

const JORDAN = DEMO_PEOPLE[1];
const DAY_MS = 86_400_000;
const STARTED = new Date('2026-11-02T15:00:00Z');
const self: AccessContext = {
  actor: { type: 'person', id: JORDAN.id },
  channel: 'online',
  purpose: 'self-service',
  correlationId: 'test',
};

describeOnBothDatabases('drafts expire with notice: a reminder a week before, then deleted', (database) => {
  let guichet: GuichetApp;
  let now = STARTED;
  let applicationId = '';
  const at = (days: number) => new Date(STARTED.getTime() + days * DAY_MS);
  before(async () => {
    guichet = await buildTestApp(database(), {}, () => now);
    await ensureDemoPeople(database().db, guichet.services.crypto);
    const started = await guichet.services.applications.applications.start(
      { personId: JORDAN.id, programmeId: 'ccb', channel: 'online', lang: 'en' },
      { kind: 'person', id: JORDAN.id, context: self },
    );
    assert.equal(started.kind, 'started');
    applicationId = started.kind === 'started' ? started.applicationId : '';
  });
  after(() => guichet.app.close());

  it('is not reminded while more than a week is left', async () => {
    now = at(20);
    assert.deepEqual(await draftHousekeeping(guichet.services, now), {
      reminded: 0,
      alreadyReminded: 0,
      purged: 0,
    });
  });

  it('is reminded once, in the inbox, with the date it will be deleted', async () => {
    now = at(24);
    const first = await draftHousekeeping(guichet.services, now);
    assert.equal(first.reminded, 1);
    const again = await draftHousekeeping(guichet.services, at(25));
    assert.deepEqual(again, { reminded: 0, alreadyReminded: 1, purged: 0 });
    const documents = await guichet.services.inbox.list(JORDAN.id);
    const reminder = documents.find((document) => document.kind === 'reminder');
    assert.ok(reminder, 'the reminder is a document in the inbox');
    const opened = await guichet.services.inbox.open(JORDAN.id, reminder.id, self);
    assert.match(opened?.letter.heading ?? '', /will be deleted on December 2, 2026/);
    assert.equal(opened?.letter.reference.value, reminder.caseId);
  });

  it('a draft saved again has a new date, and is reminded again before it', async () => {
    const open = await guichet.services.applications.applications.open(applicationId, {
      kind: 'person',
      id: JORDAN.id,
      context: self,
    });
    assert.ok(open);
    await guichet.services.applications.applications.confirmRecord(open.app, 'yes', open.actingAs);
    now = at(50);
    assert.equal((await draftHousekeeping(guichet.services, now)).reminded, 1);
  });

  it('is deleted once its date has passed, the deletion audited; the command is on the command line', async () => {
    now = at(56);
    assert.equal((await draftHousekeeping(guichet.services, now)).purged, 1);
    const left = await database().db.selectFrom('application').select('id').execute();
    assert.equal(left.length, 0);
    const audited = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'application.draft-expired')
      .where('subject_person_id', '=', JORDAN.id)
      .execute();
    assert.equal(audited.length, 1);
    assert.ok(commands['applications purge-drafts']);
  });
});
