/**
 * Return of results by post (issue 15, 001 Đ28) and the uncollected results.
 *
 * | method | path                              | who                                          | body → response         |
 * | ------ | --------------------------------- | -------------------------------------------- | ----------------------- |
 * | POST   | /api/postal/dossiers/{id}/pickup  | desk of the dossier's agency, postal operator | ZPickupRequest → ZShipment |
 * | POST   | /api/postal/shipments/{id}/events | the same (by hand, no integration)           | ZManualShipmentEvent → ZShipment |
 * | GET    | /api/postal/shipments             | postal operator (all), desk (its agency)     | → ZShipmentList         |
 * | GET    | /api/dossiers/{id}/shipments      | whoever may see the dossier                  | → ZShipmentList         |
 * | POST   | /api/postal/webhook               | the postal service (HMAC-signed)             | ZPostalWebhook → ack    |
 * | GET    | /api/postal/waiting               | postal operator (all), desk (its agency)     | → ZUncollectedResults   |
 * | GET    | /api/postal/uncollected           | reception officer (its agency)               | → ZUncollectedResults   |
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZErrorResponse,
  ZManualShipmentEvent,
  ZPickupRequest,
  ZPostalWebhook,
  ZPostalWebhookAck,
  ZShipment,
  ZShipmentList,
  ZUncollectedResults,
} from '@motcua/contracts';
import { requireActor, requireLogin, requireRole } from '../../http/auth';
import { requestContext, requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { authorize, ctxOf, findDossier, instant, resultsWaiting } from '../dossiers';
import { signatureValid, timestampFresh } from '../payments';
import { httpPostalService } from './postal-service';
import { findEvent } from './postal.repo';
import { applyWebhook, recordShipmentEvent, requestPickup, shipmentsFor } from './postal.service';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  503: ZErrorResponse,
};
const IdParams = z.object({ id: z.uuid() });
const POSTAL = { vi: 'dịch vụ bưu chính', en: 'the postal service' };

export const postalRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const db = () => api.deps.db.kysely;
  const tags = ['postal'];
  const handlers = requireRole('reception_officer', 'postal_operator', 'approver', 'specialist');
  const listed = async (rows: Awaited<ReturnType<typeof resultsWaiting>>) => {
    const shipments = await shipmentsFor(db(), { dossierIds: rows.map((r) => r.id) });
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      procedureName: r.procedure_name,
      applicantName: r.applicant.name,
      resultChannel: r.result_channel,
      appointmentAt: r.appointment_at ? instant(r.appointment_at) : null,
      resultReadyAt: r.step_entered_at ? instant(r.step_entered_at) : null,
      shipment: shipments.find((s) => s.dossierId === r.id)?.status ?? null,
      shipmentId: shipments.find((s) => s.dossierId === r.id)?.id ?? null,
    }));
  };
  const one = async (shipmentId: string) => (await shipmentsFor(db(), {})).find((s) => s.id === shipmentId)!;

  api.post(
    '/postal/dossiers/:id/pickup',
    {
      preValidation: requireLogin,
      preHandler: handlers,
      schema: {
        tags,
        summary:
          'Send the result by post: book a pickup, or record one made by hand with its tracking number',
        params: IdParams,
        body: ZPickupRequest,
        response: { 200: ZShipment, ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const id = await requestPickup(db(), ctx, req.params.id, req.body, httpPostalService(ctx.config));
      return one(id);
    },
  );

  api.post(
    '/postal/shipments/:id/events',
    {
      preValidation: requireLogin,
      preHandler: handlers,
      schema: {
        tags,
        summary: 'The postal operator records a pickup or a delivery by hand (no integration)',
        params: IdParams,
        body: ZManualShipmentEvent,
        response: { 200: ZShipment, ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await db()
        .transaction()
        .execute((trx) => recordShipmentEvent(trx, ctx, req.params.id, req.body));
      return one(req.params.id);
    },
  );

  api.get(
    '/postal/shipments',
    {
      preValidation: requireLogin,
      preHandler: handlers,
      schema: { tags, summary: 'Results sent by post', response: { 200: ZShipmentList, ...errors } },
    },
    async (req) => {
      const a = requireActor(req);
      if (!a.roles.includes('postal_operator') && !a.agencyId) throw new AppError('FORBIDDEN');
      return {
        items: await shipmentsFor(db(), a.roles.includes('postal_operator') ? {} : { agencyId: a.agencyId! }),
      };
    },
  );

  api.get(
    '/dossiers/:id/shipments',
    {
      preValidation: requireLogin,
      schema: {
        tags,
        summary: 'The postal shipment of a dossier',
        params: IdParams,
        response: { 200: ZShipmentList, ...errors },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'view', await findDossier(db(), req.params.id));
      return { items: await shipmentsFor(db(), { dossierIds: [req.params.id] }) };
    },
  );

  api.post(
    '/postal/webhook',
    {
      schema: {
        tags,
        summary: 'Signed delivery event from the postal service (HMAC-SHA256), applied once per event id',
        body: ZPostalWebhook,
        response: { 200: ZPostalWebhookAck, ...errors },
      },
    },
    async (req) => {
      const { signature, ...fields } = req.body;
      const now = requestNow(req);
      if (!signatureValid(api.deps.config.postalService.secret, fields, signature))
        throw new AppError('CALLBACK_SIGNATURE_INVALID', { sender: POSTAL });
      if (!timestampFresh(fields.timestamp, now)) throw new AppError('CALLBACK_REPLAYED', { sender: POSTAL });
      return db()
        .transaction()
        .execute(async (trx) => {
          const seen = await findEvent(trx, fields.eventId);
          if (seen) {
            if (seen.status === fields.status) return { ok: true as const, duplicate: true };
            throw new AppError('CALLBACK_REPLAYED', { sender: POSTAL });
          }
          const audit = { ...requestContext(req).audit, type: 'system' as const, name: 'postal-service' };
          await applyWebhook(trx, req.body, audit, now, api.deps.config);
          return { ok: true as const, duplicate: false };
        });
    },
  );

  api.get(
    '/postal/waiting',
    {
      preValidation: requireLogin,
      preHandler: handlers,
      schema: {
        tags,
        summary: 'Results ready to go out by post (postal operator: all; desk: its agency)',
        response: { 200: ZUncollectedResults, ...errors },
      },
    },
    async (req) => {
      const a = requireActor(req);
      const operator = a.roles.includes('postal_operator');
      if (!operator && !a.agencyId) throw new AppError('FORBIDDEN');
      const rows = await resultsWaiting(db(), {
        channel: 'post',
        ...(operator ? {} : { agencyId: a.agencyId! }),
      });
      return { items: await listed(rows) };
    },
  );

  api.get(
    '/postal/uncollected',
    {
      preValidation: requireLogin,
      preHandler: requireRole('reception_officer', 'postal_operator'),
      schema: {
        tags,
        summary: 'Results not collected after their appointment (desk of the agency)',
        response: { 200: ZUncollectedResults, ...errors },
      },
    },
    async (req) => {
      const a = requireActor(req);
      if (!a.agencyId) throw new AppError('FORBIDDEN');
      const rows = await resultsWaiting(db(), { agencyId: a.agencyId, appointmentBefore: requestNow(req) });
      return { items: await listed(rows) };
    },
  );
};
