import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZBackEntryList,
  ZBackEntryQuery,
  ZBackEntryDecisionRequest,
  ZBackEntryRequest,
  ZDossierDetail,
  ZErrorResponse,
} from '@motcua/contracts';
import { requireActor, requireRole } from '../../http/auth';
import { backEnterDecision } from './back-entry-decisions';
import { backEnterDossier, listBackEntries } from './back-entry.service';
import { dossierDetail } from './dossier-read.service';
import { ctxOf, idempotentIntake } from './dossiers.routes';

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
 * | POST | /api/processing/dossiers/{id}/back-entered-decisions | office staff who may take the action | ZBackEntryDecisionRequest → ZDossierDetail |
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
    idempotentIntake('dossiers.back-entry', backEnterDossier, true),
  );
  api.post(
    '/processing/dossiers/:id/back-entered-decisions',
    {
      preValidation: requireRole('approver', 'specialist', 'reception_officer', 'leader'),
      schema: {
        tags: TAGS,
        summary: 'Enter a decision taken on paper during a declared outage, at its original time',
        params: z.object({ id: z.uuid() }),
        body: ZBackEntryDecisionRequest,
        response: { 200: ZDossierDetail, ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return api.deps.db.kysely.transaction().execute(async (trx) => {
        await backEnterDecision(trx, ctx, req.params.id, req.body);
        return dossierDetail(trx, req.params.id, ctx.now, true);
      });
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
