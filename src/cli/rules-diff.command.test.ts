import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffParameters } from '../rules/index.ts';
import { formatReleaseReport } from '../policy/index.ts';
import { parseDiffArgs } from './rules-diff.command.ts';
import { UsageError } from './usage-error.ts';

test('guichet rules diff takes two dates and two flags, and refuses anything else', () => {
  assert.deepEqual(parseDiffArgs(['2025-01-15', '2026-01-15']), {
    from: '2025-01-15',
    to: '2026-01-15',
    impact: true,
    json: false,
  });
  assert.deepEqual(parseDiffArgs(['--no-impact', '2025-01-15', '2026-01-15', '--json']), {
    from: '2025-01-15',
    to: '2026-01-15',
    impact: false,
    json: true,
  });
  assert.throws(() => parseDiffArgs(['2025-01-15']), UsageError);
  assert.throws(() => parseDiffArgs(['2025-01-15', '2026-01-15', '--all']), UsageError);
});

test('the report names each changed parameter with before, after and its sources', () => {
  const changes = diffParameters('2025-01-15', '2026-01-15');
  const report = formatReleaseReport({ from: '2025-01-15', to: '2026-01-15', changes, elapsedMs: 12 });
  assert.match(report, /Parameter changes from 2025-01-15 to 2026-01-15: \d+/);
  assert.match(
    report,
    /cpp\/ympe: .*\n {4}before: \$71,300 \(from 2025-01-01\)\n {4}after: {2}\$74,600 \(from 2026-01-01\)/,
  );
  assert.match(
    report,
    /source: CRA, CPP contribution rates, maximums and exemptions <https:\/\/www\.canada\.ca\//,
  );
  assert.match(
    report,
    /cwb\/amounts: [\s\S]*base-max-single: 163300 → 166500/,
    'a table shows only what changed',
  );
  assert.equal(
    diffParameters('2025-01-15', '2025-01-15').length,
    0,
    'nothing changes between a date and itself',
  );
});
