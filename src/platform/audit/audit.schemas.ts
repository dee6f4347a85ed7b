/** JSON Schemas of the public audit API (OpenAPI components). */
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
