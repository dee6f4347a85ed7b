import assert from 'node:assert/strict';
import { before, it, mock } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createHarness, createPerson, selfService } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { testConfig } from '../platform/config/config.ts';
import { helpPurgeCommand } from '../cli/help-purge.command.ts';
import { createHelpService } from './help.service.ts';
import type { HelpService } from './help.service.ts';
import type { HelpRequestInput } from './help-request.ts';

const DAY = 86_400_000;
const CALL_ME: HelpRequestInput = {
  kind: 'callback',
  programmeId: null,
  officeId: null,
  name: 'Noor Example',
  phone: '613-555-0199',
  lang: 'fr',
  timeOfDay: 'morning',
  days: [],
  accommodations: ['relay'],
  accommodationDetails: '',
  about: 'My pension',
};
const staff = {
  actor: { type: 'staff' as const, id: 'agent-1', role: 'agent' },
  channel: 'online' as const,
  purpose: 'help-request',
  correlationId: 'test',
};

describeOnBothDatabases(
  'call-back and appointment requests are deleted 90 days after they are closed',
  (database) => {
    let h: RegistryHarness;
    let help: HelpService;
    const ids = async () =>
      (await h.db.selectFrom('help_request').select('reference').execute()).map((r) => r.reference).sort();

    before(async () => {
      h = await createHarness(database());
      help = createHelpService({
        db: h.db,
        audit: h.audit,
        cipher: h.crypto.cipher,
        programmeIds: () => Promise.resolve([]),
        clock: h.clock,
      });
    });

    it('keeps an open request and one closed 89 days ago; deletes one closed 91 days ago, audited', async () => {
      const personId = await createPerson(h);
      const start = h.clock.now.getTime();
      const closedLongAgo = await help.submit(CALL_ME, personId, selfService(personId));
      const closedRecently = await help.submit(CALL_ME, null, selfService(personId));
      const stillOpen = await help.submit(CALL_ME, personId, selfService(personId));
      const [first, second] = await h.db
        .selectFrom('help_request')
        .select(['id', 'reference'])
        .where('reference', 'in', [closedLongAgo, closedRecently])
        .orderBy('reference')
        .execute();
      const byRef = new Map([first, second].map((row) => [row?.reference, row?.id]));
      assert.ok(await help.complete(byRef.get(closedLongAgo) ?? '', 'agent-1', staff));
      h.clock.now = new Date(start + 2 * DAY);
      assert.ok(await help.complete(byRef.get(closedRecently) ?? '', 'agent-1', staff));

      h.clock.now = new Date(start + 91 * DAY); // 91 days after the first was closed, 89 after the second
      const dry = await help.purgeClosed({ dryRun: true });
      assert.deepEqual([dry.dryRun, dry.purged], [true, 1]);
      assert.equal((await ids()).length, 3, 'a dry run deletes nothing');

      const report = await help.purgeClosed();
      assert.deepEqual([report.dryRun, report.purged], [false, 1]);
      assert.deepEqual(await ids(), [closedRecently, stillOpen].sort());
      const purged = (await h.audit.listForSubject(personId)).filter(
        (e) => e.action === 'help.request.purged',
      );
      assert.deepEqual(
        purged.map((e) => e.details),
        [{ reference: closedLongAgo, retentionDays: 90 }],
      );
      assert.equal((await help.purgeClosed()).purged, 0, 'nothing left to purge');

      h.clock.now = new Date(start + 93 * DAY);
      assert.equal((await help.purgeClosed()).purged, 1);
      assert.deepEqual(await ids(), [stillOpen], 'an open request is a task: it stays until handled');
    });
  },
);

it('`guichet help purge --dry-run --json` reports without deleting', async () => {
  const lines: string[] = [];
  const log = mock.method(console, 'log', (line: string) => lines.push(line));
  try {
    assert.equal(await helpPurgeCommand.run(['--dry-run', '--json'], () => testConfig()), 0);
  } finally {
    log.mock.restore();
  }
  const report = JSON.parse(lines.join('')) as { dryRun: boolean; purged: number };
  assert.deepEqual([report.dryRun, report.purged], [true, 0]);
});
