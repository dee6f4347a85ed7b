import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { createLogger } from './logger.ts';
import { scrubText, serializeError } from './log-serializers.ts';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ logLevel: 'trace' }, sink), text: () => lines.join('') };
}

describeOnBothDatabases('a database error reaches the log without its values', (database) => {
  it('drops the bound parameters, the detail and the values quoted in the message', async () => {
    const log = capture();
    const error = await sql`select ${'quokka.canary@example.org 046 454 286'}::uuid`
      .execute(database().db)
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    assert.ok(error instanceof Error);
    log.logger.error({ err: error }, 'unhandled error');
    log.logger.error(error);
    const text = log.text();
    assert.doesNotMatch(text, /quokka|046 454 286|046454286/);
    assert.match(text, /"errorCode":"22P02"/, 'the SQLSTATE is kept: it says what went wrong');
  });

  it('drops a unique violation’s `Key (…)=(…)` detail', async () => {
    const db = database().db;
    await sql`create temporary table canary_t (email text unique)`.execute(db);
    try {
      await sql`insert into canary_t values (${'quokka.canary@example.org'})`.execute(db);
      const error = await sql`insert into canary_t values (${'quokka.canary@example.org'})`.execute(db).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof Error);
      const logged = JSON.stringify(serializeError(error));
      assert.doesNotMatch(logged, /quokka/);
      assert.match(logged, /"errorCode":"23505"/);
    } finally {
      await sql`drop table canary_t`.execute(db);
    }
  });
});

it('scrubs values from any message: quoted text, addresses, numbers, queries', () => {
  assert.equal(
    scrubText('invalid input "Jane" for 046-454-286 from a@b.ca at /en/x?sin=1'),
    'invalid input [redacted] for [redacted] from [redacted] at /en/x[redacted]',
  );
  assert.equal(
    scrubText('Server listening at http://127.0.0.1:3000'),
    'Server listening at http://127.0.0.1:3000',
  );
});

it('keeps only whitelisted fields, the cause and the stack frames', () => {
  const inner = Object.assign(new Error('row "x"'), { params: ['secret'], rows: [{ sin: 1 }] });
  const outer = Object.assign(new Error('failed', { cause: inner }), {
    detail: 'Key (email)=(a@b.ca)',
    query: 'select',
    parameters: ['secret'],
    body: { sin: '1' },
    code: 'E_X',
  });
  const logged = serializeError(outer);
  assert.equal(logged.errorCode, 'E_X');
  assert.equal(logged.cause?.message, 'row [redacted]');
  assert.doesNotMatch(JSON.stringify(logged), /secret|a@b\.ca|"rows"|"detail"|"query"|"body"/);
  assert.ok(logged.stack?.startsWith('    at '));
});
