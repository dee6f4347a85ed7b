import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { ccbHousehold, recordingStatuses, submittedApplication } from '../../test/support/applications.ts';
import {
  createDecisionServices,
  stopDecisionServices,
} from '../../test/support/decisions/decision-services.ts';
import type { Services } from '../app.services.ts';
import { seedPopulation } from '../population/index.ts';

const TODAY = new Date('2026-11-20T15:00:00Z');
const CLEAR = 4_000_000; // a clear CCB approval: decided by the rules
const HIGH = 50_000_000; // no CCB at this income: a refusal, recommended to an adjudicator

// Submissions committed together (ADR 0017): a batch gives each submission what it gets alone.
describeOnBothDatabases('decisions: submissions committed together', (database) => {
  let services: Services;
  let people: string[];
  const statuses = recordingStatuses();
  before(async () => {
    const { db } = database();
    services = await createDecisionServices(db, () => TODAY, statuses);
    await seedPopulation(database(), services.crypto, { people: 12, seed: 77 });
    people = (await db.selectFrom('person').select('id').orderBy('id').execute()).map((r) => r.id);
  });
  after(() => stopDecisionServices(services));

  const scheduleOf = (personId: string) =>
    database()
      .db.selectFrom('enrolment_entitlement')
      .select(['amount_cents', 'valid_from', 'valid_to', 'decision_id'])
      .where('person_id', '=', personId)
      .where('programme_id', '=', 'ccb')
      .orderBy('valid_from')
      .execute();

  it('writes each case, decision, enrolment, schedule, status and audit entry as one at a time would', async () => {
    const { db } = database();
    const [a, b, c, alone] = people as [string, string, string, string];
    const first = submittedApplication(a, 'ccb', ccbHousehold(a, CLEAR));
    const refused = submittedApplication(b, 'ccb', ccbHousehold(b, HIGH));
    const third = submittedApplication(c, 'ccb', ccbHousehold(c, CLEAR));
    const again = submittedApplication(a, 'ccb', ccbHousehold(a, CLEAR)); // a's second application
    const batch = [first, refused, first, third, again];
    const outcomes = await services.decisions.handler.submittedMany(batch, db);
    assert.deepEqual(
      outcomes.map((o) => o.outcome),
      ['decided', 'queued', 'decided', 'decided', 'decided'],
    );
    const lone = submittedApplication(alone, 'ccb', ccbHousehold(alone, CLEAR));
    assert.equal((await services.decisions.handler.submitted(lone, db)).outcome, 'decided');

    const cases = await db
      .selectFrom('decision_case')
      .select(['application_id', 'status'])
      .where('person_id', 'in', [a, b, c])
      .execute();
    assert.equal(cases.length, 4, 'the repeated application is one case');
    const decisions = await db
      .selectFrom('decision')
      .select('case_id')
      .where('person_id', 'in', [a, b, c])
      .execute();
    assert.equal(decisions.length, 4, 'one decision each');
    assert.equal(statuses.statuses.get(first.applicationId), 'approved');
    assert.equal(statuses.statuses.get(refused.applicationId), 'in-review');
    assert.equal(statuses.statuses.get(again.applicationId), 'approved');

    const [loneSchedule] = await scheduleOf(alone);
    const [thirdSchedule] = await scheduleOf(c);
    assert.ok(loneSchedule && Number(loneSchedule.amount_cents) > 0);
    assert.deepEqual(
      { ...thirdSchedule, decision_id: null },
      { ...loneSchedule, decision_id: null },
      'the same household gets the same schedule in a batch as alone',
    );
    assert.deepEqual(await scheduleOf(b), [], 'a refusal waits for an adjudicator: no schedule');
    const enrolments = await db.selectFrom('enrolment').select('status').where('person_id', '=', a).execute();
    assert.deepEqual(enrolments, [{ status: 'active' }], 'one enrolment for the two applications');
    const aSchedule = await scheduleOf(a);
    assert.equal(aSchedule.length, 1, 'the second approval replaced the first period from the same day');
    const againCase = await db
      .selectFrom('decision_case as k')
      .innerJoin('decision as d', 'd.case_id', 'k.id')
      .select('d.id')
      .where('k.application_id', '=', again.applicationId)
      .executeTakeFirstOrThrow();
    assert.equal(aSchedule[0]?.decision_id, againCase.id, 'the later application, in the later round, wins');

    const audited = await db
      .selectFrom('audit_event')
      .select('action')
      .where('subject_person_id', 'in', [a, b, c])
      .where('action', 'like', 'decision.%')
      .execute();
    assert.deepEqual(audited.map((row) => row.action).sort(), [
      'decision.automated',
      'decision.automated',
      'decision.automated',
      'decision.recommended',
    ]);
  });

  it('answers a replayed batch from the cases on file and writes nothing again', async () => {
    const { db } = database();
    const [, , , , d, e] = people as [string, string, string, string, string, string];
    const batch = [
      submittedApplication(d, 'ccb', ccbHousehold(d, CLEAR)),
      submittedApplication(e, 'ccb', ccbHousehold(e, HIGH)),
    ];
    const first = await services.decisions.handler.submittedMany(batch, db);
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('decision')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('person_id', 'in', [d, e])
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const replay = await services.decisions.handler.submittedMany(batch, db);
    assert.deepEqual(replay, first);
    assert.equal(await count(), before);
  });
});
