import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createI18n } from './i18n.ts';
import { SERVICE_TIME_ZONE, timeZoneOfProvince } from './time-zones.ts';

const SRC = new URL('../../', import.meta.url).pathname;

/** Every `locales` folder under src/, found on disk so a new domain cannot be forgotten. */
function localeFolders(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory()) return [];
    return entry === 'locales' ? [path] : localeFolders(path);
  });
}

function flatten(node: unknown, prefix: string, into: Map<string, unknown>): void {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, `${prefix}.${key}`, into);
  } else into.set(prefix, node);
}

function keysOf(folder: string, lang: 'en' | 'fr'): Map<string, unknown> {
  const keys = new Map<string, unknown>();
  for (const file of readdirSync(join(folder, lang)).filter((f) => f.endsWith('.json'))) {
    flatten(JSON.parse(readFileSync(join(folder, lang, file), 'utf8')), file.replace(/\.json$/, ''), keys);
  }
  return keys;
}

const folders = localeFolders(SRC);

test('there are translation catalogues to check', () => {
  assert.ok(folders.length >= 3, `found ${folders.length} locales folders`);
});

for (const folder of folders) {
  test(`every key in ${folder.replace(SRC, 'src/')} exists and is non-empty in English and French`, () => {
    const en = keysOf(folder, 'en');
    const fr = keysOf(folder, 'fr');
    const problems: string[] = [];
    for (const [key, value] of en) {
      if (!fr.has(key)) problems.push(`missing in fr: ${key}`);
      if (typeof value !== 'string' || value.trim() === '') problems.push(`empty in en: ${key}`);
    }
    for (const [key, value] of fr) {
      if (!en.has(key)) problems.push(`missing in en: ${key}`);
      if (typeof value !== 'string' || value.trim() === '') problems.push(`empty in fr: ${key}`);
    }
    assert.deepEqual(problems, []);
  });
}

test('placeholders are filled and money and dates follow the locale', () => {
  const { translator } = createI18n(folders.map((folder) => new URL(`file://${folder}/`)));
  assert.equal(
    translator('en').t('errors.serverErrorReference', { reference: 'abc' }),
    'If you call us, quote this reference: abc',
  );
  assert.equal(translator('en').money(123456), '$1,234.56');
  assert.match(translator('fr').money(123456), /^1\s234,56\s\$$/);
  // The first of the month is "1er" in French (le 1er juillet 2026), other days as Intl writes them (issue #13).
  assert.equal(translator('fr').date('2026-07-01'), '1er juillet 2026');
  assert.equal(translator('fr').date('2026-07-11'), '11 juillet 2026');
  assert.equal(translator('fr').date('2026-07-21'), '21 juillet 2026');
  assert.equal(translator('en').date('2026-07-01'), 'July 1, 2026');
  assert.match(translator('fr').dateTime(new Date('2026-06-01T14:00:00Z')), /^1er juin 2026 à 10 h 00/);
  assert.throws(() => translator('en').t('common.doesNotExist'), /Missing en translation/);
});

test('French elides « de » before a name that starts with a vowel, and only where the catalogue asks', () => {
  const { translator } = createI18n(folders.map((folder) => new URL(`file://${folder}/`)));
  const fr = translator('fr');
  assert.equal(
    fr.t('decisions.explain.approved', { programme: 'Allocation canadienne pour enfants' }),
    'Votre demande d’Allocation canadienne pour enfants est approuvée.',
  );
  assert.equal(
    fr.t('decisions.explain.approved', { programme: 'Supplément de revenu garanti' }),
    'Votre demande de Supplément de revenu garanti est approuvée.',
  );
  assert.equal(fr.t('inbox.representing.conversations', { name: 'Émile Roy' }), 'Conversations d’Émile Roy');
  assert.equal(
    translator('en').t('decisions.explain.approved', { programme: 'Allowance' }),
    'Your application for Allowance is approved.',
  );
});

test('times are shown in the zone asked for, named, and in Eastern time otherwise', () => {
  const { translator } = createI18n(folders.map((folder) => new URL(`file://${folder}/`)));
  const winter = new Date('2026-01-15T15:00:00Z');
  assert.equal(translator('en').time(winter), '10:00 a.m. EST');
  assert.equal(translator('fr').time(winter), '10 h 00 HNE');
  assert.equal(translator('en').time(winter, timeZoneOfProvince('BC')), '7:00 a.m. PST');
  assert.equal(translator('fr').time(winter, timeZoneOfProvince('NL')), '11 h 30 HNT');
  assert.match(
    translator('fr').dateTime(winter, timeZoneOfProvince('SK')),
    /^15 janvier 2026 à 09 h 00 HNC$/,
  );
  // Saskatchewan keeps standard time all year; Alberta does not.
  const summer = new Date('2026-07-15T15:00:00Z');
  assert.equal(translator('en').time(summer, timeZoneOfProvince('SK')), '9:00 a.m. CST');
  assert.equal(translator('en').time(summer, timeZoneOfProvince('AB')), '9:00 a.m. MDT');
});

test('every province and territory has a zone Intl knows; an unknown one falls back to Eastern', () => {
  const codes = (
    JSON.parse(
      readFileSync(new URL('../../../reference-data/canada/jurisdictions.json', import.meta.url), 'utf8'),
    ) as {
      code: string;
      kind: string;
    }[]
  ).filter((j) => j.kind === 'province' || j.kind === 'territory');
  assert.equal(codes.length, 13);
  for (const { code } of codes) {
    const zone = timeZoneOfProvince(code);
    assert.ok(code === 'ON' || code === 'QC' || zone !== SERVICE_TIME_ZONE, `${code} has its own zone`);
    assert.doesNotThrow(() => new Intl.DateTimeFormat('en-CA', { timeZone: zone }));
  }
  assert.equal(timeZoneOfProvince(null), 'America/Toronto');
  assert.equal(timeZoneOfProvince('ZZ'), 'America/Toronto');
});
