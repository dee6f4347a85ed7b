import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import {
  applyForCcb,
  createDecisionServices,
  redeterminationFor,
  stopDecisionServices,
} from '../../../test/support/decisions/decision-services.ts';
import type { Services } from '../../app.services.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../../population/index.ts';
import { RedeterminationStartedError } from './redetermination.service.ts';
import type { RedeterminationService, RedeterminationSummary } from './redetermination.service.ts';
import { runRedetermineCommand } from './redetermination-command.ts';

// Applications decided in November 2025 (CCB from December 2025); the benefit year from July 2026 reads
// the 2025 incomes the register holds.
const TODAY = new Date('2025-11-20T15:00:00Z');

describeOnBothDatabases('the July redetermination', (database) => {
  let services: Services;
  let redetermination: RedeterminationService;
  const people = DEMO_PEOPLE.slice(0, 3).map((p) => p.id);
  before(async () => {
    const db = database().db;
    services = await createDecisionServices(db, () => TODAY);
    await ensureDemoPeople(db, services.crypto);
    // Approved CCB applications give each an open entitlement from December 2025.
    await applyForCcb(services, db, people, new Date('2025-11-20T15:00:00Z'));
    redetermination = redeterminationFor(services, db, TODAY, { batchSize: 2 });
  });
  after(() => stopDecisionServices(services));

  const lettersOf = (year: number) =>
    database()
      .db.selectFrom('person_document')
      .select(['person_id', 'source_key'])
      .where('source_key', 'like', `redetermination:${year}:%`)
      .execute();

  it('re-evaluates every income-tested enrolment from July on the record, with one letter each', async () => {
    const progress: RedeterminationSummary[] = [];
    const summary = await redetermination.redetermine(2026, {
      resume: false,
      onProgress: (s) => progress.push(s),
    });
    assert.equal(summary.status, 'done');
    assert.equal(summary.personsTotal, people.length);
    assert.equal(summary.personsDone, people.length);
    assert.equal(summary.changed + summary.unchanged + summary.needsReview, people.length);
    assert.deepEqual(
      progress.map((p) => p.personsDone),
      [0, 2, 3, 3],
      'progress moves batch by batch',
    );
    const letters = await lettersOf(2026);
    assert.deepEqual(letters.map((l) => l.person_id).sort(), [...people].sort());
    const fromJuly = await database()
      .db.selectFrom('enrolment_entitlement')
      .select(['person_id', 'valid_from'])
      .where('programme_id', '=', 'ccb')
      .where('valid_from', '=', '2026-07-01')
      .execute();
    assert.equal(fromJuly.length, summary.changed, 'a new amount from July for each change, no other');
    const audit = await database()
      .db.selectFrom('audit_event')
      .select(['subject_person_id', 'action'])
      .where('action', 'in', ['redetermination.household.read', 'decision.redetermined'])
      .execute();
    const reads = audit.filter((a) => a.action === 'redetermination.household.read');
    assert.deepEqual(
      reads.map((a) => a.subject_person_id).sort(),
      [...people].sort(),
      'each read audited once',
    );
    assert.equal(
      audit.filter((a) => a.action === 'decision.redetermined').length,
      fromJuly.length,
      'each new decision audited',
    );
    const reviews = await database()
      .db.selectFrom('decision_case')
      .select(['person_id', 'status', 'review_kind'])
      .where('review_key', 'like', 'redetermination:2026:%')
      .execute();
    assert.equal(
      reviews.length,
      summary.needsReview,
      'each person the rules cannot settle has a review case',
    );
    assert.ok(reviews.every((r) => r.status === 'queued' && r.review_kind === 'redetermination'));
    const queued = await database().db.selectFrom('redetermination_letter').select('sent_at').execute();
    assert.equal(queued.length, people.length);
    assert.ok(
      queued.every((row) => row.sent_at !== null),
      'every queued letter marked sent',
    );
  });

  it('is idempotent: a second run and a resume change nothing and send no second letter', async () => {
    const before = await database().db.selectFrom('enrolment_entitlement').select('id').execute();
    const again = await redetermination.redetermine(2026, { resume: true });
    assert.equal(again.personsDone, people.length);
    const rerun = await redetermination.redetermine(2026, { resume: false });
    assert.equal(rerun.status, 'done');
    assert.equal(
      (await database().db.selectFrom('enrolment_entitlement').select('id').execute()).length,
      before.length,
    );
    assert.equal((await lettersOf(2026)).length, people.length);
  });

  it('says when a year is started and not finished, and the CLI prints the summary', async () => {
    await database()
      .db.insertInto('redetermination_run')
      .values({ benefit_year: 2027, resume_after: null, persons_total: 3 })
      .execute();
    await assert.rejects(redetermination.redetermine(2027, { resume: false }), RedeterminationStartedError);
    const out: string[] = [];
    const sink = { write: (text: string) => out.push(text) };
    assert.equal(
      await runRedetermineCommand(['--year', '2027'], redetermination, { progress: sink, result: sink }),
      2,
    );
    assert.equal(
      await runRedetermineCommand(['--year', '2027', '--resume'], redetermination, {
        progress: sink,
        result: sink,
      }),
      0,
    );
    assert.match(out.join(''), /2027 done 100% 3\/3 people/);
    assert.equal((await lettersOf(2027)).length, people.length);
  });
});
