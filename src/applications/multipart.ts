import type { FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { MultipartFile } from '@fastify/multipart';
import { EVIDENCE_MAX_BYTES } from './evidence-files.ts';

/**
 * Evidence uploads (multipart/form-data): one file of at most 10 MB and a few fields, put on the body so the
 * CSRF check reads `_csrf` as for any form. A file over the limit arrives cut short and marked `truncated`, so
 * the page can say so in the person's language rather than fail.
 */
export async function registerMultipart(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    // A field of 32 KiB holds a secure message of 5,000 characters (inbox), which a smaller limit would cut short.
    limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 32_768 },
    async onFile(part: MultipartFile) {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      (part as MultipartFile & { value: unknown }).value = {
        filename: part.filename,
        bytes: Buffer.concat(chunks),
        truncated: part.file.truncated,
      };
    },
  });
}
