// Two processes behind one port (WEB_CONCURRENCY=2): a session is read by both, and a sign-out through one is
// seen by the other; a person signs in (real OpenID Connect over HTTP, the demo provider served by both
// processes) through one and reads through the other; the rate limit is one limit across both. The cluster runs as a child process in its own process group, with its own timeout, and
// the whole group is killed in `after`, so this file always exits on its own.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { TEST_POSTGRES_URL, postgresUnavailableReason } from '../test/support/databases.ts';
import { dropSchema, openDatabase } from './platform/db/database.ts';
import type { Database } from './platform/db/database.ts';
import { hashToken } from './identity/session.service.ts';
import { insertSession } from './identity/session.repository.ts';
import { linkLogin, upsertLogin } from './identity/login.repository.ts';
import { DEMO_PASSWORD } from './stand-ins/identity-providers/demo-accounts.ts';
import { CookieJar } from '../test/support/app.ts';

const PORT = 3333;
const PROVIDER_PORT_BASE = 3870;
const RATE_LIMIT = 100;

/** The CSRF cookie and form token of a page (as `test/support/app.ts` does, without loading the whole app). */
function csrfFrom(answer: Answer): { cookie: string; token: string } {
  const setCookie = ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
  const cookie =
    setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('__Host-guichet-csrf=')) ?? '';
  return { cookie, token: /name="_csrf" value="([^"]+)"/.exec(answer.body)?.[1] ?? '' };
}
const START_TIMEOUT_MS = 150_000;
const skip = (await postgresUnavailableReason()) ?? false;

