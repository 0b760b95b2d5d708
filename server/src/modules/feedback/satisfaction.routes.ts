/**
 * Satisfaction evaluation (issue 16, TT 01/2018).
 *
 * | method | path                                      | who                                                 |
 * | ------ | ----------------------------------------- | --------------------------------------------------- |
 * | GET    | /api/satisfaction/rate?token=             | anyone with the signed link                         |
 * | POST   | /api/satisfaction/rate                    | the same, once per dossier                          |
 * | POST   | /api/satisfaction/desk-links              | the desk (reception officers) of the dossier        |
 * | GET    | /api/satisfaction/summary?period=&by=     | staff: their own; leaders: their agency; admin: all |
 * | GET    | /api/satisfaction/public?period=          | anyone: per agency                                  |
 * | GET    | /api/satisfaction/periods                 | staff                                               |
 * | POST   | /api/satisfaction/periods/{period}/close  | leaders, system administrators                      |
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZDeskRatingLink,
  ZDeskRatingStart,
  ZErrorResponse,
  ZRatingPeriod,
  ZRatingForm,
  ZRatingSaved,
  ZRatingSubmit,
  ZSatisfactionPeriods,
  ZSatisfactionQuery,
  ZSatisfactionSummary,
} from '@motcua/contracts';
import { requireActor, requireLogin, requireRole } from '../../http/auth';
import { requestContext, actorContext, requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { periodOf } from './feedback-rules';
import {
  closePeriod,
  deskRatingLink,
  listPeriods,
  ratingForm,
  satisfactionRollup,
  submitRating,
} from './satisfaction.service';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };

export const satisfactionRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const db = () => api.deps.db.kysely;
  const config = () => api.deps.config;
  const tags = ['satisfaction'];
  const closedAt = async (period: string) =>
    (await db()
      .selectFrom('satisfaction_periods')
      .select('period')
      .where('period', '=', period)
      .executeTakeFirst()) !== undefined;

  api.get(
    '/satisfaction/rate',
    {
      schema: {
        tags,
        summary: 'The rating page of a returned dossier: indicators known from its record, and those asked',
        querystring: z.object({ token: z.string().min(10).max(200) }),
        response: { 200: ZRatingForm, 409: ZErrorResponse, ...errors },
      },
    },
    async (req) => ratingForm(db(), config(), req.query.token),
  );

  api.post(
    '/satisfaction/rate',
    {
      schema: {
        tags,
        summary: 'Rate a returned dossier once (TT 01/2018 indicators 2/1/0, overall satisfaction, comment)',
        body: ZRatingSubmit.extend({ channel: z.enum(['link', 'desk']).optional() }),
        response: { 201: ZRatingSaved, 409: ZErrorResponse, ...errors },
      },
    },
    async (req, reply) => {
      const saved = await db()
        .transaction()
        .execute((trx) => submitRating(trx, config(), requestContext(req).audit, requestNow(req), req.body));
      return reply.status(201).send(saved);
    },
  );

  api.post(
    '/satisfaction/desk-links',
    {
      preValidation: requireLogin,
      preHandler: requireRole('reception_officer'),
      schema: {
        tags,
        summary: "The desk starts a rating on its tablet for a returned dossier's code",
        body: ZDeskRatingStart,
        response: { 200: ZDeskRatingLink, 409: ZErrorResponse, ...errors },
      },
    },
    async (req) => deskRatingLink(db(), config(), requireActor(req), req.body.dossierCode),
  );

  api.get(
    '/satisfaction/summary',
    {
      preValidation: requireLogin,
      schema: {
        tags,
        summary: 'Ratings of a period by official, desk, agency or field (staff: own; leaders: their agency)',
        querystring: ZSatisfactionQuery,
        response: { 200: ZSatisfactionSummary, ...errors },
      },
    },
    async (req) => {
      const a = requireActor(req);
      if (a.kind !== 'staff') throw new AppError('FORBIDDEN');
      const period = req.query.period ?? periodOf(requestNow(req));
      const by = req.query.by ?? 'agency';
      const scope = a.roles.includes('system_admin')
        ? {}
        : a.roles.includes('leader') && a.agencyId
          ? { agencyId: a.agencyId }
          : { officialId: a.userId };
      return {
        period,
        by,
        closed: await closedAt(period),
        rows: await satisfactionRollup(db(), period, by, scope),
      };
    },
  );

  api.get(
    '/satisfaction/public',
    {
      schema: {
        tags,
        summary: "Each agency's ratings for a period (000 art. 4.2)",
        querystring: z.object({ period: ZRatingPeriod.optional() }),
        response: { 200: ZSatisfactionSummary, 400: ZErrorResponse },
      },
    },
    async (req) => {
      const period = req.query.period ?? periodOf(requestNow(req));
      return {
        period,
        by: 'agency' as const,
        closed: await closedAt(period),
        rows: await satisfactionRollup(db(), period, 'agency'),
      };
    },
  );

  api.get(
    '/satisfaction/periods',
    {
      schema: {
        tags,
        summary: 'Reporting periods (months), closed or open, with their rating counts',
        response: { 200: ZSatisfactionPeriods, 400: ZErrorResponse },
      },
    },
    async (req) => ({ items: await listPeriods(db(), requestNow(req)) }),
  );

  api.post(
    '/satisfaction/periods/:period/close',
    {
      preValidation: requireLogin,
      preHandler: requireRole('leader', 'system_admin'),
      schema: {
        tags,
        summary: 'Close (freeze) a period: later ratings go to the next open period',
        params: z.object({ period: ZRatingPeriod }),
        response: { 200: ZSatisfactionPeriods, 409: ZErrorResponse, ...errors },
      },
    },
    async (req) => {
      const { now, audit } = actorContext(req);
      await db()
        .transaction()
        .execute((trx) => closePeriod(trx, audit, req.params.period, now));
      return { items: await listPeriods(db(), now) };
    },
  );
};
