/**
 * The signed result of a dossier (issue 15).
 *
 * | method | path                          | who                                | response                                   |
 * |--------|-------------------------------|------------------------------------|--------------------------------------------|
 * | GET    | /api/dossiers/{id}/result.pdf | applicant / staff who see it       | the current signed result (PDF); 404 none  |
 * | GET    | /api/me/results               | logged in (their own dossiers)     | → ZMyResults (the store of results)        |
 * | POST   | /api/me/results/{id}/reuse    | logged in, the result is theirs    | → 201 ZUploadedFile, to attach; 404 else   |
 *
 * The result e-mail links to the dossier page, whose download button is this route.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, ZMyResults, ZUploadedFile } from '@motcua/contracts';
import { sendStoredFile } from '../../files/serve';
import { requireActor, requireLogin } from '../../http/auth';
import { myResults, reuseResult } from './result-store.service';
import { currentResultPdf } from './signed-result.service';

export const resultDownloadRoutes: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/dossiers/:id/result.pdf',
    {
      preValidation: requireLogin,
      schema: {
        tags: ['results'],
        summary: 'Download the current signed result of the dossier (PDF)',
        params: z.object({ id: z.uuid() }),
        response: { 401: ZErrorResponse, 404: ZErrorResponse },
      },
    },
    async (req, reply) => {
      const { pdf, code } = await currentResultPdf(
        api.deps.db.kysely,
        requireActor(req),
        api.deps.config,
        req.params.id,
      );
      return sendStoredFile(reply, { body: pdf, mediaType: 'application/pdf', name: `ket-qua_${code}.pdf` });
    },
  );

  api.get(
    '/me/results',
    {
      preValidation: requireLogin,
      schema: {
        tags: ['results'],
        summary: 'My store of results: the current signed result of each of my dossiers, newest first',
        response: { 200: ZMyResults, 401: ZErrorResponse },
      },
    },
    async (req) => myResults(api.deps.db.kysely, requireActor(req)),
  );

  api.post(
    '/me/results/:id/reuse',
    {
      preValidation: requireLogin,
      schema: {
        tags: ['results'],
        summary:
          'Reuse one of my results in a new dossier: it becomes one of my files, without uploading it again',
        params: z.object({ id: z.uuid() }),
        response: { 201: ZUploadedFile, 401: ZErrorResponse, 404: ZErrorResponse },
      },
    },
    async (req, reply) => {
      const file = await api.deps.db.kysely
        .transaction()
        .execute((trx) => reuseResult(trx, requireActor(req), api.deps.config, req.params.id));
      return reply.status(201).send(file);
    },
  );
};
