/**
 * Reports (issue 17): dashboard, drill-down, periodic report, QĐ 766 index (office), public statistics (no log-in).
 *
 * | method | path                          | who                                   | query → response            |
 * | ------ | ----------------------------- | ------------------------------------- | --------------------------- |
 * | GET    | /api/reports/dashboard        | leader, approver, unit_admin, sysadmin | ZReportFilter → ZDashboard  |
 * | GET    | /api/reports/agencies         | the same                              | → ZReportAgencies (with level) |
 * | GET    | /api/reports/dossiers         | the same                              | ZReportDossiersQuery → page |
 * | GET    | /api/reports/periodic         | the same                              | ZPeriodicQuery → ZPeriodicReport |
 * | GET    | /api/reports/periodic/export  | the same                              | ?format=xlsx|pdf → file     |
 * | GET    | /api/reports/service-index    | the same                              | ZServiceIndexQuery → ZServiceIndex |
 * | GET    | /api/public/statistics        | anyone                                | ZPublicStatsQuery → ZPublicStats |
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZDashboard,
  ZErrorResponse,
  ZPeriodicQuery,
  ZPeriodicReport,
  ZPublicStats,
  ZPublicStatsQuery,
  ZReportDossierPage,
  ZReportAgencies,
  ZReportDossiersQuery,
  ZReportFilter,
  ZServiceIndex,
  ZServiceIndexQuery,
} from '@motcua/contracts';
import { z } from 'zod';
import { sendStoredFile } from '../../files/serve';
import { requireLogin, requireRole } from '../../http/auth';
import { requestNow } from '../../http/context';
import { readDb } from '../../http/read-replica';
import { periodicPdf, periodicReport, periodicXlsx } from './periodic';
import { dashboard, dossiersBehind, reportAgencies } from './reports.service';
import { satisfactionFromRatings } from './satisfaction-port';
import { publicStats, serviceIndex } from './service-index.service';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportsRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  // Every route here only reads counts and may be answered by the replica (ADR 0030); the log-in check is the
  // primary's, before the handler.
  const db = readDb;
  const tags = ['reports'];
  const config = { replica: true };
  const office = {
    preValidation: requireLogin,
    preHandler: requireRole('leader', 'approver', 'unit_admin', 'system_admin'),
    config,
  };

  api.get(
    '/reports/dashboard',
    {
      ...office,
      schema: {
        tags,
        summary: 'Leader dashboard: counts by agency, level, field, procedure, channel',
        querystring: ZReportFilter,
        response: { 200: ZDashboard, ...errors },
      },
    },
    async (req) => dashboard(db(req), req.actor, req.query, requestNow(req)),
  );
  api.get(
    '/reports/agencies',
    {
      ...office,
      schema: {
        tags,
        summary: 'The agencies the actor may report on, with their administrative level',
        response: { 200: ZReportAgencies, ...errors },
      },
    },
    async (req) => reportAgencies(db(req), req.actor),
  );
  api.get(
    '/reports/dossiers',
    {
      ...office,
      schema: {
        tags,
        summary: 'The dossiers behind one count (same filters and measure), keyset pages',
        querystring: ZReportDossiersQuery,
        response: { 200: ZReportDossierPage, ...errors },
      },
    },
    async (req) => dossiersBehind(db(req), req.actor, req.query, requestNow(req)),
  );
  api.get(
    '/reports/periodic',
    {
      ...office,
      schema: {
        tags,
        summary: 'Periodic report (Biểu mẫu 06a/VPCP/KSTT, TT 01/2020/TT-VPCP)',
        querystring: ZPeriodicQuery,
        response: { 200: ZPeriodicReport, ...errors },
      },
    },
    async (req) => periodicReport(db(req), req.actor, req.query, requestNow(req)),
  );
  api.get(
    '/reports/periodic/export',
    {
      ...office,
      schema: {
        tags,
        summary: 'The periodic report as xlsx or PDF with the agency heading',
        querystring: ZPeriodicQuery.extend({ format: z.enum(['xlsx', 'pdf']).default('xlsx') }),
        response: errors,
      },
    },
    async (req, reply) => {
      const report = await periodicReport(db(req), req.actor, req.query, requestNow(req));
      const name = `bao-cao-tthc_${report.from}_${report.to}`;
      if (req.query.format === 'pdf')
        return sendStoredFile(reply, {
          body: await periodicPdf(report),
          mediaType: 'application/pdf',
          name: `${name}.pdf`,
        });
      return sendStoredFile(reply, {
        body: await periodicXlsx(report),
        mediaType: XLSX,
        name: `${name}.xlsx`,
      });
    },
  );
  api.get(
    '/reports/service-index',
    {
      ...office,
      schema: {
        tags,
        summary: 'QĐ 766/QĐ-TTg service index: score, indicators with their counts, history',
        querystring: ZServiceIndexQuery,
        response: { 200: ZServiceIndex, ...errors },
      },
    },
    async (req) =>
      serviceIndex(db(req), req.actor, req.query, requestNow(req), satisfactionFromRatings(db(req))),
  );
  api.get(
    '/public/statistics',
    {
      config,
      schema: {
        tags,
        summary: 'Public statistics per month (000 Đ4.2): received, resolved, on-time and online rates',
        querystring: ZPublicStatsQuery,
        response: { 200: ZPublicStats, 400: ZErrorResponse, 404: ZErrorResponse },
      },
    },
    async (req) => publicStats(db(req), req.query, requestNow(req), satisfactionFromRatings(db(req))),
  );
};
