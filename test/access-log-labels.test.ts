import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LOCALE_DIRS } from '../src/app.ts';
import { createI18n } from '../src/platform/i18n/i18n.ts';

// "Who looked at my file" translates each audit action; an action with no label reads "Other access to your
// information", which tells the person nothing. Every action the code writes must have its own words.
const SRC = new URL('../src/', import.meta.url).pathname;

// Written without a person as subject, or about the session rather than the person's information: never shown.
const NOT_SHOWN =
  /^(session\.|identity\.|authorization\.denied$|platform\.|payments\.(file|run|returns)\.(?!payees))/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Audit actions written as literals: `auditEntry(context, subject, 'an.action', …)` and `action: 'an.action'`. */
function auditActions(): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /auditEntry\(\s*[^,]+,\s*[^,]+,\s*'([a-z0-9.-]+)'/g,
    /\baction:\s*'([a-z0-9.-]+)'/g,
    // A module's own wrapper around auditEntry: `audited(context, personId, 'an.action', …)`.
    /\(\s*context,\s*[\w.?]+(?: \?\? null)?,\s*'([a-z0-9-]+\.[a-z0-9.-]+)'/g,
  ];
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1] ?? '');
    // A choice between actions: `auditEntry(context, subject, automated ? 'a.b' : 'a.c', …)`.
    for (const call of source.matchAll(/auditEntry\(([^;]{0,240})/g))
      for (const match of (call[1] ?? '').matchAll(
        /\?\s*'([a-z0-9-]+\.[a-z0-9.-]+)'\s*:\s*'([a-z0-9-]+\.[a-z0-9.-]+)'/g,
      )) {
        found.add(match[1] ?? '');
        found.add(match[2] ?? '');
      }
  }
  return found;
}

test('every audit action a person can see in their access log has words in both languages', () => {
  const i18n = createI18n(LOCALE_DIRS);
  const actions = [...auditActions()].filter((action) => !NOT_SHOWN.test(action));
  assert.ok(actions.length > 20, `only ${actions.length} audit actions found: the source scan is broken`);
  const missing = actions.flatMap((action) =>
    (['en', 'fr'] as const)
      .filter((lang) => !i18n.translator(lang).has(`privacy.actions.${action.replace(/\./g, '_')}`))
      .map((lang) => `${lang}: ${action}`),
  );
  assert.deepEqual(missing, []);
});
