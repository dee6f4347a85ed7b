import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NoParametersForDateError, UnknownParameterError } from './errors.ts';
import {
  InvalidParameterFileError,
  PARAMETERS_DIR,
  ParameterStore,
  parseParameterFile,
  resolveParameter,
} from './parameters.ts';
import { createContext } from './context.ts';

const FILE = `
description_en: Test value
description_fr: Valeur d'essai
unit: cents
coverage_end: 2025-06-30
reference:
  - { title: Test, href: https://example.org }
values:
  2023-07-01: { value: 100 }
  2024-07-01: { value: 200 }
  2025-01-01: { value: null }
`;

test('resolves the value in force on a date', () => {
  const file = parseParameterFile('test/value', FILE);
  assert.equal(resolveParameter(file, '2023-07-01').value, 100);
  assert.equal(resolveParameter(file, '2024-06-30').value, 100);
  assert.deepEqual(
    { ...resolveParameter(file, '2024-12-31'), reference: undefined },
    { file: 'test/value.yaml', effective: '2024-07-01', value: 200, reference: undefined },
  );
});

test('NoParametersForDateError before the first entry, in a null gap and past coverage_end', () => {
  const file = parseParameterFile('test/value', FILE);
  for (const date of ['2023-06-30', '2025-01-01', '2025-07-01']) {
    assert.throws(() => resolveParameter(file, date), NoParametersForDateError, date);
  }
});

test('a file without coverage_end or reference is refused', () => {
  assert.throws(
    () => parseParameterFile('x', FILE.replace('coverage_end: 2025-06-30\n', '')),
    InvalidParameterFileError,
  );
  assert.throws(
    () => parseParameterFile('x', FILE.replace(/reference:\n.*\n/, '')),
    InvalidParameterFileError,
  );
});

test('unknown or malformed parameter paths are refused', () => {
  const store = new ParameterStore();
  assert.throws(() => store.param('no/such-thing', '2024-07-01'), UnknownParameterError);
  assert.throws(() => store.param('../etc/passwd', '2024-07-01'), UnknownParameterError);
});

test('every parameter file in the repository parses and cites a reference', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
    );
  const store = new ParameterStore();
  const files = walk(PARAMETERS_DIR);
  assert.ok(files.length > 10);
  for (const f of files) {
    const loaded = store.load(relative(PARAMETERS_DIR, f).replace(/\.yaml$/, ''));
    assert.ok(loaded.reference.length > 0, f);
  }
});

test('the tracing context records each resolution once, on the next step', () => {
  const ctx = createContext(new ParameterStore(), { tracing: true });
  ctx.param('ccb/max-under-6', '2024-07-15');
  ctx.step('rule.one', { resultCents: 1 });
  ctx.step('rule.two');
  const [one, two] = ctx.takeTrace();
  assert.deepEqual(
    one?.parameters?.map((p) => [p.file, p.effective, p.value]),
    [['ccb/max-under-6.yaml', '2024-07-01', 778700]],
  );
  assert.equal(two?.parameters, undefined);
  assert.deepEqual(ctx.takeTrace(), []);
});

test('an untraced context records nothing', () => {
  const ctx = createContext(new ParameterStore(), { tracing: false });
  assert.equal(ctx.param('ccb/max-under-6', '2024-07-15'), 778700);
  ctx.step('rule');
  assert.deepEqual(ctx.takeTrace(), []);
});
