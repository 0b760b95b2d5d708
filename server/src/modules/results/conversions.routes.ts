/**
 * Paper ↔ electronic conversion at the desk (ND 45/2020 Đ18; issue 15). Schemas: `contracts/src/results.ts`.
 *
 * | method | path                                             | who                                 | request → response                         |
 * |--------|--------------------------------------------------|-------------------------------------|--------------------------------------------|
 * | POST   | /api/processing/dossiers/{id}/result-conversions | reception officer of the result desk | ZResultConversionRequest → 201 ZResultConversion |
 * | GET    | /api/result-conversions?dossierId=               | staff: their agency's register       | → ZResultConversionList                    |
 * | GET    | /api/result-conversions/certifiers               | staff: who may certify in their agency | → ZCertifierList                         |
 *
 * 409 CONFLICT on a stale expectedVersion (the loser of two concurrent records changes nothing); 409 DOSSIER_STATE
 * before the result is ready; 400 for a printout without a signed result or a file that is not the officer's;
 * 404 for an unknown certifier or a dossier outside the agency.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCertifierList,
  ZErrorResponse,
  ZResultConversion,
  ZResultConversionList,
  ZResultConversionRequest,
} from '@motcua/contracts';
import { requireActor, requireLogin, requireRole } from '../../http/auth';
import { AppError } from '../../http/errors';
import { ctxOf } from '../dossiers';
import { conversionCertifiers, conversionRegister, recordConversion } from './conversions.service';

const E = ZErrorResponse;
const errors = { 400: E, 401: E, 403: E, 404: E, 409: E, 422: E };

export const conversionRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const db = () => api.deps.db.kysely;
  const tags = ['results'];

  api.post(
    '/processing/dossiers/:id/result-conversions',
    {
      preValidation: requireLogin,
      preHandler: requireRole('reception_officer'),
      schema: {
        tags,
        summary:
          'Record a certified printout of the electronic result, or a certified scan of a paper one (ND 45/2020 art. 18)',
        params: z.object({ id: z.uuid() }),
        body: ZResultConversionRequest,
        response: { 201: ZResultConversion, ...errors },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const item = await db()
        .transaction()
        .execute(async (trx) => {
          const id = await recordConversion(trx, ctx, req.params.id, req.body);
          return (await conversionRegister(trx, { id })).items[0]!;
        });
      return reply.code(201).send(item);
    },
  );

  api.get(
    '/result-conversions',
    {
      preValidation: requireLogin,
      schema: {
        tags,
        summary: 'The register of paper ↔ electronic conversions of the official’s agency, newest first',
        querystring: z.object({ dossierId: z.uuid().optional() }),
        response: { 200: ZResultConversionList, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (actor.kind !== 'staff' || !actor.agencyId) throw new AppError('FORBIDDEN');
      return conversionRegister(db(), {
        agencyId: actor.agencyId,
        ...(req.query.dossierId ? { dossierId: req.query.dossierId } : {}),
      });
    },
  );

  api.get(
    '/result-conversions/certifiers',
    {
      preValidation: requireLogin,
      schema: {
        tags,
        summary:
          'The officials of the caller’s agency who may certify a conversion (desk officers, approvers, leaders)',
        response: { 200: ZCertifierList, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (actor.kind !== 'staff' || !actor.agencyId) throw new AppError('FORBIDDEN');
      return conversionCertifiers(db(), actor.agencyId);
    },
  );
};
