import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNotifyStatus, NOTIFY_STATUS_MEANINGS, NOTIFY_STATUSES } from './notify-status.ts';

describe('GC Notify statuses', () => {
  it('has a label in both languages for every status, different in each', () => {
    for (const status of NOTIFY_STATUSES) {
      const { label } = NOTIFY_STATUS_MEANINGS[status];
      assert.ok(label.en.length > 0 && label.fr.length > 0 && label.en !== label.fr, status);
    }
  });

  it('falls back to paper only when the address or number does not work', () => {
    const paper = NOTIFY_STATUSES.filter((status) => NOTIFY_STATUS_MEANINGS[status].next === 'paper');
    assert.deepEqual(paper, ['permanent-failure']);
    assert.equal(NOTIFY_STATUS_MEANINGS['temporary-failure'].next, 'resend');
    assert.equal(NOTIFY_STATUS_MEANINGS['technical-failure'].next, 'resend');
  });

  it('waits on the in-transit statuses and stops on the final ones', () => {
    const waiting = NOTIFY_STATUSES.filter((status) => !NOTIFY_STATUS_MEANINGS[status].final);
    assert.deepEqual(waiting, ['created', 'sending', 'pending', 'pending-virus-check']);
    assert.ok(waiting.every((status) => NOTIFY_STATUS_MEANINGS[status].next === 'wait'));
  });

  it('recognises only the statuses GC Notify documents', () => {
    assert.ok(isNotifyStatus('delivered'));
    for (const value of ['Delivered', 'failed', '', null, 3]) assert.equal(isNotifyStatus(value), false);
  });
});
