import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse, ZReconciliation, ZReconciliationQuery } from '@motcua/contracts';
import { requireActor, requireLogin, requireRole } from '../../http/auth';
import { AppError, localeOf } from '../../http/errors';
import { sendStoredFile } from '../../files/serve';
import { reconcile, reconciliationXlsx, type WorkbookLabels } from './reconciliation';

const LABELS: Record<'vi' | 'en', WorkbookLabels> = {
  vi: {
    title: 'Đối soát phí, lệ phí',
    channels: {
      desk: 'Nộp tại Bộ phận Một cửa',
      bank_transfer: 'Chuyển khoản',
      postal: 'Thu qua bưu chính công ích',
      online: 'Thanh toán trực tuyến',
    },
    headers: { channel: 'Hình thức', count: 'Số khoản', amount: 'Số tiền (đồng)' },
    total: 'Tổng đã thu',
    refunded: 'Đã hoàn trả',
    outstanding: 'Chưa thu (cuối quý)',
    detail: [
      'Thời điểm thu',
      'Số biên lai',
      'Mã hồ sơ',
      'Hình thức',
      'Số tiền',
      'Mã giao dịch',
      'Đã hoàn trả',
    ],
    yes: 'Có',
  },
  en: {
    title: 'Fee reconciliation',
    channels: {
      desk: 'At the desk',
      bank_transfer: 'Bank transfer',
      postal: 'Postal collection',
      online: 'Online',
    },
    headers: { channel: 'Channel', count: 'Payments', amount: 'Amount (VND)' },
    total: 'Collected',
    refunded: 'Refunded',
    outstanding: 'Outstanding (quarter end)',
    detail: ['Paid at', 'Receipt no.', 'Dossier code', 'Channel', 'Amount', 'Reference', 'Refunded'],
    yes: 'Yes',
  },
};

/**
 * | GET | /api/payments/reconciliation?year=&quarter=      | staff of the agency | → ZReconciliation |
 * | GET | /api/payments/reconciliation.xlsx?year=&quarter= | staff of the agency | → xlsx            |
 */
export const reconciliationRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const staff = requireRole('reception_officer', 'approver', 'leader', 'unit_admin');
  const agencyOf = (actor: ReturnType<typeof requireActor>) => {
    if (!actor.agencyId) throw new AppError('FORBIDDEN');
    return actor.agencyId;
  };
  const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse };

  api.get(
    '/payments/reconciliation',
    {
      preValidation: requireLogin,
      preHandler: staff,
      schema: {
        tags: ['payments'],
        summary: "The agency's fees of a quarter: collected by channel, refunded, outstanding",
        querystring: ZReconciliationQuery,
        response: { 200: ZReconciliation, ...errors },
      },
    },
    async (req) =>
      reconcile(api.deps.db.kysely, agencyOf(requireActor(req)), req.query.year, req.query.quarter),
  );

  api.get(
    '/payments/reconciliation.xlsx',
    {
      preValidation: requireLogin,
      preHandler: staff,
      schema: {
        tags: ['payments'],
        summary: 'The same reconciliation as an Excel workbook',
        querystring: ZReconciliationQuery,
        response: errors,
      },
    },
    async (req, reply) => {
      const { year, quarter } = req.query;
      const r = await reconcile(api.deps.db.kysely, agencyOf(requireActor(req)), year, quarter);
      const bytes = await reconciliationXlsx(r, LABELS[localeOf(req)]);
      return sendStoredFile(reply, {
        body: bytes,
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        name: `doi-soat-${year}-Q${quarter}.xlsx`,
      });
    },
  );
};
