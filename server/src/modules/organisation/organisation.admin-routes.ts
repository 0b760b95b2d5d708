import type { FastifyInstance } from 'fastify';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAgencyDetail,
  ZAgencyRetire,
  ZAgencyUpdate,
  ZDepartmentInput,
  ZDepartmentUpdate,
  ZDeskStaffInput,
  ZErrorResponse,
  ZRetire,
  ZUnit,
  ZUnitUpdate,
} from '@motcua/contracts';
import { requireRole } from '../../http/auth';
import { actorContext } from '../../http/context';
import {
  addDepartment,
  replaceDeskStaff,
  retireAgency,
  updateAgency,
  updateDepartment,
} from './organisation.agencies';
import { getAgency, listUnits } from './organisation.service';
import { retireUnit, updateUnit, UNIT_WHAT } from './organisation.units';
import { AppError } from '../../http/errors';

/** Error statuses every organisation route may answer with. */
export const err = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
};
const systemAdmin = requireRole('system_admin');
/** Unit administrators may edit their own agency's contact data, departments and desk staff (see the policy). */
const agencyEditor = requireRole('system_admin', 'unit_admin');
const tags = ['organisation'];
const agencyId = z.object({ id: z.string() });

/** Admin edits of units and agencies (SPEC §2); the public reads and creation live in organisation.routes.ts. */
export function organisationAdminRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.kysely;
  const who = (req: FastifyRequest) => actorContext(req);
  const unitOut = async (code: string) => {
    const rows = await listUnits(db(), { all: 'true' }, null);
    const u = rows.filter((r) => r.code === code).at(-1);
    if (!u) throw new AppError('NOT_FOUND', { what: UNIT_WHAT });
    return u;
  };

  app.patch(
    '/admin/units/:code',
    {
      preHandler: systemAdmin,
      schema: {
        tags,
        summary: 'Edit a unit: name, level, parent, start date (send the version you saw)',
        params: z.object({ code: z.string() }),
        body: ZUnitUpdate,
        response: { 200: ZUnit, ...err },
      },
    },
    async (req) => {
      await updateUnit(db(), who(req).audit, req.params.code, req.body);
      return unitOut(req.params.code);
    },
  );
  app.post(
    '/admin/units/:code/retire',
    {
      preHandler: systemAdmin,
      schema: {
        tags,
        summary: 'End a unit on a date (no successor); its history, agencies and dossiers stay attached',
        params: z.object({ code: z.string() }),
        body: ZRetire,
        response: { 200: ZUnit, ...err },
      },
    },
    async (req) => {
      await retireUnit(db(), who(req).audit, req.params.code, req.body);
      return unitOut(req.params.code);
    },
  );

  app.patch(
    '/admin/agencies/:id',
    {
      preHandler: agencyEditor,
      schema: {
        tags,
        summary: 'Edit an agency: names, type, unit, contact data (unit administrators: contact data only)',
        params: agencyId,
        body: ZAgencyUpdate,
        response: { 200: ZAgencyDetail, ...err },
      },
    },
    async (req) => {
      await updateAgency(db(), who(req), req.params.id, req.body);
      return getAgency(db(), req.params.id);
    },
  );
  app.post(
    '/admin/agencies/:id/retire',
    {
      preHandler: systemAdmin,
      schema: {
        tags,
        summary: 'End an agency on a date, optionally naming its successor; its current codes end too',
        params: agencyId,
        body: ZAgencyRetire,
        response: { 200: ZAgencyDetail, ...err },
      },
    },
    async (req) => {
      await retireAgency(db(), who(req), req.params.id, req.body);
      return getAgency(db(), req.params.id);
    },
  );
  app.post(
    '/admin/agencies/:id/departments',
    {
      preHandler: agencyEditor,
      schema: {
        tags,
        summary: 'Add a specialist department',
        params: agencyId,
        body: ZDepartmentInput,
        response: { 201: ZAgencyDetail, ...err },
      },
    },
    async (req, reply) => {
      await addDepartment(db(), who(req), req.params.id, req.body);
      return reply.status(201).send(await getAgency(db(), req.params.id));
    },
  );
  app.patch(
    '/admin/agencies/:id/departments/:departmentId',
    {
      preHandler: agencyEditor,
      schema: {
        tags,
        summary: 'Rename a department or retire it (`active: false`; the one-stop desk can only be renamed)',
        params: z.object({ id: z.string(), departmentId: z.string() }),
        body: ZDepartmentUpdate,
        response: { 200: ZAgencyDetail, ...err },
      },
    },
    async (req) => {
      await updateDepartment(db(), who(req), req.params.id, req.params.departmentId, req.body);
      return getAgency(db(), req.params.id);
    },
  );
  app.put(
    '/admin/agencies/:id/desk-staff',
    {
      preHandler: agencyEditor,
      schema: {
        tags,
        summary: "Replace the one-stop desk's public staff list (003 Đ10.1.g)",
        params: agencyId,
        body: ZDeskStaffInput,
        response: { 200: ZAgencyDetail, ...err },
      },
    },
    async (req) => {
      await replaceDeskStaff(db(), who(req), req.params.id, req.body);
      return getAgency(db(), req.params.id);
    },
  );
}
