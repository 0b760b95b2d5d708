/**
 * The office inbox, the assignee picker and the desk's chase list (issue 12). Schemas: `contracts/src/inbox.ts`.
 *
 * | method | path                                    | who                                         | → response          |
 * |--------|-----------------------------------------|---------------------------------------------|---------------------|
 * | GET    | /api/processing/inbox                   | office staff of an agency (scope me/department/agency) | ZInboxPage |
 * | GET    | /api/processing/dossiers/{id}/assignees | the head of the responsible department      | ZAssigneeList       |
 * | GET    | /api/processing/chase                   | reception_officer: its desk's dossiers due within a working day or late | ZChaseList |
 *
 * 403 FORBIDDEN for citizens, staff without an agency, or the department scope without a department; 403
 * NOT_ASSIGNED for assignees asked by someone who does not assign; 404 for a dossier outside the agency; 400 for a bad
 * cursor or filter.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAssigneeList, ZChaseList, ZErrorResponse, ZInboxPage, ZInboxQuery } from '@motcua/contracts';
import { requireActor, requireLogin, requireRole } from '../../http/auth';
import { requestNow } from '../../http/context';
import { assignees, chase, inbox } from './processing-inbox.service';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
};

export const processingInboxRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const office = requireRole('approver', 'specialist', 'reception_officer', 'leader');
  api.get(
    '/processing/inbox',
    {
      preValidation: requireLogin,
      preHandler: office,
      schema: {
        tags: ['processing'],
        summary: 'Hồ sơ cần xử lý: my steps, my department, my agency, by step due time (keyset pages)',
        querystring: ZInboxQuery,
        response: { 200: ZInboxPage, ...errors },
      },
    },
    async (req) => inbox(api.deps.db, requireActor(req), req.query, requestNow(req)),
  );
  api.get(
    '/processing/dossiers/:id/assignees',
    {
      preValidation: requireLogin,
      preHandler: requireRole('approver'),
      schema: {
        tags: ['processing'],
        summary: 'Who may take the step being assigned (the assign form)',
        params: z.object({ id: z.uuid() }),
        response: { 200: ZAssigneeList, ...errors },
      },
    },
    async (req) => assignees(api.deps.db, requireActor(req), req.params.id),
  );
  api.get(
    '/processing/chase',
    {
      preValidation: requireLogin,
      preHandler: requireRole('reception_officer'),
      schema: {
        tags: ['processing'],
        summary: "The desk's chase list: due within a working day or overdue against the appointment",
        response: { 200: ZChaseList, ...errors },
      },
    },
    async (req) => chase(api.deps.db, requireActor(req), requestNow(req)),
  );
};
