import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from './support/databases.ts';
import { formOf, startRouteDriver } from './support/route-driver.ts';
import type { RouteDriver } from './support/route-driver.ts';

/** Fictitious personal information, each written so it cannot occur in a log by chance. */
const CANARY = {
  sin: '046 454 286',
  email: 'quokka.canary@example.org',
  phone: '613-555-0142',
  income: '918372',
  text: 'Zanzibar-quokka-canary',
} as const;

/** Every way a canary could show up in a log line (spaces or dashes dropped, JSON-escaped). */
const TELLTALES = [
  CANARY.sin,
  CANARY.sin.replace(/ /g, ''),
  CANARY.sin.replace(/ /g, '-'),
  CANARY.sin.replace(/ /g, '+'),
  CANARY.email,
  'quokka.canary',
  CANARY.phone,
  CANARY.phone.replace(/-/g, ''),
  CANARY.income,
  'Zanzibar',
];

/** The canary a field of that name would hold. */
function canaryFor(name: string): string {
  if (/sin|social/i.test(name)) return CANARY.sin;
  if (/mail/i.test(name)) return CANARY.email;
  if (/phone|tel/i.test(name)) return CANARY.phone;
  if (/income|amount|cents|salary/i.test(name)) return CANARY.income;
  return `${CANARY.text} ${CANARY.sin} ${CANARY.email}`;
}

/**
 * Nothing personal reaches the log (issue 11): canary values are sent through every form and every API
 * operation — accepted, refused, malformed, with control characters — with the log at `trace`, and none
 * may appear in anything logged.
 */
describeOnBothDatabases('no personal information in the log, whatever the database', (database) => {
  let driver: RouteDriver;
  before(async () => {
    driver = await startRouteDriver(database());
  });
  after(async () => {
    await driver.guichet.app.close();
  });

  it('logs no canary from any form route, whatever is posted', async () => {
    const fields = await driver.formFieldNames();
    const routes = driver.postRoutes();
    for (const entry of routes) {
      await driver.send(entry, formOf(fields, canaryFor));
      await driver.send(
        entry,
        formOf(fields, (name) => `${canaryFor(name)}\u0000`),
      );
      await driver.send(entry, {
        contentType: 'application/json',
        payload: `{"sin":"${CANARY.sin}","email":"${CANARY.email}","text":"${CANARY.text}`,
      });
      await driver.send(entry, {
        contentType: 'application/xml',
        payload: `<a sin="${CANARY.sin}">${CANARY.email}</a>`,
      });
    }
    assertNoCanary(driver.log());
  });

  it('logs no canary from any page address carrying them in its query', async () => {
    const query = `?${new URLSearchParams({ sin: CANARY.sin, email: CANARY.email, q: CANARY.text, income: CANARY.income }).toString()}`;
    for (const entry of driver.getRoutes()) {
      await driver.send(entry, {}, query);
      await driver.send(entry, {}, `${query}%00`);
    }
    assertNoCanary(driver.log());
  });

  it('logs no canary from any API operation, accepted or refused', async () => {
    const { paths, components } = driver.guichet.openapi.document;
    let operations = 0;
    for (const [path, methods] of Object.entries(paths))
      for (const [method, operation] of Object.entries(methods)) {
        if (method !== 'post') continue;
        operations += 1;
        const entry = {
          method: 'POST',
          path: path.replace(/\{(\w+)\}/g, ':$1'),
          lang: null,
          access: 'public',
          requires: {},
        } as const;
        const schema = (
          operation.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined
        )?.content?.['application/json']?.schema;
        const sample = sampleOf(schema, components.schemas, 0);
        for (const payload of [
          JSON.stringify(sample),
          JSON.stringify({ ...(sample as object), unknown: CANARY.sin }),
          JSON.stringify(sample).replace(/"Zanzibar[^"]*"/, `"${CANARY.text}\\u0000"`),
          JSON.stringify(sample).slice(0, -3),
        ])
          await driver.send(entry, { contentType: 'application/json', payload });
      }
    assert.ok(operations > 0);
    assert.ok(driver.log().length > 0, 'the log was captured');
    assertNoCanary(driver.log());
  });
});

function assertNoCanary(log: string): void {
  const found = TELLTALES.filter((telltale) => log.includes(telltale));
  const lines = log.split('\n').filter((line) => found.some((telltale) => line.includes(telltale)));
  assert.deepEqual(lines.slice(0, 5), [], `canaries ${found.join(', ')} reached the log`);
}

/** A request body shaped by its JSON Schema, with a canary in every field. */
function sampleOf(schema: unknown, components: Record<string, unknown>, depth: number, name = ''): unknown {
  if (!schema || typeof schema !== 'object' || depth > 8) return canaryFor(name);
  const node = schema as Record<string, unknown>;
  if (typeof node.$ref === 'string')
    return sampleOf(components[node.$ref.split('/').pop() ?? ''], components, depth + 1, name);
  const first = (node.oneOf ?? node.anyOf ?? node.allOf) as unknown[] | undefined;
  if (first?.[0]) return sampleOf(first[0], components, depth + 1, name);
  if (Array.isArray(node.enum)) return node.enum[0];
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (type === 'object' || node.properties) {
    const properties = (node.properties ?? {}) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(properties).map(([key, child]) => [key, sampleOf(child, components, depth + 1, key)]),
    );
  }
  if (type === 'array') return [sampleOf(node.items, components, depth + 1, name)];
  if (type === 'integer' || type === 'number') return Number(CANARY.income);
  if (type === 'boolean') return true;
  if (node.format === 'date' || /date/i.test(name)) return '2025-09-01';
  return canaryFor(name);
}
