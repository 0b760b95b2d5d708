import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  STAFF_ROLES,
  ZAgencyOptions,
  ZCreateStaffRequest,
  ZErrorResponse,
  ZRoleList,
  ZSetRolesRequest,
  ZStaffAccount,
  ZStaffList,
  ZStaffListQuery,
  ZTemporaryPasswordResponse,
} from '@motcua/contracts';
import { requireActor, requireRole } from '../../http/auth';
import { AppError } from '../../http/errors';
import * as repo from './accounts.repo';
import { can } from './accounts.policy';
import { rolesGrantableBy } from './role-grants';
import { presentStaff } from './accounts.presenter';
import { ctxOf } from './accounts.routes';
import * as staff from './staff.service';

const E = ZErrorResponse;
const admins = requireRole('system_admin', 'unit_admin');
const Params = z.object({ id: z.uuid() });

/** Staff account administration (001 Đ4.3): unit administrators for their agency, system administrators for all. */
export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db.kysely;

  app.get(
    '/admin/staff',
    {
      preHandler: admins,
      schema: {
        tags: ['staff accounts'],
        summary: 'List staff accounts',
        querystring: ZStaffListQuery,
        response: { 200: ZStaffList, 401: E, 403: E },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const agencyId = can(actor, 'staff.list', { type: 'agency', agencyId: null })
        ? req.query.agencyId
        : (actor.agencyId ?? undefined);
      if (req.query.agencyId && req.query.agencyId !== agencyId) throw new AppError('FORBIDDEN');
      const { page, pageSize, q, status } = req.query;
      const { rows, total } = await repo.findStaff(db, {
        agencyId,
        q,
        status,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: rows.map(presentStaff), total };
    },
  );

  app.post(
    '/admin/staff',
    {
      preHandler: admins,
      schema: {
        tags: ['staff accounts'],
        summary: 'Create a staff account; answers the user name and a one-time password',
        body: ZCreateStaffRequest,
        response: { 201: ZTemporaryPasswordResponse, 400: E, 401: E, 403: E, 404: E, 409: E },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const created = await staff.createStaff(db, actor, ctxOf(req).audit, req.body);
      const row = await staff.getStaff(db, actor, created.id);
      return reply.status(201).send({ account: presentStaff(row), temporaryPassword: created.password });
    },
  );

  app.get(
    '/admin/staff/:id',
    {
      preHandler: admins,
      schema: {
        tags: ['staff accounts'],
        summary: 'One staff account',
        params: Params,
        response: { 200: ZStaffAccount, 401: E, 403: E, 404: E },
      },
    },
    async (req) => presentStaff(await staff.getStaff(db, requireActor(req), req.params.id)),
  );

  for (const action of ['suspend', 'reactivate', 'revoke'] as const) {
    app.post(
      `/admin/staff/:id/${action}`,
      {
        preHandler: admins,
        schema: {
          tags: ['staff accounts'],
          summary: `${action[0]!.toUpperCase()}${action.slice(1)} a staff account`,
          params: Params,
          response: { 200: ZStaffAccount, 400: E, 401: E, 403: E, 404: E, 409: E },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await staff.setStaffStatus(db, actor, ctxOf(req).audit, req.params.id, action);
        return presentStaff(await staff.getStaff(db, actor, req.params.id));
      },
    );
  }

  app.post(
    '/admin/staff/:id/reset-password',
    {
      preHandler: admins,
      schema: {
        tags: ['staff accounts'],
        summary: 'Issue a new one-time password (must be changed at next log-in)',
        params: Params,
        response: { 200: ZTemporaryPasswordResponse, 400: E, 401: E, 403: E, 404: E, 409: E },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const temporaryPassword = await staff.resetStaffPassword(db, actor, ctxOf(req).audit, req.params.id);
      return { account: presentStaff(await staff.getStaff(db, actor, req.params.id)), temporaryPassword };
    },
  );

  app.put(
    '/admin/staff/:id/roles',
    {
      preHandler: admins,
      schema: {
        tags: ['staff accounts'],
        summary: 'Replace the roles of a staff account',
        params: Params,
        body: ZSetRolesRequest,
        response: { 200: ZStaffAccount, 400: E, 401: E, 403: E, 404: E },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await staff.setStaffRoles(db, actor, ctxOf(req).audit, req.params.id, req.body.roles);
      return presentStaff(await staff.getStaff(db, actor, req.params.id));
    },
  );

  app.get(
    '/admin/roles',
    {
      preHandler: admins,
      schema: {
        tags: ['staff accounts'],
        summary: 'Roles, how many active accounts hold each, and which the asking administrator may grant',
        response: { 200: ZRoleList, 401: E, 403: E },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const all = can(actor, 'roles.read', { type: 'agency', agencyId: null });
      const counts = await repo.roleHolderCounts(db, all ? undefined : (actor.agencyId ?? undefined));
      const grantable = rolesGrantableBy(actor.roles);
      return {
        items: STAFF_ROLES.map((role) => ({
          role,
          holders: Number(counts.find((c) => c.role === role)?.n ?? 0),
          grantable: grantable.includes(role),
        })),
      };
    },
  );

  app.get(
    '/admin/agencies',
    {
      preHandler: admins,
      schema: {
        tags: ['staff accounts'],
        summary: 'Agencies and departments the actor may create accounts in',
        response: { 200: ZAgencyOptions, 401: E, 403: E },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const all = can(actor, 'staff.list', { type: 'agency', agencyId: null });
      const rows = await repo.findAgenciesWithDepartments(
        db,
        all ? undefined : (actor.agencyId ?? undefined),
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          shortName: r.short_name,
          name: r.name,
          departments: r.departments,
        })),
      };
    },
  );
};
