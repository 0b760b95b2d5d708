/**
 * The signed result of a dossier (issue 15).
 *
 * | method | path                          | who                                | response                                   |
 * |--------|-------------------------------|------------------------------------|--------------------------------------------|
 * | GET    | /api/dossiers/{id}/result.pdf | applicant / staff who see it       | the current signed result (PDF); 404 none  |
 *
 * The result e-mail links to the dossier page, whose download button is this route.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '@motcua/contracts';
import { sendStoredFile } from '../../files/serve';
import { requireActor, requireLogin } from '../../http/auth';
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
};
