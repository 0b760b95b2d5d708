/**
 * The scanned letter of feedback entered by staff from a letter, and the sender's own feedback on the portal.
 *
 * | method | path                               | who                                                      |
 * | ------ | ---------------------------------- | -------------------------------------------------------- |
 * | PUT    | /api/office/feedback/{id}/scan     | staff of the agency holding it (raw bytes: PDF/JPEG/PNG) |
 * | GET    | /api/office/feedback/{id}/scan     | the same, or the agency that forwarded it                |
 * | GET    | /api/me/feedback                   | a citizen: what they filed, with the answers             |
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, ZFeedbackItem, ZFeedbackList } from '@motcua/contracts';
import { requireActor, requireLogin, requireRole } from '../../http/auth';
import { requestActor, requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { safeFileName } from '../../files/file-name';
import { sendStoredFile } from '../../files/serve';
import { myFeedback, presentItem } from './feedback.read';
import { findItem } from './feedback.repo';
import { attachLetterScan, MAX_SCAN_BYTES, readLetterScan } from './feedback-scan.service';
import { FEEDBACK_WHAT } from './feedback.service';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const IdParams = z.object({ id: z.uuid() });
const HANDLERS = ['reception_officer', 'specialist', 'approver', 'leader', 'unit_admin'] as const;

export const feedbackScanRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const db = () => api.deps.db.kysely;
  const tags = ['feedback'];
  // The scan arrives as raw bytes; its type is decided from the content, never from the name or header.
  api.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_SCAN_BYTES + 1 }, (_req, body, done) =>
    done(null, body),
  );
  const staff = (actor: ReturnType<typeof requireActor>) => {
    if (actor.kind !== 'staff' || !actor.agencyId) throw new AppError('FORBIDDEN');
    return actor as typeof actor & { agencyId: string };
  };

  api.put(
    '/office/feedback/:id/scan',
    {
      preValidation: requireLogin,
      preHandler: requireRole(...HANDLERS),
      bodyLimit: MAX_SCAN_BYTES + 1,
      schema: {
        tags,
        summary:
          'Attach the scan of the letter (raw bytes: PDF, JPEG or PNG; X-File-Name header, URL-encoded)',
        params: IdParams,
        headers: z.object({ 'x-file-name': z.string().min(1).max(600).optional() }),
        response: { 200: ZFeedbackItem, 413: ZErrorResponse, 422: ZErrorResponse, ...errors },
      },
    },
    async (req) => {
      const actor = staff(requireActor(req));
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let name = 'ban-quet-thu';
      try {
        name = decodeURIComponent(req.headers['x-file-name'] ?? name).slice(0, 255);
      } catch {
        /* keep the default name */
      }
      const audit = requestActor(req, { type: 'staff', id: actor.userId, name: actor.name });
      await db()
        .transaction()
        .execute((trx) =>
          attachLetterScan(trx, { actor, audit, config: api.deps.config }, req.params.id, body, name),
        );
      const row = await findItem(db(), req.params.id);
      if (!row) throw new AppError('NOT_FOUND', { what: FEEDBACK_WHAT });
      return presentItem(row, requestNow(req), null);
    },
  );

  api.get(
    '/office/feedback/:id/scan',
    {
      preValidation: requireLogin,
      preHandler: requireRole(...HANDLERS),
      schema: { tags, summary: 'The scan of the letter, as stored', params: IdParams, response: errors },
    },
    async (req, reply) => {
      const actor = staff(requireActor(req));
      const scan = await readLetterScan(db(), { actor, config: api.deps.config }, req.params.id);
      return sendStoredFile(reply, { ...scan, name: safeFileName(scan.name, scan.mediaType) });
    },
  );

  api.get(
    '/me/feedback',
    {
      preValidation: requireLogin,
      schema: {
        tags,
        summary: 'My feedback (citizen): status, due time and the written answer, newest first',
        response: { 200: ZFeedbackList, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (actor.kind !== 'citizen') throw new AppError('FORBIDDEN');
      return { items: await myFeedback(db(), actor.userId, requestNow(req)) };
    },
  );
};
