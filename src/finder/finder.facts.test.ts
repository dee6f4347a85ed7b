import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cannotApply, missingFacts } from './finder.facts.ts';
import type { ProgrammeResult } from '../rules/index.ts';

const result = (status: ProgrammeResult['status'], reasons: string[]): ProgrammeResult => ({
  programme: 'x',
  status,
  annualCents: status === 'not-eligible' ? 0 : null,
  periodCents: null,
  period: null,
  reasons,
  missingFacts: [],
  citations: [],
  trace: [],
});

test('missing facts are named once each, for whom they are missing', () => {
  const ids = ['you', 'partner', 'child1'];
  assert.deepEqual(
    missingFacts(
      [
        '/people/1/residence/status',
        '/people/0/socialAssistance/monthlyNetEarningsCents',
        '/people/0/socialAssistance/monthlyOtherIncomeCents',
        '/people/2/ei/weeks',
        '/shelterCostCents',
      ],
      ids,
    ),
    [
      { owner: 'partner', fact: 'residence-status' },
      { owner: 'you', fact: 'monthly-income' },
      { owner: 'child', fact: 'other' },
      { owner: 'household', fact: 'shelter-cost' },
    ],
  );
});

test('only an age or a province, and never a missing fact, hides a programme', () => {
  assert.equal(cannotApply(result('not-eligible', ['oas.under-age', 'engine.estimated-rates'])), true);
  assert.equal(cannotApply(result('not-eligible', ['social-assistance.other-province'])), true);
  assert.equal(cannotApply(result('not-eligible', ['ccb.no-eligible-child'])), false);
  assert.equal(cannotApply(result('cannot-tell', ['oas.under-age'])), false);
  assert.equal(cannotApply(result('not-eligible', ['engine.estimated-rates'])), false);
});
