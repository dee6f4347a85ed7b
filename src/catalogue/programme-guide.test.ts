import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guideFor, guideProgrammeIds } from './programme-guide.ts';
import type { GuidePorts } from './programme-guide.ts';
import { loadReferenceData } from './reference-data.ts';

const ports: GuidePorts = {
  nextPayments: (schedule) => (schedule === 'oas' ? ['2026-12-22', '2027-01-27'] : []),
  helpLinks: {
    contact: { en: '/en/c/:programmeId', fr: '/fr/c/:programmeId' },
    offices: { en: '/en/o', fr: '/fr/o' },
  },
  clock: () => new Date('2026-05-15T12:00:00Z'),
};

describe('programme guides: amounts read from the parameters in force, never typed', () => {
  it('every programme in the catalogue has a guide, and every guide a programme', () => {
    const ids = loadReferenceData()
      .programmes.map((programme) => programme.id)
      .sort();
    assert.deepEqual([...guideProgrammeIds()].sort(), ids);
  });

  it('OAS on 15 May 2026 shows the April 2026 quarter from the parameter file, cited', () => {
    const guide = guideFor('oas', '2026-05-15', ports);
    const age65 = guide?.amounts.find((amount) => amount.label === 'age65');
    assert.equal(age65?.current?.effective, '2026-04-01');
    assert.ok((age65?.current?.value ?? 0) > 70_000);
    assert.ok((age65?.reference.length ?? 0) > 0);
    assert.deepEqual(guide?.nextPayments, ['2026-12-22', '2027-01-27']);
  });

  it('past the last period on file, nothing is “current”: the latest on file is shown with its end date', () => {
    const guide = guideFor('oas', '2099-01-01', ports);
    const age65 = guide?.amounts[0];
    assert.equal(age65?.current, null);
    assert.ok(age65?.latest && age65.latest.effective <= age65.coverageEnd);
  });

  it('reads one entry of a table parameter (GST/HST credit per adult)', () => {
    const adult = guideFor('gst-hst-credit', '2026-05-15', ports)?.amounts[0];
    assert.equal(typeof adult?.current?.value, 'number');
  });
});
