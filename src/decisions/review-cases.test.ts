import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import {
  applyForCcb,
  createDecisionServices,
  redeterminationFor,
  stopDecisionServices,
} from '../../test/support/decisions/decision-services.ts';
import { ccbHousehold } from '../../test/support/applications.ts';
import type { Services } from '../app.services.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { seedPopulation } from '../population/index.ts';
import { assess } from './assess.ts';
import { openRecord } from './decision-record.ts';
import { loadDecisionPolicy, policyFor } from './programme-policy.ts';
import type { ReviewRequest } from './review-case.ts';

const TODAY = new Date('2025-11-20T15:00:00Z');
const FROM = '2026-07-01';
const CONTEXT: AccessContext = {
  actor: { type: 'system', id: 'redetermination' },
  channel: 'system',
  purpose: 'redetermination',
  correlationId: 'review-cases-test',
};

describeOnBothDatabases('review cases opened a page at a time', (database) => {
  let services: Services;
  let decisions: { personId: string; decisionId: string }[];
  before(async () => {
    const db = database().db;
    services = await createDecisionServices(db, () => TODAY);
    await seedPopulation(database(), services.crypto, { people: 24, seed: 2026 });
    const people = await db.selectFrom('person').select('id').orderBy('id').execute();
    await applyForCcb(
      services,
      db,
      people.map(({ id }) => id),
      TODAY,
    );
    decisions = (
      await db.selectFrom('decision').select(['id', 'person_id']).orderBy('person_id').limit(6).execute()
    ).map((d) => ({ personId: d.person_id, decisionId: d.id }));
  });
  after(() => stopDecisionServices(services));

  /** A refusal (an income far above the phase-out), an unclear answer (no people) and an approval, in turn. */
  const requests = (cause: string): ReviewRequest[] =>
    decisions.map(({ personId, decisionId }, i) => ({
      personId,
      decisionId,
      facts: [ccbHousehold(personId, 90_000_000), { province: 'ON', people: [] }, ccbHousehold(personId, 10)][
        i % 3
      ],
      from: FROM,
      key: `${cause}:${personId}:ccb`,
      kind: 'redetermination',
      reason: i % 3 === 1 ? 'cannot-tell' : 'no-longer-approved',
      context: CONTEXT,
    }));

  const open = (batch: readonly ReviewRequest[]) =>
    database()
      .db.transaction()
      .execute((trx) => services.decisions.openReviews(trx, batch));

  /** A case and its recommendation as the adjudicator sees them, without what is new on each opening. */
  async function casesOf(cause: string) {
    const db = database().db;
    const cases = await db
      .selectFrom('decision_case')
      .selectAll()
      .where('review_key', 'like', `${cause}:%`)
      .orderBy('person_id')
      .execute();
    return Promise.all(
      cases.map(async (c) => {
        const [decision, ...more] = await db
          .selectFrom('decision')
          .selectAll()
          .where('case_id', '=', c.id)
          .execute();
        assert.ok(decision);
        assert.equal(more.length, 0, 'one recommendation per case');
        const audits = await db
          .selectFrom('audit_event')
          .select(['subject_person_id', 'details'])
          .where('action', '=', 'decision.review-opened')
          .where('correlation_id', '=', CONTEXT.correlationId)
          .execute();
        const mine = audits.filter((a) => (a.details as { caseId?: string }).caseId === c.id);
        assert.equal(mine.length, 1, 'one audit entry per case');
        assert.equal(mine[0]?.subject_person_id, c.person_id);
        assert.equal((mine[0]?.details as { decisionId?: string }).decisionId, decision.id);
        const { id, reference, review_key, household_cipher, submitted_at, ...kase } = c;
        const record = openRecord(services.crypto.cipher, decision.record_cipher);
        return {
          kase,
          key: review_key?.slice(cause.length),
          household: services.crypto.cipher.decrypt(household_cipher),
          decision: [
            decision.kind,
            decision.outcome,
            decision.as_of,
            decision.effective_from,
            decision.final,
          ],
          version: [decision.rules_commit, decision.parameters_hash],
          record,
          references: [id.length, reference.length, submitted_at.getTime()],
        };
      }),
    );
  }

  /**
   * Each July case's recommendation is the rules' own on the household it keeps, as of July. Its record keeps
   * no trace (ADR 0025, addendum 2): the adjudicator who opens the case gets the rules' own trace, recomputed.
   */
  async function assertRulesRecommendation(cause: string) {
    const policy = loadDecisionPolicy();
    const ccb = policyFor(policy, 'ccb');
    assert.ok(ccb);
    const rows = await database()
      .db.selectFrom('decision_case as c')
      .innerJoin('decision as d', 'd.case_id', 'c.id')
      .select(['c.id', 'c.person_id', 'c.household_cipher', 'c.recommendation', 'd.record_cipher'])
      .where('c.review_key', 'like', `${cause}%`)
      .execute();
    assert.ok(rows.length > 0);
    for (const row of rows) {
      const facts: unknown = JSON.parse(services.crypto.cipher.decrypt(row.household_cipher));
      const expected = assess(facts, row.person_id, ccb, FROM, policy.fourEyesAboveCents);
      assert.equal(row.recommendation, expected.recommendation);
      const record = openRecord(services.crypto.cipher, row.record_cipher);
      assert.ok(expected.result && expected.result.trace.length > 0);
      assert.deepEqual(
        record.result,
        { ...expected.result, trace: [] },
        'the rules’ result, stored without its trace',
      );
      assert.deepEqual(record.recompute, { asOf: FROM, rules: ccb.rules });
      assert.deepEqual(record.facts, facts);
      const opened = await services.decisions.workqueue.open(row.id, CONTEXT);
      assert.deepEqual(
        opened?.decisions.map((d) => d.record.result),
        [expected.result],
        'opened, the recommendation has the rules’ own trace again',
      );
    }
  }

  it('opens the same cases, recommendations and audit entries as one request at a time', async () => {
    const batch = await open(requests('batch'));
    assert.equal(batch.length, decisions.length);
    assert.ok(batch.every((reference) => reference !== null));
    assert.equal(new Set(batch).size, batch.length, 'a reference each');
    for (const request of requests('single')) assert.notEqual((await open([request]))[0], null);
    const [together, alone] = [await casesOf('batch'), await casesOf('single')];
    assert.equal(together.length, decisions.length);
    assert.deepEqual(together, alone);
    const ccb = policyFor(loadDecisionPolicy(), 'ccb');
    assert.ok(ccb);
    const expected = requests('batch').map(
      (r) => assess(r.facts, r.personId, ccb, FROM, Infinity).recommendation,
    );
    assert.deepEqual(
      together.map((c) => c.kase.recommendation),
      expected,
      'the rules’ recommendation on the new facts',
    );
    assert.deepEqual(
      new Set(expected),
      new Set(['refuse', 'cannot-tell', 'approve']),
      'all three kinds seen',
    );
    assert.ok(
      together.every((c) => c.kase.status === 'queued' && c.record.result?.trace.length !== 0),
      'queued, the recommendation recorded with its trace',
    );
  });

  it('opens nothing and audits nothing again when the same page comes twice, or a cause twice in one page', async () => {
    const db = database().db;
    const count = async () => ({
      cases: (await db.selectFrom('decision_case').select('id').execute()).length,
      decisions: (await db.selectFrom('decision').select('id').execute()).length,
      audits: (
        await db
          .selectFrom('audit_event')
          .select('id')
          .where('action', '=', 'decision.review-opened')
          .execute()
      ).length,
    });
    const before = await count();
    assert.deepEqual(
      await open(requests('batch')),
      requests('batch').map(() => null),
    );
    assert.deepEqual(await count(), before);
    const twice = requests('twice');
    const opened = await open([...twice, ...twice]);
    assert.ok(opened.slice(0, twice.length).every((reference) => reference !== null));
    assert.deepEqual(
      opened.slice(twice.length),
      twice.map(() => null),
      'the second of a cause opens nothing',
    );
    assert.deepEqual(await count(), {
      cases: before.cases + twice.length,
      decisions: before.decisions + twice.length,
      audits: before.audits + twice.length,
    });
  });

  it('a July page replayed (its cursor put back) opens no second review case', async () => {
    const db = database().db;
    const redetermination = redeterminationFor(services, db, TODAY, { batchSize: 10 });
    const reviews = () =>
      db
        .selectFrom('decision_case')
        .select(['review_key', 'recommendation'])
        .where('review_key', 'like', 'redetermination:2026:%')
        .orderBy('review_key')
        .execute();
    const opened = () =>
      db
        .selectFrom('audit_event')
        .select('id')
        .where('action', '=', 'decision.review-opened')
        .where('correlation_id', '=', 'redetermination:2026')
        .execute();
    await redetermination.redetermine(2026, { resume: false });
    const first = await reviews();
    assert.ok(first.length > 0, 'the run opened review cases');
    await assertRulesRecommendation('redetermination:2026:');
    assert.equal((await opened()).length, first.length, 'one audit entry per case opened');
    await db
      .updateTable('redetermination_run')
      .set({ status: 'running', resume_after: null })
      .where('benefit_year', '=', 2026)
      .execute();
    await redetermination.redetermine(2026, { resume: true });
    assert.deepEqual(await reviews(), first);
    assert.equal((await opened()).length, first.length, 'no second audit entry');
  });
});
