/**
 * Signed results, public side (issue 15). Schemas: `contracts/src/results.ts`.
 *
 * | method | path                    | who                                   | request → response                              |
 * |--------|-------------------------|---------------------------------------|-------------------------------------------------|
 * | POST   | /api/results/verify     | anyone (VERIFY_RATE_LIMIT per address | application/pdf body → ZVerifyResultResponse;   |
 * |        |                         | and minute)                           | 415 not a PDF, 413 over 20 MB, 429 limited      |
 * | GET    | /api/results/{code}     | anyone (same limit)                   | → ZDossierResults (no personal data); 404       |
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDossierResults, ZErrorResponse, ZVerifyResultResponse } from '@motcua/contracts';
import { localeOf } from '../../http/errors';
import { dossierResults, verifyResultPdf } from './results.service';

const E = ZErrorResponse;
const MAX_PDF = 20 * 1024 * 1024;

export const resultsRoutes: FastifyPluginAsyncZod = async (api) => {
  const db = () => api.deps.db.kysely;
  const config = api.deps.config;
  const limit = { rateLimit: { max: config.verifyRateLimit, timeWindow: '1 minute' } };

  // The raw bytes: verification needs the file exactly as it was sent.
  api.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_PDF }, (_req, body, done) =>
    done(null, body),
  );

  api.post(
    '/results/verify',
    {
      config: limit,
      bodyLimit: MAX_PDF,
      schema: {
        tags: ['results'],
        summary:
          'Verify a signed result PDF (body: the PDF, content-type application/pdf): signature, trusted signer, issued here',
        response: { 200: ZVerifyResultResponse, 400: E, 413: E, 415: E, 429: E },
      },
    },
    async (req) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return verifyResultPdf(db(), config, body, localeOf(req));
    },
  );

  api.get(
    '/results/:code',
    {
      config: limit,
      schema: {
        tags: ['results'],
        summary:
          'The signed results of a dossier (current first, then those a correction replaced); no personal data',
        params: z.object({ code: z.string().min(1).max(80) }),
        response: { 200: ZDossierResults, 404: E, 429: E },
      },
    },
    async (req) => dossierResults(db(), req.params.code),
  );
};
