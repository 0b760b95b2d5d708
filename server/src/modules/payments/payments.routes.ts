/**
 * Fees and charges (issue 15, 003 Đ16).
 *
 * | method | path                                   | who                                        | body → response              |
 * | ------ | -------------------------------------- | ------------------------------------------ | ---------------------------- |
 * | GET    | /api/dossiers/{id}/payments            | whoever may see the dossier                | → ZDossierPayments           |
 * | POST   | /api/dossiers/{id}/payments/online     | the applicant                              | → ZOnlinePaymentStarted      |
 * | POST   | /api/dossiers/{id}/payments            | office staff; postal operator (postal)     | ZRecordPaymentRequest → ...  |
 * | POST   | /api/payments/{id}/refund              | desk / approver of the dossier's agency    | ZRefundRequest → ...         |
 * | GET    | /api/payments/{id}/receipt             | whoever may see the dossier                | → application/pdf (biên lai) |
 * | POST   | /api/payments/gateway/callback         | the payment gateway (HMAC-signed)          | ZGatewayCallback → ack       |
 *
 * Refusals change nothing: bad signature 401, stale or replayed callback 409, unknown order 404, amount mismatch
 * 422, already paid 409, second refund 409, refund not allowed by law 422.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZDossierPayments,
  ZErrorResponse,
  ZGatewayCallback,
  ZGatewayCallbackAck,
  ZOnlinePaymentStarted,
  ZRecordPaymentRequest,
  ZRefundRequest,
} from '@motcua/contracts';
import { requireActor, requireLogin, requireRole } from '../../http/auth';
import { requestContext, requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { sendStoredFile } from '../../files/serve';
import { authorize, ctxOf, fileStoreFor, findDossier } from '../dossiers';
import { httpPaymentGateway } from './payment-gateway';
import { findCallback, findPayment, insertCallback } from './payments.repo';
import {
  applyGatewayCallback,
  dossierPayments,
  openOnlinePayment,
  paymentsSummary,
  recordPayment,
  refundPayment,
} from './payments.service';
import { contentHash, signatureValid, timestampFresh } from './signed-message';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  422: ZErrorResponse,
  503: ZErrorResponse,
};
const IdParams = z.object({ id: z.uuid() });
const GATEWAY = { vi: 'cổng thanh toán', en: 'the payment gateway' };

export const paymentRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const db = () => api.deps.db.kysely;
  const tags = ['payments'];

  api.get(
    '/dossiers/:id/payments',
    {
      preValidation: requireLogin,
      schema: {
        tags,
        summary: 'Fees of a dossier and its payments',
        params: IdParams,
        response: { 200: ZDossierPayments, ...errors },
      },
    },
    async (req) =>
      db()
        .transaction()
        .execute((trx) => dossierPayments(trx, requireActor(req), req.params.id, requestNow(req))),
  );

  api.post(
    '/dossiers/:id/payments/online',
    {
      preValidation: requireLogin,
      schema: {
        tags,
        summary: 'The applicant pays online: opens an order at the payment gateway',
        params: IdParams,
        response: { 200: ZOnlinePaymentStarted, ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const id = req.params.id;
      // Commit the pending payment before calling the gateway: its callback may arrive before we get its answer.
      const order = await db()
        .transaction()
        .execute((trx) => openOnlinePayment(trx, ctx, id));
      const { publicUrl } = ctx.config;
      const { payUrl } = await httpPaymentGateway(ctx.config).createOrder({
        orderRef: order.orderRef,
        amount: order.amount,
        description: order.description,
        returnUrl: `${publicUrl}/ho-so-cua-toi/${id}?thanh-toan=1`,
        callbackUrl: `${publicUrl}/api/payments/gateway/callback`,
        now: ctx.now,
      });
      return { paymentId: order.paymentId, payUrl };
    },
  );

  api.post(
    '/dossiers/:id/payments',
    {
      preValidation: requireLogin,
      preHandler: requireRole('reception_officer', 'specialist', 'approver', 'postal_operator'),
      schema: {
        tags,
        summary:
          'Record a payment at the desk, by bank transfer or by postal collection (issues the receipt)',
        params: IdParams,
        body: ZRecordPaymentRequest,
        response: { 200: ZDossierPayments, ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return db()
        .transaction()
        .execute(async (trx) => {
          const d = await recordPayment(trx, ctx, req.params.id, req.body);
          return paymentsSummary(trx, d, ctx.now);
        });
    },
  );

  api.post(
    '/payments/:id/refund',
    {
      preValidation: requireLogin,
      preHandler: requireRole('reception_officer', 'approver'),
      schema: {
        tags,
        summary:
          'Refund a paid fee where the law allows it (the agency failed; refused not for the applicant)',
        params: IdParams,
        body: ZRefundRequest,
        response: { 200: ZDossierPayments, ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return db()
        .transaction()
        .execute(async (trx) => {
          const d = await refundPayment(trx, ctx, req.params.id, req.body);
          return paymentsSummary(trx, d, ctx.now);
        });
    },
  );

  api.get(
    '/payments/:id/receipt',
    {
      preValidation: requireLogin,
      schema: {
        tags,
        summary: 'The electronic payment receipt, PDF',
        params: IdParams,
        response: { 404: ZErrorResponse },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const p = await findPayment(db(), { id: req.params.id });
      const d = p ? await findDossier(db(), p.dossier_id) : undefined;
      authorize(actor, 'view', d);
      if (!p?.receipt_sha256) throw new AppError('NOT_FOUND', { what: { vi: 'biên lai', en: 'Receipt' } });
      return sendStoredFile(reply, {
        body: await fileStoreFor(api.deps.config).get(p.receipt_sha256),
        mediaType: 'application/pdf',
        name: `bien-lai-${p.receipt_no}.pdf`,
      });
    },
  );

  api.post(
    '/payments/gateway/callback',
    {
      schema: {
        tags,
        summary: 'Signed payment notice from the gateway (HMAC-SHA256 over the sorted fields), applied once',
        body: ZGatewayCallback,
        response: { 200: ZGatewayCallbackAck, ...errors },
      },
    },
    async (req) => {
      const cb = req.body;
      const { paymentGateway } = api.deps.config;
      const now = requestNow(req);
      const { signature, ...fields } = cb;
      if (
        cb.merchantId !== paymentGateway.merchantId ||
        !signatureValid(paymentGateway.secret, fields, signature)
      )
        throw new AppError('CALLBACK_SIGNATURE_INVALID', { sender: GATEWAY });
      if (!timestampFresh(cb.timestamp, now)) throw new AppError('CALLBACK_REPLAYED', { sender: GATEWAY });
      const hash = contentHash(fields);
      return db()
        .transaction()
        .execute(async (trx) => {
          const seen = await findCallback(trx, cb.transactionId);
          if (seen) {
            if (seen.body_hash === hash) return { ok: true as const, duplicate: true };
            throw new AppError('CALLBACK_REPLAYED', { sender: GATEWAY });
          }
          const audit = { ...requestContext(req).audit, type: 'system' as const, name: 'payment-gateway' };
          await applyGatewayCallback(trx, api.deps.config, audit, cb, now);
          await insertCallback(trx, {
            transaction_id: cb.transactionId,
            order_ref: cb.orderRef,
            body_hash: hash,
            received_at: now,
          });
          return { ok: true as const, duplicate: false };
        });
    },
  );
};
