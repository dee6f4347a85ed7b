/**
 * The OpenAPI 3.1 document is assembled from what each domain registers: paths and component schemas.
 * It is served at /api/openapi.json and rendered as a plain HTML page at /api/docs (no CDN, no JavaScript).
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
