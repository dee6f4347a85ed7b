import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createCatalogueService } from '../catalogue/catalogue.service.ts';
import { loadReferenceData } from '../catalogue/reference-data.ts';
import { createPopulationReader } from '../person/index.ts';
import type { RegisterHousehold } from '../person/index.ts';
import { createAuditService } from '../platform/audit/audit.service.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import { seedPopulation } from '../population/index.ts';
import { evaluateHousehold } from '../rules/index.ts';
import { frameFor, prepareHousehold, toRulesHousehold } from './policy.households.ts';
import { createPolicyService } from './policy.service.ts';

const crypto = createFieldCrypto(
  { encryptionKeys: [{ id: 'test1', key: randomBytes(32) }], lookupHashKey: randomBytes(32) },
  { threads: 0 },
);
after(() => crypto.close());

const FROM = '2025-01-15';
const TO = '2026-01-15';
const STAFF = { type: 'staff' as const, id: null, role: 'policy-analyst' };

describeOnBothDatabases('parameter release preview', (database) => {
  it('previews the impact of the rates of two dates on the whole register', async () => {
    const db = database().db;
    await createCatalogueService(db).seedReferenceData(loadReferenceData());
    await seedPopulation(database(), crypto, { people: 1_500, seed: 7 });
    const audit = createAuditService(db);
    const reader = createPopulationReader(db, crypto.cipher, audit);
    const policy = createPolicyService({ population: reader });
    const preview = await policy.previewRelease({
      from: FROM,
      to: TO,
      withImpact: true,
      actor: STAFF,
      channel: 'system',
    });
    const impact = preview.impact;
    assert.ok(impact);
    assert.equal(impact.people, 1_500);

    const ympe = preview.changes.find((c) => c.parameter === 'cpp/ympe');
    assert.deepEqual([ympe?.before?.value, ympe?.after?.value], [71_300_00, 74_600_00]);
    assert.ok((ympe?.reference.length ?? 0) > 0, 'every change carries its citations');

    // The same sums, household by household through the engine's traced path.
    const households: RegisterHousehold[] = [];
    for await (const page of reader.readHouseholds({
      actor: STAFF,
      purpose: 'test',
      channel: 'system',
      correlationId: 'c',
    }))
      households.push(...page);
    assert.equal(households.length, impact.households);
    const gst = impact.programmes.find((p) => p.programme === 'gst-credit');
    const totalOn = (date: string) =>
      households.reduce((sum, h) => {
        const [r] = evaluateHousehold(toRulesHousehold(prepareHousehold(h), frameFor(date, FROM)), {
          asOf: date,
          programmes: ['gst-credit'],
          trace: false,
        }).results;
        return sum + (r?.annualCents ?? 0);
      }, 0);
    assert.equal(gst?.beforeCents, totalOn(FROM));
    assert.equal(gst?.afterCents, totalOn(TO));
    assert.ok((gst?.householdsAffected ?? 0) > 0, 'the new GST/HST credit amounts change some households');

    const sum = (xs: readonly { changeCents: number }[]) => xs.reduce((s, x) => s + x.changeCents, 0);
    assert.equal(Math.round(sum(impact.deciles)), Math.round(impact.changeCents));
    assert.equal(Math.round(sum(impact.provinces)), Math.round(impact.changeCents));
    assert.equal(
      impact.deciles.reduce((s, d) => s + d.households, 0),
      impact.households,
    );
    const incomes = impact.deciles.map((d) => d.upperIncomeCents ?? 0);
    assert.deepEqual(
      incomes,
      [...incomes].sort((a, b) => a - b),
      'deciles run from lowest to highest income',
    );

    const audited = await db
      .selectFrom('audit_event')
      .select(['action', 'purpose'])
      .where('action', '=', 'person.register.bulk-read')
      .execute();
    assert.ok(
      audited.some((row) => row.purpose === 'policy-analysis'),
      'the bulk read is in the audit log',
    );
  });

  it('refuses a date that is not one, naming the field', async () => {
    const policy = createPolicyService({
      population: createPopulationReader(database().db, crypto.cipher, createAuditService(database().db)),
    });
    await assert.rejects(
      policy.previewRelease({
        from: '2025-13-01',
        to: TO,
        withImpact: false,
        actor: STAFF,
        channel: 'system',
      }),
      { name: 'InvalidReleaseDatesError', field: 'from' },
    );
  });
});
