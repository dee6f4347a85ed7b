import { problemResponse as problem } from '../http/openapi.ts';
import type { OpenApiOperation } from '../http/openapi.ts';

/** JSON Schemas and operations of the public audit API, for the OpenAPI document. */
const base64Hash = { type: 'string', contentEncoding: 'base64', description: '32-byte SHA-256 hash, base64' };

const signedTreeHead = {
  type: 'object',
  required: ['treeSize', 'timestamp', 'rootHash', 'keyId', 'signature'],
  properties: {
    treeSize: { type: 'integer', minimum: 0 },
    timestamp: { type: 'integer', description: 'Milliseconds since 1970-01-01T00:00:00Z' },
    rootHash: base64Hash,
    keyId: { type: 'string', description: 'SHA-256 of the DER SubjectPublicKeyInfo of the signing key, hex' },
    signature: {
      type: 'string',
      contentEncoding: 'base64',
      description:
        "Ed25519 over RFC 6962's TreeHeadSignature: 0x00, 0x01, uint64 timestamp, uint64 tree size, root hash (50 bytes, big-endian)",
    },
  },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const AUDIT_SCHEMAS = {
  SignedTreeHead: signedTreeHead,
  AuditTreeHeads: {
    type: 'object',
    required: ['treeHeads'],
    properties: { treeHeads: { type: 'array', items: ref('SignedTreeHead') } },
  },
  AuditPublicKey: {
    type: 'object',
    required: ['algorithm', 'keyId', 'publicKey'],
    properties: {
      algorithm: { const: 'Ed25519' },
      keyId: { type: 'string' },
      publicKey: { type: 'string', description: 'SubjectPublicKeyInfo, PEM' },
    },
  },
  AuditConsistencyProof: {
    type: 'object',
    required: ['firstTreeSize', 'secondTreeSize', 'consistencyPath'],
    properties: {
      firstTreeSize: { type: 'integer', minimum: 0 },
      secondTreeSize: { type: 'integer', minimum: 0 },
      consistencyPath: { type: 'array', items: base64Hash },
    },
  },
  AuditInclusionProof: {
    type: 'object',
    required: ['entryId', 'leafIndex', 'treeSize', 'leafHash', 'auditPath', 'treeHead'],
    properties: {
      entryId: { type: 'string', format: 'uuid' },
      leafIndex: { type: 'integer', minimum: 0 },
      treeSize: { type: 'integer', minimum: 1 },
      leafHash: { ...base64Hash, description: 'SHA-256(0x00 || canonical entry), base64' },
      auditPath: { type: 'array', items: base64Hash },
      treeHead: ref('SignedTreeHead'),
    },
  },
} as const;

const ok = (description: string, schema: keyof typeof AUDIT_SCHEMAS) => ({
  description,
  content: { 'application/json': { schema: ref(schema) } },
});

const size = (name: string, description: string, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema: { type: 'integer', minimum: 0 },
});

/** Every operation under /api/v1/audit, by path. */
export function auditOperations(): Record<string, OpenApiOperation> {
  const tags = ['audit'];
  return {
    '/public-key': {
      operationId: 'getAuditPublicKey',
      summary: 'The Ed25519 key that signs tree heads',
      tags,
      responses: { '200': ok('The key', 'AuditPublicKey') },
    },
    '/tree-heads': {
      operationId: 'listAuditTreeHeads',
      summary: 'Signed tree heads, smallest first (1,000 a page): what a witness copies',
      tags,
      parameters: [size('after', 'Only heads with a larger tree size')],
      responses: { '200': ok('Heads', 'AuditTreeHeads'), '400': problem('`after` is not a whole number') },
    },
    '/tree-heads/latest': {
      operationId: 'getLatestAuditTreeHead',
      summary: 'The latest signed tree head',
      tags,
      responses: { '200': ok('The head', 'SignedTreeHead'), '404': problem('Nothing sealed yet') },
    },
    '/consistency-proof': {
      operationId: 'getAuditConsistencyProof',
      summary: 'RFC 9162 consistency proof: the tree of `first` entries is a prefix of the tree of `second`',
      tags,
      parameters: [
        size('first', 'The smaller tree size', true),
        size('second', 'The larger tree size', true),
      ],
      responses: {
        '200': ok('The proof', 'AuditConsistencyProof'),
        '400': problem('Sizes missing or out of range'),
      },
    },
    '/entries/{entryId}/inclusion-proof': {
      operationId: 'getAuditInclusionProof',
      summary: 'RFC 9162 inclusion proof of one entry, with the signed head it leads to',
      tags,
      parameters: [
        { name: 'entryId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        size('treeSize', 'Prove against the head of this size instead of the latest'),
      ],
      responses: {
        '200': ok('The proof', 'AuditInclusionProof'),
        '400': problem('Not an entry id, or a malformed tree size'),
        '404': problem('No such entry, not sealed yet, or no head of that size'),
      },
    },
  };
}
