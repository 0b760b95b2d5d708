import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZBackEntryList,
  ZBackEntryQuery,
  ZBackEntryRequest,
  ZDossierDetail,
  ZErrorResponse,
} from '@motcua/contracts';
import { requireActor, requireRole } from '../../http/auth';
import { idempotent } from '../../http/idempotency';
import { backEnterDossier, listBackEntries } from './back-entry.service';
import { dossierDetail } from './dossier-read.service';
import { ctxOf } from './dossiers.routes';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  422: ZErrorResponse,
};
const TAGS = ['dossiers'];

/**
 * | POST | /api/reception/back-entries | reception_officer (Idem.)            | ZBackEntryRequest → 201 ZDossierDetail |
 * | GET  | /api/reception/back-entries | reception_officer, leader, admins    | → ZBackEntryList (the agency's)        |
 */
export const backEntryRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/reception/back-entries',
    {
      preValidation: requireRole('reception_officer'),
      schema: {
        tags: TAGS,
        summary: 'Enter a paper dossier received during a declared outage, with its original times',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: ZBackEntryRequest,
        response: { 201: ZDossierDetail, ...errors },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const res = await idempotent(
        api.deps.db,
        `dossiers.back-entry:${ctx.actor.userId}`,
        req.headers['idempotency-key'],
        req.body,
        async (trx) => {
          const id = await backEnterDossier(trx, ctx, req.body);
          return { status: 201, body: await dossierDetail(trx, id, ctx.now, true) };
        },
      );
      return reply.status(res.status).send(res.body as z.infer<typeof ZDossierDetail>);
    },
  );
  api.get(
    '/reception/back-entries',
    {
      preValidation: requireRole('reception_officer', 'leader', 'unit_admin', 'system_admin'),
      schema: {
        tags: TAGS,
        summary: 'Dossiers entered after an outage (for reports)',
        querystring: ZBackEntryQuery,
        response: { 200: ZBackEntryList, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const all = actor.roles.includes('system_admin');
      return {
        items: await listBackEntries(
          api.deps.db.kysely,
          all ? null : (actor.agencyId ?? '00000000-0000-0000-0000-000000000000'),
          req.query,
        ),
      };
    },
  );
};
