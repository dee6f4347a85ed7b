import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { sendProblem } from './problem.ts';

/**
 * The OpenAPI document is assembled from what each module registers: operations and component schemas.
 * It is served at /api/openapi.json and rendered as a plain HTML page at /api/docs (no CDN, no JavaScript).
 * An operation is registered once, with `route`: the same JSON Schema is published in the document and
 * given to Fastify to validate the request, so the document and the behaviour cannot drift.
 */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: {
    title: string;
    version: string;
    description: string;
    license: { name: string; identifier: string };
  };
  servers: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  requestBody?: unknown;
  parameters?: unknown[];
  responses: Record<string, unknown>;
}

export class OpenApiRegistry {
  readonly document: OpenApiDocument;

  constructor(version: string, publicUrl: string) {
    this.document = {
      openapi: '3.1.0',
      info: {
        title: 'Guichet API',
        version,
        description:
          'Public and partner APIs of Guichet. Errors are RFC 9457 problem details in both official languages.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: publicUrl }],
      paths: {},
      components: { schemas: { Problem: PROBLEM_SCHEMA }, responses: { Problem: problemResponse('Error') } },
    };
  }

  addPath(path: string, method: string, operation: OpenApiOperation): void {
    this.document.paths[path] = { ...this.document.paths[path], [method]: operation };
  }

  addSchema(name: string, schema: unknown): void {
    this.document.components.schemas[name] = schema;
  }

  /**
   * An API operation: published under `path` (OpenAPI's `{param}` form) and served by Fastify, which
   * validates the JSON body against the component schema `body` names before the handler runs.
   */
  route(app: FastifyInstance, spec: ApiRoute): void {
    const { method, path, operation, body, handler } = spec;
    const requestBody = body
      ? { required: true, content: { 'application/json': { schema: componentRef(body) } } }
      : undefined;
    this.addPath(path, method, { ...operation, ...(requestBody ? { requestBody } : {}) });
    if (body) this.shareSchemasWith(app);
    app.route({
      method: method.toUpperCase() as 'GET' | 'POST',
      url: path.replace(/\{(\w+)\}/g, ':$1'),
      ...(body ? { schema: { body: { $ref: `${body}#` } }, preValidation: requireJson } : {}),
      handler,
    });
  }

  private readonly shared = new WeakMap<FastifyInstance, Set<string>>();

  /** Gives Fastify every component schema (once), with `#/components/schemas/X` references as `X#`. */
  private shareSchemasWith(app: FastifyInstance): void {
    const done = this.shared.get(app) ?? new Set<string>();
    this.shared.set(app, done);
    for (const [name, schema] of Object.entries(this.document.components.schemas)) {
      if (done.has(name)) continue;
      app.addSchema({ ...(withLocalRefs(schema) as object), $id: name });
      done.add(name);
    }
  }
}

export interface ApiRoute {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly operation: Omit<OpenApiOperation, 'requestBody'>;
  /** The component schema of the JSON body, when the operation takes one. */
  readonly body?: string;
  readonly handler: RouteHandlerMethod;
}

/** A JSON body is JSON: a form or any other type is refused before validation (415). */
async function requireJson(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json'))
    await sendProblem(request, reply, 'unsupported-media-type', 415);
}

export function componentRef(name: string): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` };
}

/** A copy of a schema for Fastify's validator: component references by id, no draft or id of its own. */
function withLocalRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withLocalRefs);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== '$schema' && key !== '$id')
      .map(([key, value]) =>
        key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
          ? [key, `${value.slice('#/components/schemas/'.length)}#`]
          : [key, withLocalRefs(value)],
      ),
  );
}

export function problemResponse(description: string): unknown {
  return {
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'translations'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { pointer: { type: 'string' }, code: { type: 'string' }, detail: { type: 'string' } },
      },
    },
    translations: {
      type: 'object',
      properties: {
        en: { type: 'object', properties: { title: { type: 'string' }, detail: { type: 'string' } } },
        fr: { type: 'object', properties: { title: { type: 'string' }, detail: { type: 'string' } } },
      },
    },
  },
};
