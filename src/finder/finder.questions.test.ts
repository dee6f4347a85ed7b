import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextQuestion, pruneIrrelevant, relevantQuestions } from './finder.questions.ts';
import type { QuestionId } from './finder.questions.ts';
import type { FinderAnswers } from './finder.answers.ts';

const TODAY = '2025-09-15';
const ids = (answers: FinderAnswers) => relevantQuestions(answers, TODAY).map((q) => q.id);

test('partner, children, residence-years, disability and assistance questions appear only when they matter', () => {
  const young: FinderAnswers = {
    province: 'NS',
    birthDate: '1995-01-01',
    maritalStatus: 'single',
    childCount: 0,
  };
  assert.deepEqual(
    ids(young).filter(
      (id) =>
        ![
          'province',
          'residence-status',
          'birth-date',
          'marital-status',
          'children',
          'work-income',
          'other-income',
        ].includes(id),
    ),
    ['disability'],
  );
  const couple = {
    ...young,
    maritalStatus: 'married' as const,
    partnerBirthDate: '1960-01-01',
    childCount: 1,
  };
  for (const id of [
    'partner-birth-date',
    'partner-residence-status',
    'partner-work-income',
    'partner-other-income',
    'child-ages',
    'child-disability',
    'years-in-canada',
    'partner-years-in-canada',
  ] as const satisfies readonly QuestionId[]) {
    assert.ok(ids(couple).includes(id), id);
  }
  assert.ok(ids({ ...young, province: 'BC' }).includes('shelter-cost'));
  assert.ok(
    !ids({ ...young, birthDate: '1950-01-01' }).includes('disability'),
    'the disability tax credit question is for under 65',
  );
  assert.ok(ids({ ...couple, partnerBirthDate: '1990-01-01' }).includes('partner-disability'));
  assert.ok(!ids(couple).includes('partner-disability'), 'not for a partner aged 65 or more');
});

test('the next question is the first relevant one without an answer', () => {
  assert.equal(nextQuestion({}, TODAY)?.id, 'province');
  assert.equal(nextQuestion({ province: 'ON', residenceStatus: 'citizen' }, TODAY)?.id, 'birth-date');
});

test('answers that stopped mattering are dropped', () => {
  const answers: FinderAnswers = {
    province: 'ON',
    maritalStatus: 'single',
    partnerWorkIncomeCents: 5000,
    partnerResidenceStatus: 'citizen',
    childCount: 0,
    childAges: [3],
  };
  const pruned = pruneIrrelevant(answers, TODAY);
  assert.equal(pruned.partnerWorkIncomeCents, undefined);
  assert.equal(pruned.partnerResidenceStatus, undefined);
  assert.equal(pruned.childAges, undefined);
  assert.equal(pruned.province, 'ON');
});
