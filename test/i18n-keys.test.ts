import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { LOCALE_DIRS } from '../src/app.ts';
import { createI18n } from '../src/platform/i18n/i18n.ts';

const SRC = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

function localeFolders(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory()) return [];
    return entry === 'locales' ? [path] : localeFolders(path);
  });
}

const i18n = createI18n(LOCALE_DIRS);
const NAMESPACES = new Set([...i18n.keys('en'), ...i18n.keys('fr')].map((key) => key.split('.')[0] ?? ''));

test('every locales folder under src/ is one the application loads', () => {
  const loaded = new Set(LOCALE_DIRS.map((dir) => dir.pathname.replace(/\/$/, '')));
  assert.deepEqual(
    localeFolders(SRC)
      .filter((folder) => !loaded.has(folder))
      .map((folder) => relative(SRC, folder)),
    [],
  );
});

test('every translation key written in full in the code exists in both catalogues', () => {
  // `t.t('ns.key')`, `t.has('ns.key')`, and the notices a module declares with `defineNotices('ns', [...])`.
  const used = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    // Any translator's `.t('…')` / `.has('…')` (t, view.t, translator…), in a catalogue's namespace; not a
    // permission set's `permissions.has('payments.release')`.
    for (const match of text.matchAll(/(?<!permissions)\.(?:t|has)\(\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g))
      if (NAMESPACES.has((match[1] ?? '').split('.')[0] ?? '')) used.set(match[1] ?? '', relative(SRC, file));
    for (const match of text.matchAll(/defineNotices\(\s*'([\w.]+)',\s*\[([^\]]*)\]/g))
      for (const key of (match[2] ?? '').matchAll(/'([\w-]+)'/g))
        used.set(`${match[1]}.${key[1]}`, relative(SRC, file));
  }
  assert.ok(used.size > 200, `found only ${used.size} keys: the scan is broken`);
  const missing = [...used]
    .filter(([key]) => !i18n.keys('en').has(key) || !i18n.keys('fr').has(key))
    .map(([key, file]) => `${key} (${file})`);
  assert.deepEqual(missing, []);
});

test('every translation key built from a template (`errors.${key}Title`) matches keys in both catalogues', () => {
  // A family of keys renamed or never written in one language fails here, not on a page in production.
  const problems: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\.t\(\s*`([a-z][\w-]*\.[^`]*)`/g)) {
      const template = match[1] ?? '';
      if (!NAMESPACES.has(template.split('.')[0] ?? '')) continue;
      const pattern = new RegExp(
        `^${template
          .split(/\$\{[^}]*\}/)
          .map((part) => part.replace(/[.*+?^()|[\]\\]/g, '\\$&'))
          .join('.+')}$`,
      );
      for (const lang of ['en', 'fr'] as const)
        if (![...i18n.keys(lang)].some((key) => pattern.test(key)))
          problems.push(`${template} (${relative(SRC, file)}, ${lang})`);
    }
  }
  assert.deepEqual(problems, []);
});
