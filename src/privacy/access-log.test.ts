import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditRow } from '../platform/audit/audit.repository.ts';
import { toAccessLog } from './access-log.ts';

const PERSON = '00000000-0000-4000-8000-000000000001';
const row = (at: string, action: string, agency = 'esdc'): AuditRow =>
  ({
    occurred_at: at,
    actor_type: 'staff',
    actor_id: 'staff-1',
    actor_role: 'agent',
    actor_agency_id: agency,
    action,
    purpose: 'phone-call',
    channel: 'phone',
    outcome: 'success',
  }) as unknown as AuditRow;

describe('access log: quiet records', () => {
  it('groups repeated views by the same office on the same day into one line with a count', () => {
    const rows = [
      row('2026-11-02T20:05:00Z', 'registry.profile.read'),
      row('2026-11-02T19:00:00Z', 'registry.profile.read'),
      row('2026-11-02T15:00:00Z', 'registry.profile.read'),
      row('2026-11-02T14:59:00Z', 'registry.profile.read', 'cra'),
      row('2026-11-01T15:00:00Z', 'registry.profile.read'),
    ];
    const log = toAccessLog(rows, PERSON);
    assert.deepEqual(
      log.map((entry) => [entry.agencyId, entry.count]),
      [
        ['esdc', 3],
        ['cra', 1],
        ['esdc', 1],
      ],
    );
    assert.equal(log[0]?.firstAt.toISOString(), '2026-11-02T15:00:00.000Z');
    assert.equal(log[0]?.at.toISOString(), '2026-11-02T20:05:00.000Z');
  });

  it('splits views at midnight Eastern, in summer and in winter time', () => {
    const rows = [
      row('2026-07-10T04:00:00Z', 'registry.profile.read'), // 00:00 EDT, 10 July
      row('2026-07-10T03:59:00Z', 'registry.profile.read'), // 23:59 EDT, 9 July
      row('2026-01-10T05:00:00Z', 'registry.profile.read'), // 00:00 EST, 10 January
      row('2026-01-10T04:30:00Z', 'registry.profile.read'), // 23:30 EST, 9 January
      row('2026-01-09T05:10:00Z', 'registry.profile.read'), // 00:10 EST, 9 January
    ];
    assert.deepEqual(
      toAccessLog(rows, PERSON).map((entry) => entry.count),
      [1, 1, 1, 2],
    );
  });

  it('groups the same office’s views for one purpose that day even when other lines come between them', () => {
    const rows = [
      row('2026-11-02T20:05:00Z', 'registry.profile.read'),
      row('2026-11-02T19:30:00Z', 'registry.address.update'),
      row('2026-11-02T19:00:00Z', 'registry.profile.read', 'cra'),
      row('2026-11-02T18:00:00Z', 'registry.profile.read'),
      row('2026-11-02T16:00:00Z', 'registry.profile.read', 'cra'),
      row('2026-11-02T15:00:00Z', 'registry.profile.read'),
      { ...row('2026-11-02T14:00:00Z', 'registry.profile.read'), purpose: 'in-person-visit' } as AuditRow,
    ];
    const log = toAccessLog(rows, PERSON);
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

  it('counts a list of statements as a view: the same list twice that day is one line', () => {
    const rows = [
      row('2026-11-02T20:05:00Z', 'payments.statements.list'),
      row('2026-11-02T19:30:00Z', 'payments.payments.read'),
      row('2026-11-02T15:00:00Z', 'payments.statements.list'),
    ];
    assert.deepEqual(
      toAccessLog(rows, PERSON).map((entry) => [entry.action, entry.count]),
      [
        ['payments.statements.list', 2],
        ['payments.payments.read', 1],
      ],
    );
  });

  it('never groups changes: each change stays a line', () => {
    const log = toAccessLog(
      [
        row('2026-11-02T20:05:00Z', 'registry.address.update'),
        row('2026-11-02T20:04:00Z', 'registry.address.update'),
      ],
      PERSON,
    );
    assert.equal(log.length, 2);
  });
});
