import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadHelpData } from './help-data.ts';
import { distanceKm, findNearestOffices, normalisePostalCode } from './office-finder.ts';

const data = loadHelpData();

describe('office finder: nearest offices by postal code, no script needed', () => {
  it('reads postal codes as people type them, and refuses what cannot be one', () => {
    for (const [typed, expected] of [
      ['k1a0b1', 'K1A 0B1'],
      ['  H2Z 1X4 ', 'H2Z 1X4'],
      ['v5t  1z3', 'V5T 1Z3'],
      ['D1A 0B1', null], // no postal code starts with D
      ['K1A 0B', null],
      ['12345', null],
      ['', null],
    ] as const)
      assert.equal(normalisePostalCode(typed), expected, typed);
  });

  it('holds a realistic seed: at least thirty offices across every province, each complete', () => {
    assert.ok(data.offices.length >= 30);
    const provinces = new Set(data.offices.map((office) => office.province));
    for (const code of ['NL', 'NS', 'PE', 'NB', 'QC', 'ON', 'MB', 'SK', 'AB', 'BC'])
      assert.ok(provinces.has(code), code);
    for (const office of data.offices) {
      assert.ok(office.accessibility.length > 0 && office.services.length > 0, office.id);
      assert.ok(normalisePostalCode(office.postalCode), office.id);
    }
    assert.equal(new Set(data.offices.map((office) => office.id)).size, data.offices.length);
  });

  it('ranks the nearest first: downtown Montréal finds Guy-Favreau, Victoria finds Victoria', () => {
    const montreal = findNearestOffices(data, 'H3A 1A1');
    assert.equal(montreal?.precision, 'fsa');
    assert.equal(montreal?.province, 'QC');
    assert.equal(montreal?.nearest[0]?.office.id, 'sc-montreal-guy-favreau');
    const victoria = findNearestOffices(data, 'V8V 1A1');
    assert.ok(victoria?.nearest[0]?.office.city === 'Victoria');
    assert.ok((victoria?.nearest[0]?.km ?? 99) <= 2);
  });

  it('falls back to the postal district when the area is not on file, and says it is approximate', () => {
    const rural = findNearestOffices(data, 'S0K 2A0');
    assert.equal(rural?.precision, 'district');
    assert.equal(rural?.province, 'SK');
    assert.equal(rural?.nearest[0]?.office.province, 'SK');
  });

  it('measures great-circle distances (Ottawa to Montréal is about 165 km)', () => {
    const km = distanceKm({ lat: 45.42, lng: -75.7 }, { lat: 45.5, lng: -73.57 });
    assert.ok(km > 160 && km < 170, String(km));
  });

  it('has a contact line with hours and a source for every line, and flags what is not official', () => {
    for (const line of data.lines) {
      assert.ok(line.hours.en && line.hours.fr && line.source.startsWith('https://'), line.id);
      assert.equal(typeof line.official, 'boolean');
    }
    assert.equal(data.officesOfficial, false);
  });
});
