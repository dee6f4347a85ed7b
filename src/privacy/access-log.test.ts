import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createAuditService } from '../platform/audit/audit.service.ts';
import type { AuditEntry } from '../platform/audit/audit.service.ts';
import { readAccessLog } from './access-log.ts';

interface Seen {
  at: string;
  action: string;
  agency?: string;
  purpose?: string;
  actor?: AuditEntry['actor'];
}

const TORONTO = 'America/Toronto';

describeOnBothDatabases('access log: quiet records, grouped by the database', (database) => {
  /** Writes the entries oldest first (the log's order), each at its own time, about a new person. */
  async function logOf(seen: readonly Seen[], options: { timeZone?: string; limit?: number } = {}) {
    const personId = randomUUID();
    let now = new Date();
    const audit = createAuditService(database().db, undefined, () => now);
    for (const entry of [...seen].reverse()) {
      now = new Date(entry.at);
      await audit.record({
        actor: entry.actor ?? {
          type: 'staff',
          id: 'staff-1',
          role: 'agent,supervisor',
          agencyId: entry.agency ?? 'esdc',
        },
        subjectPersonId: personId,
        action: entry.action,
        purpose: entry.purpose ?? 'phone-call',
        channel: 'phone',
        outcome: 'success',
        correlationId: randomUUID(),
      });
    }
    return readAccessLog(audit, personId, {
      limit: options.limit ?? 500,
      timeZone: options.timeZone ?? TORONTO,
    });
  }
  const view = (at: string, agency?: string): Seen => ({
    at,
    action: 'registry.profile.read',
    ...(agency ? { agency } : {}),
  });

  it('groups repeated views by the same office on the same day into one line with a count', async () => {
    const log = await logOf([
      view('2026-11-02T20:05:00Z'),
      view('2026-11-02T19:00:00Z'),
      view('2026-11-02T15:00:00Z'),
      view('2026-11-02T14:59:00Z', 'cra'),
      view('2026-11-01T15:00:00Z'),
    ]);
    assert.deepEqual(
      log.map((entry) => [entry.agencyId, entry.role, entry.accessor, entry.count]),
      [
        ['esdc', 'agent', 'staff', 3],
        ['cra', 'agent', 'staff', 1],
        ['esdc', 'agent', 'staff', 1],
      ],
    );
    assert.equal(log[0]?.firstAt.toISOString(), '2026-11-02T15:00:00.000Z');
    assert.equal(log[0]?.at.toISOString(), '2026-11-02T20:05:00.000Z');
  });

  it('splits views at midnight Eastern, in summer and in winter time', async () => {
    const log = await logOf([
      view('2026-07-10T04:00:00Z'), // 00:00 EDT, 10 July
      view('2026-07-10T03:59:00Z'), // 23:59 EDT, 9 July
      view('2026-01-10T05:00:00Z'), // 00:00 EST, 10 January
      view('2026-01-10T04:30:00Z'), // 23:30 EST, 9 January
      view('2026-01-09T05:10:00Z'), // 00:10 EST, 9 January
    ]);
    assert.deepEqual(
      log.map((entry) => entry.count),
      [1, 1, 1, 2],
    );
  });

  it('splits days in the reader’s own zone: two views Toronto counts as one day are two days in Edmonton', async () => {
    // 05:30 UTC on 2 November is 00:30 in Toronto (2 November) and 22:30 in Edmonton (1 November).
    const seen = [view('2026-11-02T15:00:00Z'), view('2026-11-02T05:30:00Z')];
    assert.deepEqual(
      (await logOf(seen, { timeZone: TORONTO })).map((entry) => entry.count),
      [2],
    );
    assert.deepEqual(
      (await logOf(seen, { timeZone: 'America/Edmonton' })).map((entry) => entry.count),
      [1, 1],
    );
  });

  it('groups the same office’s views for one purpose that day even when other lines come between them', async () => {
    const log = await logOf([
      view('2026-11-02T20:05:00Z'),
      { at: '2026-11-02T19:30:00Z', action: 'registry.address.update' },
      view('2026-11-02T19:00:00Z', 'cra'),
      view('2026-11-02T18:00:00Z'),
      view('2026-11-02T16:00:00Z', 'cra'),
      view('2026-11-02T15:00:00Z'),
      { ...view('2026-11-02T14:00:00Z'), purpose: 'in-person-visit' },
    ]);
    assert.deepEqual(
      log.map((entry) => [
        entry.action,
        entry.agencyId,
        entry.purpose,
        entry.count,
        entry.firstAt.toISOString(),
      ]),
      [
        ['registry.profile.read', 'esdc', 'phone-call', 3, '2026-11-02T15:00:00.000Z'],
        ['registry.address.update', 'esdc', 'phone-call', 1, '2026-11-02T19:30:00.000Z'],
        ['registry.profile.read', 'cra', 'phone-call', 2, '2026-11-02T16:00:00.000Z'],
        ['registry.profile.read', 'esdc', 'in-person-visit', 1, '2026-11-02T14:00:00.000Z'],
      ],
    );
    assert.equal(
      log[0]?.at.toISOString(),
      '2026-11-02T20:05:00.000Z',
      'the line stands at its most recent view',
    );
  });

  it('counts a list of statements as a view: the same list twice that day is one line', async () => {
    const log = await logOf([
      { at: '2026-11-02T20:05:00Z', action: 'payments.statements.list' },
      { at: '2026-11-02T19:30:00Z', action: 'payments.payments.read' },
      { at: '2026-11-02T15:00:00Z', action: 'payments.statements.list' },
    ]);
    assert.deepEqual(
      log.map((entry) => [entry.action, entry.count]),
      [
        ['payments.statements.list', 2],
        ['payments.payments.read', 1],
      ],
    );
  });

  it('never groups changes, leaves out session plumbing, and says "you" for the person', async () => {
    const you = { type: 'person', id: 'someone' } as const;
    const log = await logOf([
      { at: '2026-11-02T20:06:00Z', action: 'session.refresh', actor: you },
      { at: '2026-11-02T20:05:00Z', action: 'registry.address.update' },
      { at: '2026-11-02T20:04:00Z', action: 'registry.address.update' },
      { at: '2026-11-02T20:03:00Z', action: 'identity.sign-in', actor: you },
      { at: '2026-11-02T20:02:00Z', action: 'registry.profile.read', actor: you },
    ]);
    assert.deepEqual(
      log.map((entry) => [entry.action, entry.accessor, entry.role, entry.count]),
      [
        ['registry.address.update', 'staff', 'agent', 1],
        ['registry.address.update', 'staff', 'agent', 1],
        ['registry.profile.read', 'you', null, 1],
      ],
    );
  });

  it('groups only the most recent entries the page reads', async () => {
    const seen = ['20', '19', '18', '17'].map((hour) => view(`2026-11-02T${hour}:00:00Z`));
    assert.deepEqual(
      (await logOf(seen, { limit: 3 })).map((entry) => [entry.count, entry.firstAt.toISOString()]),
      [[3, '2026-11-02T18:00:00.000Z']],
    );
  });
});
