#!/usr/bin/env node
// Runs the whole suite with node's test runner through tsx.
//   --only unit   unit, route and database tests (src/**, test/**)
//   --only e2e    browser journeys (e2e/**)
// With GUICHET_REQUIRE_FULL=1 (set by .ci/run) any skipped test fails the run: on CI PostgreSQL,
// Chromium and the shared oracle are always present, so a skip there means something is broken.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : 'all';

function findTests(dir) {
  let found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found = found.concat(findTests(path));
    else if (entry.name.endsWith('.test.ts')) found.push(relative(root, path));
  }
  return found;
}

const suites = { unit: ['src', 'test'], e2e: ['e2e'] };
const dirs = only === 'all' ? [...suites.unit, ...suites.e2e] : suites[only];
if (!dirs) {
  console.error(`Unknown suite "${only}". Use unit or e2e.`);
  process.exit(2);
}
const files = dirs.flatMap((dir) => {
  try {
    return findTests(join(root, dir));
  } catch {
    return [];
  }
});
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

// Guards so that a hung test fails the run with its name instead of running CI out of time: a test (and a
// test file: node applies the same limit to each file's process) that takes more than 20 minutes fails; a
// file whose tests have finished exits even if something leaked a handle (leaks are still bugs: close what
// you open); the whole run is stopped after 70 minutes, inside CI's 90.
const TEST_TIMEOUT_MS = 20 * 60_000;
const RUN_TIMEOUT_MS = 70 * 60_000;
const tapFile = join(mkdtempSync(join(tmpdir(), 'guichet-test-')), 'results.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    '--test-force-exit',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
    timeout: RUN_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  },
);
if (result.error) console.error(`The test run was stopped: ${result.error.message}`);

const tap = readFileSync(tapFile, 'utf8');
const skipped = tap.split('\n').filter((line) => /^\s*ok .*# SKIP/.test(line));
// The summary lines may be missing when the runner force-exits: count the test lines themselves then.
const lines = (pattern) => tap.split('\n').filter((line) => pattern.test(line)).length;
const fallback = {
  pass: lines(/^\s*ok \d+ (?!.*# SKIP)/),
  fail: lines(/^\s*not ok \d+/),
  skipped: skipped.length,
};
const count = (name) => Number((tap.match(new RegExp(`^# ${name} (\\d+)`, 'm')) ?? [])[1] ?? fallback[name]);
console.log(`\n${count('pass')} passed, ${count('fail')} failed, ${count('skipped')} skipped`);
if (skipped.length > 0) {
  console.log('Skipped tests:');
  for (const line of skipped) console.log(`  ${line.trim()}`);
  if (process.env.GUICHET_REQUIRE_FULL === '1') {
    console.error('GUICHET_REQUIRE_FULL=1: skipped tests are not allowed on CI.');
    process.exit(1);
  }
}
process.exit(result.status ?? 1);
