import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ZAgenciesQuery,
  ZAgency,
  ZAgencyDetail,
  ZAgencyInput,
  ZCodeInput,
  ZErrorResponse,
  ZUnit,
  ZUnitInput,
  ZUnitMerge,
  ZUnitsQuery,
} from '@motcua/contracts';
import { requireRole } from '../../http/auth';
import { actorContext, requestNow } from '../../http/context';
import {
  createAgency,
  createUnit,
  getAgency,
  listAgencies,
  listUnits,
  mergeUnit,
  reissueCode,
} from './organisation.service';
import { err, organisationAdminRoutes } from './organisation.admin-routes';

const admin = requireRole('system_admin');

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db.kysely;
  const audit = (req: FastifyRequest) => actorContext(req).audit;

  app.get(
    '/units',
    {
      schema: {
        tags: ['organisation'],
        querystring: ZUnitsQuery,
        response: { 200: z.array(ZUnit), 400: ZErrorResponse },
      },
    },
    async (req) => listUnits(db(), req.query, requestNow(req)),
  );
  app.get(
    '/agencies',
    {
      schema: {
        tags: ['organisation'],
        querystring: ZAgenciesQuery,
        response: { 200: z.array(ZAgency), 400: ZErrorResponse },
      },
    },
    async (req) => listAgencies(db(), req.query, requestNow(req)),
  );
  app.get(
    '/agencies/:id',
    {
      schema: {
        tags: ['organisation'],
        params: z.object({ id: z.string() }),
        response: { 200: ZAgencyDetail, ...err },
      },
    },
    async (req) => getAgency(db(), req.params.id),
  );

  app.post(
    '/admin/units',
    {
      preHandler: admin,
      schema: {
        tags: ['organisation'],
        body: ZUnitInput,
        response: { 201: z.object({ id: z.string() }), ...err },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createUnit(db(), audit(req), req.body) }),
  );
  app.post(
    '/admin/units/:code/merge',
    {
      preHandler: admin,
      schema: {
        tags: ['organisation'],
        params: z.object({ code: z.string() }),
        body: ZUnitMerge,
        response: { 200: z.object({ ok: z.literal(true) }), ...err },
      },
    },
    async (req) => {
      await mergeUnit(db(), audit(req), req.params.code, req.body.into, req.body.date);
      return { ok: true as const };
    },
  );
  app.post(
    '/admin/agencies',
    {
      preHandler: admin,
      schema: { tags: ['organisation'], body: ZAgencyInput, response: { 201: ZAgencyDetail, ...err } },
    },
    async (req, reply) =>
      reply.status(201).send(await getAgency(db(), await createAgency(db(), audit(req), req.body))),
  );
  app.post(
    '/admin/agencies/:id/codes',
    {
      preHandler: admin,
      schema: {
        tags: ['organisation'],
        params: z.object({ id: z.string() }),
        body: ZCodeInput,
        response: { 200: ZAgencyDetail, ...err },
      },
    },
    async (req) => {
      await reissueCode(db(), audit(req), req.params.id, req.body);
      return getAgency(db(), req.params.id);
    },
  );

  organisationAdminRoutes(app);
};
