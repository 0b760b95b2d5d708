/**
 * Inter-agency routes (liên thông, issue 14; 000 Đ8). Schemas: `contracts/src/interagency.ts`.
 *
 * | method | path                                         | who                                        | request → response                      |
 * |--------|----------------------------------------------|--------------------------------------------|-----------------------------------------|
 * | POST   | /api/processing/dossiers/{id}/interagency    | the receiving desk (reception officer)     | ZInteragencySendRequest → ZDossierDetail |
 * | GET    | /api/interagency/tasks                       | staff: the parts my agency is asked for    | → ZInteragencyTaskList                  |
 * | GET    | /api/interagency/tasks/{tid}                 | the partner, the lead or the receiving desk | → ZInteragencyTask                     |
 * | GET    | /api/interagency/tasks/{tid}/files[/{fileId}] | as GET /api/interagency/tasks/{tid}; not while waiting | → ZInteragencyTaskFiles / the file |
 * | GET    | /api/interagency/tasks/{tid}/answer-files/{fileId} | who sees that answer: the lead, the desk, the partner; a later partner (earlier answers) | → the file |
 * | POST   | /api/interagency/tasks/{tid}/done            | the partner agency (specialist, approver)  | ZInteragencyDoneRequest → ZInteragencyTask |
 * | GET    | /api/processing/dossiers/{id}/forward-level  | staff who see the dossier (none unless the commune desk may forward) | → ZLevelForwardTargets |
 * | POST   | /api/processing/dossiers/{id}/forward-level  | the receiving commune desk (003 Đ13.7)     | ZLevelForwardRequest → ZDossierDetail    |
 *
 * 409 CONFLICT on a stale expectedVersion (the dossier's); 409 INTERAGENCY_STATE for a part not open (waiting for its
 * turn, or done) or a dossier already dispatched; 404 for a part not addressed to the caller's agency.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZDossierDetail,
  ZInteragencyDoneRequest,
  ZInteragencySendRequest,
  ZInteragencyTask,
  ZInteragencyTaskFiles,
  ZInteragencyTaskList,
  ZInteragencyTaskListQuery,
  ZLevelForwardRequest,
  ZLevelForwardTargets,
} from '@motcua/contracts';
import { requireActor, requireRole } from '../../http/auth';
import { requestNow } from '../../http/context';
import {
  actOnDossier,
  inTransaction,
  officeStaff,
  REQUEST_ERRORS as errors,
  requestRoute,
  sendFile,
} from './agency-request.routes';
import { openAnswerFile, openPartnerFile, partnerFiles } from './interagency-files';
import { forwardTargets, forwardToUpperLevel } from './interagency-level';
import { completeTask, getTask, listForPartner, sendInteragency } from './interagency.service';

export const interagencyRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const desk = requireRole('reception_officer');
  const db = () => api.deps.db.kysely;

  api.post(
    '/processing/dossiers/:id/interagency',
    requestRoute(
      desk,
      'Dispatch an inter-agency dossier to the partner agencies (paper: in order; online: all at once)',
      {
        params: z.object({ id: z.uuid() }),
        body: ZInteragencySendRequest,
        response: { 200: ZDossierDetail, ...errors },
      },
    ),
    async (req) =>
      actOnDossier(api, req, req.params.id, (trx, ctx) => sendInteragency(trx, ctx, req.params.id, req.body)),
  );

  api.get(
    '/interagency/tasks',
    requestRoute(
      officeStaff,
      'The parts of inter-agency dossiers my agency is asked for, open first by due time',
      {
        querystring: ZInteragencyTaskListQuery,
        response: { 200: ZInteragencyTaskList, ...errors },
      },
    ),
    async (req) => listForPartner(db(), requireActor(req), req.query.status, requestNow(req)),
  );

  api.get(
    '/interagency/tasks/:tid',
    requestRoute(officeStaff, "One partner agency's part of an inter-agency dossier", {
      params: z.object({ tid: z.uuid() }),
      response: { 200: ZInteragencyTask, ...errors },
    }),
    async (req) => getTask(db(), requireActor(req), req.params.tid, requestNow(req)),
  );

  api.get(
    '/interagency/tasks/:tid/files',
    requestRoute(officeStaff, "The dossier's files a partner may open for its part (none while it waits)", {
      params: z.object({ tid: z.uuid() }),
      response: { 200: ZInteragencyTaskFiles, ...errors },
    }),
    async (req) => partnerFiles(db(), requireActor(req), req.params.tid, requestNow(req)),
  );

  api.get(
    '/interagency/tasks/:tid/files/:fileId',
    requestRoute(officeStaff, 'Download one of the files of a partner part', {
      params: z.object({ tid: z.uuid(), fileId: z.uuid() }),
    }),
    async (req, reply) =>
      sendFile(api, reply, () =>
        openPartnerFile(db(), requireActor(req), req.params.tid, req.params.fileId, requestNow(req)),
      ),
  );

  api.get(
    '/interagency/tasks/:tid/answer-files/:fileId',
    requestRoute(officeStaff, "Download a file attached to a partner's answer (or an earlier partner's)", {
      params: z.object({ tid: z.uuid(), fileId: z.uuid() }),
    }),
    async (req, reply) =>
      sendFile(api, reply, () =>
        openAnswerFile(db(), requireActor(req), req.params.tid, req.params.fileId, requestNow(req)),
      ),
  );

  api.post(
    '/interagency/tasks/:tid/done',
    requestRoute(
      officeStaff,
      'The partner agency returns its part (the next partner of a paper dossier begins)',
      {
        params: z.object({ tid: z.uuid() }),
        body: ZInteragencyDoneRequest,
        response: { 200: ZInteragencyTask, ...errors },
      },
    ),
    async (req) => inTransaction(api, req, (trx, ctx) => completeTask(trx, ctx, req.params.tid, req.body)),
  );

  api.get(
    '/processing/dossiers/:id/forward-level',
    requestRoute(officeStaff, "Where the commune desk may forward the dossier (the province's agencies)", {
      params: z.object({ id: z.uuid() }),
      response: { 200: ZLevelForwardTargets, ...errors },
    }),
    async (req) => forwardTargets(db(), requireActor(req), req.params.id),
  );

  api.post(
    '/processing/dossiers/:id/forward-level',
    requestRoute(
      desk,
      "Forward a commune-received dossier to the province's competent agency (deadline carried)",
      {
        params: z.object({ id: z.uuid() }),
        body: ZLevelForwardRequest,
        response: { 200: ZDossierDetail, ...errors },
      },
    ),
    async (req) =>
      actOnDossier(api, req, req.params.id, (trx, ctx) =>
        forwardToUpperLevel(trx, ctx, req.params.id, req.body),
      ),
  );
};