interface Answer {
  status: number;
  process: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request on its own connection, so the cluster may hand it to either process. */
function request(
  path: string,
  init: { method?: string; cookie?: string; form?: string; port?: number; localAddress?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: init.port ?? PORT,
        path,
        method: init.method ?? 'GET',
        agent: false,
        timeout: 20_000,
        ...(init.localAddress ? { localAddress: init.localAddress } : {}),
        headers: {
          ...(init.cookie ? { cookie: init.cookie } : {}),
          ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            process: String(res.headers['x-guichet-process'] ?? ''),
            headers: res.headers,
            body,
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(init.form);
  });
}

/** Asks until both processes have answered (each answer checked), at most `tries` times. */
async function fromBoth(path: string, cookie: string, check: (answer: Answer) => void, tries = 30) {
  const seen = new Set<string>();
  for (let i = 0; i < tries && seen.size < 2; i++) {
    const answer = await request(path, { cookie });
    check(answer);
    seen.add(answer.process);
  }
  return seen;
}

describe('two processes behind one port', { skip, timeout: 300_000 }, () => {
  const schema = `cluster_${randomBytes(4).toString('hex')}`;
  let child: ChildProcess | undefined;
  let database: Database | undefined;
  let output = '';

  before(async () => {
    database = await openDatabase({ databaseUrl: TEST_POSTGRES_URL, dataDir: null }, { schema });
    const url = new URL(TEST_POSTGRES_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    child = spawn(process.execPath, ['bin/guichet.js', 'serve'], {
      detached: true, // its own process group: killed whole in `after`
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        WEB_CONCURRENCY: '2',
        DATABASE_URL: url.toString(),
        PORT: String(PORT),
        PUBLIC_URL: `http://localhost:${PORT}`,
        IDENTITY_BUILTIN_PORT_BASE: String(PROVIDER_PORT_BASE),
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        DEMO_PEOPLE: '0',
        LOG_LEVEL: 'warn',
      },
    });
    const running = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start in time:\n${output}`)), START_TIMEOUT_MS);
      const watch = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (!output.includes('Guichet is running')) return;
        clearTimeout(timer);
        resolve();
      };
      running.stdout?.on('data', watch);
      running.stderr?.on('data', watch);
      running.once('exit', (code) => (clearTimeout(timer), reject(new Error(`exited ${code}:\n${output}`))));
    });
  });

  after(async () => {
    const running = child;
    if (running?.pid !== undefined && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      process.kill(-running.pid, 'SIGTERM');
      const timer = setTimeout(() => running.pid && process.kill(-running.pid, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    running?.stdout?.destroy();
    running?.stderr?.destroy();
    await database?.close();
    await dropSchema(TEST_POSTGRES_URL, schema).catch(() => undefined);
  });

  test('a session is read by both processes; signed out through one, the other refuses it', async () => {
    const db = (database as Database).db;
    const now = new Date();
    const household = randomUUID();
    const personId = randomUUID();
    await db.insertInto('household').values({ id: household, province_code: 'ON', is_demo: true }).execute();
    await db
      .insertInto('person')
      .values({
        id: personId,
        household_id: household,
        given_name: 'Cluster',
        family_name: 'Tester',
        birth_date: '1960-01-01',
        preferred_language: 'en',
        marital_status: 'single',
        sin_ciphertext: 'not-read-here',
        sin_lookup: `cluster-${personId}`,
        is_demo: true,
      })
      .execute();
    const login = await upsertLogin(
      db,
      { id: randomUUID(), provider_id: 'gckey', issuer: 'https://cluster.test', subject: randomUUID() },
      now,
    );
    await linkLogin(db, login.id, personId, 'letter-code', now);
    // What the sign-in callback stores; the cookie is what the browser then holds.
    const token = randomBytes(32).toString('base64url');
    await insertSession(db, {
      id_hash: hashToken(token),
      kind: 'person',
      login_id: login.id,
      staff_id: null,
      provider_id: 'gckey',
      provider_sid: null,
      assurance_level: 2,
      auth_time: now,
      second_factor_at: now,
      created_at: now,
      last_seen_at: now,
      ended_at: null,
      end_reason: null,
    });
    const session = `__Host-guichet-session=${token}`;

    let page: Answer | undefined;
    const served = await fromBoth('/en/my-guichet', session, (answer) => {
      assert.equal(answer.status, 200, answer.body.slice(0, 200));
      assert.match(answer.body, /Cluster/);
      page = answer;
    });
    assert.equal(served.size, 2, `both processes answer (saw ${[...served].join(', ')})`);

    assert.ok(page);
    const { cookie: csrfCookie, token: csrf } = csrfFrom(page);
    const out = await request('/en/sign-out', {
      method: 'POST',
      cookie: `${session}; ${csrfCookie}`,
      form: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    assert.equal(out.status, 303);

    const refused = await fromBoth('/en/my-guichet', session, (answer) => {
      assert.equal(answer.status, 303, 'the ended session is refused');
    });
    assert.equal(refused.size, 2, 'both processes refuse it');
  });

  test('a person signs in through one process and reads their pages through the other', async () => {
    const jar = new CookieJar();
    const start = await request('/en/sign-in/alberta');
    jar.store(start);
    assert.equal(start.status, 303, start.body.slice(0, 200));
    // The demo provider's pages, each on a new connection: both processes serve them, from the database.
    const provider = new CookieJar();
    const providerProcesses = new Set<string>();
    let url = new URL(String(start.headers.location));
    let form: string | undefined;
    for (let hop = 0; hop < 20 && url.port !== String(PORT); hop++) {
      const answer = await request(url.pathname + url.search, {
        port: Number(url.port),
        cookie: provider.header(),
        ...(form ? { method: 'POST', form } : {}),
      });
      provider.store(answer);
      providerProcesses.add(answer.process);
      form = undefined;
      if (answer.status === 200) {
        const action = /<form method="post" action="([^"]+)"/
          .exec(answer.body)?.[1]
          ?.replaceAll('&amp;', '&');
        assert.ok(action, answer.body.slice(0, 300));
        url = new URL(action, url);
        form = new URLSearchParams({ username: 'jordan.lee', password: DEMO_PASSWORD }).toString();
      } else {
        assert.ok(answer.status >= 300 && answer.status < 400, `provider answered ${answer.status}`);
        url = new URL(String(answer.headers.location), url);
      }
    }
    assert.equal(
      providerProcesses.size,
      2,
      `the provider was served by both processes (${[...providerProcesses]})`,
    );

    const callback = await request(url.pathname + url.search, { cookie: jar.header() });
    jar.store(callback);
    assert.equal(callback.status, 303, callback.body.slice(0, 200));
    assert.equal(callback.headers.location, '/en/my-guichet');
    const signedInBy = callback.process;

    const readers = await fromBoth('/en/my-guichet/profile', jar.header(), (answer) => {
      assert.equal(answer.status, 200, answer.body.slice(0, 200));
      assert.match(answer.body, /Jordan/);
    });
    assert.ok(
      [...readers].some((reader) => reader !== signedInBy),
      `signed in through ${signedInBy}, read through ${[...readers].join(' and ')}`,
    );
  });

  test('the rate limit is one limit across both processes', async () => {
    // A window must not end during the burst (windows are whole minutes).
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    // From an address of its own, so the other tests' requests do not count.
    const answers: Answer[] = [];
    for (let i = 0; i < RATE_LIMIT * 1.5; i++)
      answers.push(await request('/en', { localAddress: '127.0.0.9' }));
    const accepted = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 429);
    assert.equal(accepted.length, RATE_LIMIT, 'exactly the limit, not the limit in each process');
    assert.equal(refused.length, answers.length - RATE_LIMIT);
    assert.equal(new Set(accepted.map((answer) => answer.process)).size, 2, 'both processes served');
    assert.equal(new Set(refused.map((answer) => answer.process)).size, 2, 'both processes refused');
  });
});
