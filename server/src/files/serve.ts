import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { attachmentDisposition } from './file-name';

/**
 * How every stored file goes back out, whoever uploaded it: always a download (never rendered by the browser on our
 * origin), the type we detected and not a guessed one, and a policy that gives a document opened anyway no script,
 * no plug-ins, no network and a unique origin (`sandbox`).
 */
export const USER_FILE_CSP = "sandbox; default-src 'none'";

export function sendStoredFile(
  reply: FastifyReply,
  file: { body: Readable | Buffer; mediaType: string; name: string; cacheControl?: string },
) {
  return reply
    .type(file.mediaType)
    .header('content-disposition', attachmentDisposition(file.name))
    .header('content-security-policy', USER_FILE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', file.cacheControl ?? 'private, no-store')
    .send(file.body);
}
