import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { citationIn, evaluateHousehold, parameterName, stepName } from './index.ts';
import type { Household } from './index.ts';
import { adult, dollars, family, household, income } from '../../test/support/rules/households.ts';

const PROGRAMMES_DIR = fileURLToPath(new URL('./programmes/', import.meta.url));

/** Every `{ title: '…', href: '…' }` the programmes cite, read from their source. */
function programmeCitations(): { title: string; href: string }[] {
  const found: { title: string; href: string }[] = [];
  const files = readdirSync(PROGRAMMES_DIR, { recursive: true, encoding: 'utf8' }).filter((name) =>
    name.endsWith('.programme.ts'),
  );
  for (const name of files) {
    const source = readFileSync(join(PROGRAMMES_DIR, name), 'utf8');
    for (const match of source.matchAll(/title:\s*'([^']+)',\s*href:\s*'([^']+)'/g))
      found.push({ title: match[1] ?? '', href: match[2] ?? '' });
  }
  return found;
}

test('every law a programme cites has a French title; a French page only where one is known', () => {
  const citations = programmeCitations();
  assert.ok(citations.length >= 25, `found ${citations.length} citations`);
  const untranslated = citations.filter((c) => citationIn('fr', c).title === c.title).map((c) => c.title);
  assert.deepEqual(untranslated, []);
  for (const c of citations) {
    const fr = citationIn('fr', c);
    if (fr.hrefLang === 'fr') assert.notEqual(fr.href, c.href, c.title);
    else assert.equal(fr.href, c.href, c.title);
    assert.deepEqual(citationIn('en', c), { title: c.title, href: c.href, hrefLang: 'en' });
  }
  // A citation the catalogue does not know stays as it is, its page marked English.
  assert.deepEqual(citationIn('fr', { title: 'Unknown Act', href: 'https://example.org/' }), {
    title: 'Unknown Act',
    href: 'https://example.org/',
    hrefLang: 'en',
  });
});

const SENIOR: Household = household([
  adult('s', '1955-03-01', income(dollars(14000), 2023, 2024, 2025), {
    residence: { status: 'citizen', livesInCanada: true, yearsInCanadaAfter18: 45 },
  }),
]);

test('every step that computes an amount, and every parameter it reads, has a name in both languages', () => {
  const households = [
    family(
      dollars(45000),
      [2023, 2024, 2025],
      [{ birthDate: '2022-05-01', dtc: true }, { birthDate: '2015-01-01' }],
    ),
    family(dollars(120000), [2023, 2024, 2025], [{ birthDate: '2020-05-01' }]),
    SENIOR,
  ];
  const unnamed = new Set<string>();
  const seen = new Set<string>();
  for (const h of households)
    for (const result of evaluateHousehold(h, { asOf: '2026-02-01', trace: true }).results)
      for (const step of result.trace) {
        for (const use of step.parameters ?? [])
          for (const lang of ['en', 'fr'] as const)
            if (!parameterName(lang, use.file)) unnamed.add(`${lang} ${use.file}`);
        if (step.resultCents === undefined) continue;
        seen.add(step.rule);
        for (const lang of ['en', 'fr'] as const)
          if (!stepName(lang, step.rule)) unnamed.add(`${lang} ${step.rule}`);
      }
  assert.deepEqual([...unnamed], []);
  // The households reach the steps a CCB, CDB, OAS and GIS decision shows.
  for (const rule of [
    'ccb.maximum',
    'ccb.reduction',
    'cdb.annual-amount',
    'oas.monthly-net',
    'gis.monthly-amount',
  ])
    assert.ok(seen.has(rule), `${rule} not reached: ${[...seen].join(', ')}`);
  assert.equal(stepName('fr', 'ccb.reduction'), 'Réduction selon le revenu de votre famille');
  assert.equal(
    parameterName('en', 'ccb/max-under-6.yaml'),
    'Maximum annual Canada child benefit for each child under 6',
  );
  assert.equal(parameterName('en', 'no/such-file.yaml'), undefined);
});

test('the step catalogues name the same steps in both languages', () => {
  const en = Object.keys(
    JSON.parse(readFileSync(new URL('./steps.en.json', import.meta.url), 'utf8')) as object,
  );
  const fr = Object.keys(
    JSON.parse(readFileSync(new URL('./steps.fr.json', import.meta.url), 'utf8')) as object,
  );
  assert.deepEqual(en.sort(), fr.sort());
});
