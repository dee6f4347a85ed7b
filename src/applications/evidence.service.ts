import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import * as repository from './applications.repository.ts';
import type { Actor, OpenApplication } from './applications.service.ts';
import { cleanEvidenceFile, EVIDENCE_MAX_BYTES } from './evidence-files.ts';

export type UploadResult =
  { readonly ok: true; readonly evidenceId: string } | { readonly ok: false; readonly code: string };

export interface EvidenceFile {
  readonly mediaType: string;
  readonly name: string;
  readonly bytes: Buffer;
}

const SAFE_NAME = /[^\p{L}\p{N} ._()-]/gu;

/** A file name fit to keep and show back: no path, no control characters, at most 100 characters. */
export function tidyFileName(name: string, mediaType: string): string {
  const base = name.split(/[\\/]/).pop()?.replace(SAFE_NAME, '').trim().slice(0, 100) ?? '';
  const extension = mediaType === 'application/pdf' ? 'pdf' : mediaType === 'image/png' ? 'png' : 'jpg';
  return base === '' ? `document.${extension}` : base;
}

/**
 * Evidence: type read from the content, PDF/JPEG/PNG only, metadata stripped, stored encrypted as Protected B;
 * served only to someone who may open the application, and every upload and download audited.
 */
export function createEvidenceService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  cipher: FieldCipher;
  clock: () => Date;
}) {
  const { db, audit, cipher, clock } = deps;
  return {
    async add(
      app: OpenApplication,
      kind: string,
      fileName: string,
      input: Uint8Array,
      actor: Actor,
    ): Promise<UploadResult> {
      if (app.status !== 'draft' && app.status !== 'information-requested')
        return { ok: false, code: 'closed' };
      if (!app.form.evidence.some((evidence) => evidence.id === kind)) return { ok: false, code: 'kind' };
      if (input.length > EVIDENCE_MAX_BYTES) return { ok: false, code: 'tooLarge' };
      const clean = await cleanEvidenceFile(input);
      if (!clean.ok) return { ok: false, code: clean.code };
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await repository.insertEvidence(trx, {
          id,
          application_id: app.id,
          person_id: app.personId,
          kind,
          media_type: clean.mediaType,
          size_bytes: clean.bytes.length,
          name_cipher: cipher.encrypt(tidyFileName(fileName, clean.mediaType)),
          content_cipher: cipher.encrypt(Buffer.from(clean.bytes).toString('base64')),
          uploaded_by_kind: actor.kind,
          uploaded_by_id: actor.id,
          uploaded_at: clock(),
        });
        await audit.record(
          auditEntry(actor.context, app.personId, 'application.evidence.uploaded', 'success', {
            applicationId: app.id,
            evidenceId: id,
            kind,
            mediaType: clean.mediaType,
          }),
          trx,
        );
      });
      return { ok: true, evidenceId: id };
    },

    /** The file, to someone who has opened the application (its access check done): audited. */
    async read(app: OpenApplication, evidenceId: string, actor: Actor): Promise<EvidenceFile | null> {
      const row = await repository.findEvidence(db, app.id, evidenceId);
      await audit.record(
        auditEntry(actor.context, app.personId, 'application.evidence.read', row ? 'success' : 'failure', {
          applicationId: app.id,
          evidenceId,
        }),
      );
      if (!row) return null;
      return {
        mediaType: row.media_type,
        name: cipher.decrypt(row.name_cipher),
        bytes: Buffer.from(cipher.decrypt(row.content_cipher), 'base64'),
      };
    },
  };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
