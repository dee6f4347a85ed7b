import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { AuditEntry, AuditSigning } from '../../src/platform/audit/audit.service.ts';

/** A staff read of someone's profile, numbered so entries differ. */
export const auditEntry = (n: number): AuditEntry => ({
  actor: { type: 'staff', id: `staff-${n}`, role: 'agent', agencyId: 'esdc' },
  subjectPersonId: `person-${n % 3}`,
  action: 'registry.profile.read',
  purpose: 'phone-call',
  channel: 'phone',
  outcome: 'success',
  correlationId: `corr-${n}`,
  details: { zeta: n, alpha: { nested: true, list: [1, 2] } },
});

let workDir: string | undefined;
let witnesses = 0;

/** A fresh Ed25519 key and a witness copy in a temporary directory (removed after the test file). */
export function testAuditSigning(): AuditSigning & { witnessFile: string } {
  if (!workDir) {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-audit-'));
    workDir = dir;
    after(() => rmSync(dir, { recursive: true, force: true }));
  }
  witnesses += 1;
  return {
    signingKey: generateKeyPairSync('ed25519').privateKey,
    witnessFile: join(workDir, `witness-${witnesses}.jsonl`),
  };
}
