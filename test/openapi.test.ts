import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { GuichetApp } from '../src/app.ts';
import { buildTestApp } from './support/app.ts';
import { openTestDatabase } from './support/databases.ts';
import type { TestDatabase } from './support/databases.ts';

interface Operation {
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
}

/**
 * The OpenAPI document and the behaviour cannot drift: every operation that takes a body publishes its
 * schema, and the server refuses, with problem details naming the field, what that schema forbids.
 */
describe('the API validates requests with the schemas its OpenAPI document publishes', () => {
  let db: TestDatabase;
  let guichet: GuichetApp;
  before(async () => {
    db = await openTestDatabase('pglite');
    guichet = await buildTestApp(db.database);
  });
  after(async () => {
    await guichet.app.close();
    await db.dispose();
  });

  const operations = () =>
    Object.entries(guichet.openapi.document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        path,
        method,
        operation: operation as Operation,
      })),
    );

  test('every operation that takes a body names its request schema', () => {
    const withBody = operations().filter(({ method }) => ['post', 'put', 'patch'].includes(method));
    assert.ok(withBody.length > 0, 'the document has operations with a body');
    for (const { path, method, operation } of withBody) {
      const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref ?? '';
      const name = ref.replace('#/components/schemas/', '');
      assert.ok(guichet.openapi.document.components.schemas[name], `${method} ${path} has no request schema`);
    }
  });

  test('an unknown property or a value of the wrong type is refused as the schema says, naming it', async () => {
    for (const { path, method } of operations().filter((op) => op.method === 'post')) {
      const send = (payload: unknown) =>
        guichet.app.inject({
          method: 'POST',
          url: path,
          headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
          payload: JSON.stringify(payload),
        });
      const unknown = await send({ household: {}, notInTheSchema: true });
      assert.equal(unknown.statusCode, 400, `${method} ${path}`);
      const problem = unknown.json<{ errors: { pointer: string }[]; title: string }>();
      assert.ok(
        problem.errors.some((e) => e.pointer === '/notInTheSchema'),
        JSON.stringify(problem.errors),
      );
      assert.equal(problem.title, 'Données non valides');
    }
    const numericDate = await guichet.app.inject({
      method: 'POST',
      url: '/api/v1/evaluate',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        household: { province: 'ON', people: [{ id: 'p', birthDate: '1960-01-01' }] },
        date: 20250901,
      }),
    });
    assert.equal(numericDate.statusCode, 400, 'a numeric date is refused, not replaced by today');
    assert.ok(
      numericDate.json<{ errors: { pointer: string }[] }>().errors.some((e) => e.pointer === '/date'),
    );
  });
});
