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
import { seedPopulation } from '../../population/index.ts';
import { assess } from '../assess.ts';
import { openRecord } from '../decision-record.ts';
import { explain } from '../explanation.ts';
import { loadDecisionPolicy, policyFor } from '../programme-policy.ts';
import { recordWithTrace } from '../record-trace.ts';
import { replayDecision } from '../replay.ts';

// Seeded families (with children, unlike the demo people) so that the rules re-rate some of them in July.
const TODAY = new Date('2025-11-20T15:00:00Z');

describeOnBothDatabases('a redetermination decision replayed', (database) => {
  let services: Services;
  before(async () => {
    const db = database().db;
    services = await createDecisionServices(db, () => TODAY);
    await seedPopulation(database(), services.crypto, { people: 24, seed: 2026 });
    const people = await db.selectFrom('person').select('id').orderBy('id').execute();
    await applyForCcb(
      services,
      db,
      people.map((p) => p.id),
      TODAY,
    );
    await redeterminationFor(services, db, TODAY).redetermine(2026, { resume: false });
  });
  after(() => stopDecisionServices(services));

  it('keeps each decision without its trace; replay reproduces its amount and its trace', async () => {
    const db = database().db;
    const decisions = await db
      .selectFrom('decision')
      .selectAll()
      .where('effective_from', '=', '2026-07-01')
      .execute();
    assert.ok(decisions.length > 0, 'the run re-rated someone');
    const policy = loadDecisionPolicy();
    const ccb = policyFor(policy, 'ccb');
    assert.ok(ccb);
    for (const row of decisions) {
      const report = await replayDecision(db, services.crypto.cipher, policy, row.id);
      assert.equal(
        report?.same,
        true,
        `replayed to the cent: ${report?.differences.join('; ') ?? 'missing'}`,
      );
      const record = openRecord(services.crypto.cipher, row.record_cipher);
      assert.equal(
        record.result?.periodCents,
        Number(row.amount_cents),
        'the amount paid is the recorded one',
      );
      assert.deepEqual(record.result.trace, [], 'the trace is not stored');
      assert.deepEqual(record.recompute, { asOf: '2026-07-01', rules: 'ccb' });
      const traced = assess(record.facts, record.applicantId, ccb, '2026-07-01', policy.fourEyesAboveCents);
      assert.equal(traced.award?.amountCents, Number(row.amount_cents), 'evaluated again, the same cents');
      const again = recordWithTrace(record);
      assert.ok((again.result?.trace.length ?? 0) > 0);
      assert.deepEqual(again.result?.trace, traced.result?.trace, 'the recomputed trace is the rules’ own');
      const explanation = explain(services.crypto.cipher, { ...row, reference: 'R' }, policy.reviewDays);
      assert.ok(explanation.figures.length > 0, 'the letter’s figures are derived again');
    }
  });

  it('sends no decision letter on top of the July letter that tells each new decision', async () => {
    const db = database().db;
    const redetermined = await db
      .selectFrom('decision')
      .select('id')
      .where('effective_from', '=', '2026-07-01')
      .execute();
    assert.ok(redetermined.length > 0, 'the run re-rated someone');
    await services.decisions.sendLetters(1_000);
    const decisionLetters = await db
      .selectFrom('person_document')
      .select('source_key')
      .where(
        'source_key',
        'in',
        redetermined.map((d) => `decision:${d.id}`),
      )
      .execute();
    assert.deepEqual(decisionLetters, []);
  });

  it('shows no figures when today’s rules no longer reach the recorded result', async () => {
    const row = await database()
      .db.selectFrom('decision')
      .selectAll()
      .where('effective_from', '=', '2026-07-01')
      .executeTakeFirstOrThrow();
    const record = openRecord(services.crypto.cipher, row.record_cipher);
    assert.ok(record.result);
    const altered = {
      ...record,
      result: { ...record.result, annualCents: (record.result.annualCents ?? 0) + 1 },
    };
    assert.deepEqual(recordWithTrace(altered).result?.trace, []);
  });
});
