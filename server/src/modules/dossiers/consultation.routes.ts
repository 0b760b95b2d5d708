/**
 * Consultation routes (lấy ý kiến, issue 14; 003 Đ13.5). Schemas: `contracts/src/consultation.ts`.
 *
 * | method | path                                                          | who                                   | request → response                         |
 * |--------|---------------------------------------------------------------|---------------------------------------|--------------------------------------------|
 * | POST   | /api/processing/dossiers/{id}/consult                         | the handler at the appraisal step     | ZConsultRequest → ZDossierDetail           |
 * | POST   | /api/processing/dossiers/{id}/consultations/{cid}/close       | the handler, once the deadline passed | ZConsultationCloseRequest → ZDossierDetail |
 * | GET    | /api/consultations                                            | staff: requests to my unit            | → ZConsultationList                        |
 * | GET    | /api/consultations/{cid}                                      | the consulted unit or the asking agency | → ZConsultation                          |
 * | POST   | /api/consultations/{cid}/answer                               | the consulted unit                    | ZConsultationAnswerRequest → ZConsultation |
 * | GET    | /api/consultations/{cid}/files/{fileId}                       | as GET /api/consultations/{cid}       | → the file                                 |
 *
 * 409 CONFLICT on a stale expectedVersion (the dossier's); 409 CONSULTATION_STATE for a request already answered or
 * closed; 422 DEADLINE_RULE when closing before the deadline; 404 for a request not addressed to the caller's unit.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZConsultation,
  ZConsultationAnswerRequest,
  ZConsultationCloseRequest,
  ZConsultationList,
  ZConsultationListQuery,
  ZConsultRequest,
  ZDossierDetail,
} from '@motcua/contracts';
import { requireActor } from '../../http/auth';
import { requestNow } from '../../http/context';
import {
  actOnDossier,
  inTransaction,
  officeStaff,
  REQUEST_ERRORS as errors,
  requestRoute,
  sendFile,
} from './agency-request.routes';
import {
  answerConsultation,
  closeConsultation,
  getConsultation,
  listForConsulted,
  openConsultationFile,
  sendConsultation,
} from './consultation.service';

export const consultationRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const db = () => api.deps.db.kysely;

  api.post(
    '/processing/dossiers/:id/consult',
    requestRoute(
      officeStaff,
      'Consult other agencies or departments (content, attachments, deadline in their calendar)',
      {
        params: z.object({ id: z.uuid() }),
        body: ZConsultRequest,
        response: { 200: ZDossierDetail, ...errors },
      },
    ),
    async (req) =>
      actOnDossier(api, req, req.params.id, (trx, ctx) =>
        sendConsultation(trx, ctx, req.params.id, req.body),
      ),
  );

  api.post(
    '/processing/dossiers/:id/consultations/:cid/close',
    requestRoute(
      officeStaff,
      'Proceed without an overdue answer, recording whether silence counts as agreement',
      {
        params: z.object({ id: z.uuid(), cid: z.uuid() }),
        body: ZConsultationCloseRequest,
        response: { 200: ZDossierDetail, ...errors },
      },
    ),
    async (req) =>
      actOnDossier(api, req, req.params.id, (trx, ctx) =>
        closeConsultation(trx, ctx, req.params.id, req.params.cid, req.body),
      ),
  );

  api.get(
    '/consultations',
    requestRoute(officeStaff, 'Consultation requests addressed to my unit, open first by due time', {
      querystring: ZConsultationListQuery,
      response: { 200: ZConsultationList, ...errors },
    }),
    async (req) => listForConsulted(db(), requireActor(req), req.query.status, requestNow(req)),
  );

  api.get(
    '/consultations/:cid',
    requestRoute(officeStaff, 'One consultation request (the consulted unit or the agency that asked)', {
      params: z.object({ cid: z.uuid() }),
      response: { 200: ZConsultation, ...errors },
    }),
    async (req) => getConsultation(db(), requireActor(req), req.params.cid, requestNow(req)),
  );

  api.post(
    '/consultations/:cid/answer',
    requestRoute(officeStaff, 'Answer (opinion) or decline a consultation request', {
      params: z.object({ cid: z.uuid() }),
      body: ZConsultationAnswerRequest,
      response: { 200: ZConsultation, ...errors },
    }),
    async (req) =>
      inTransaction(api, req, (trx, ctx) => answerConsultation(trx, ctx, req.params.cid, req.body)),
  );

  api.get(
    '/consultations/:cid/files/:fileId',
    requestRoute(officeStaff, 'Download an attachment of the request or of the answer', {
      params: z.object({ cid: z.uuid(), fileId: z.uuid() }),
    }),
    async (req, reply) =>
      sendFile(api, reply, () =>
        openConsultationFile(db(), requireActor(req), req.params.cid, req.params.fileId, requestNow(req)),
      ),
  );
};
