/**
 * Public dossier lookup and its probing alerts (ADR 0014). Schemas: `contracts/src/dossiers.ts`.
 *
 * | method | path                                          | who                           | request → response                    |
 * |--------|-----------------------------------------------|-------------------------------|---------------------------------------|
 * | GET    | /api/lookup/{code}?pin=                       | anyone (limited per address   | → ZLookupResponse; 400 malformed,     |
 * |        |                                               | and globally, in the database)| 404 unknown, 429 limited              |
 * | GET    | /api/admin/lookup-alerts?open=true|false      | system_admin                  | → ZLookupAlertList                    |
 * | POST   | /api/admin/lookup-alerts/{id}/acknowledge     | system_admin                  | → ZLookupAlert; 404 not open          |
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZErrorResponse,
  ZLookupAlert,
  ZLookupAlertList,
  ZLookupAlertListQuery,
  ZLookupQuery,
  ZLookupResponse,
} from '@motcua/contracts';
import { requireRole } from '../../http/auth';
import { actorContext, requestNow } from '../../http/context';
import { readDb } from '../../http/read-replica';
import { acknowledgeLookupAlert, listLookupAlerts, publicLookup } from './dossier-lookup.service';

const E = ZErrorResponse;

export const lookupRoutes: FastifyPluginAsyncZod = async (api) => {
  const db = () => api.deps.db.kysely;
  const config = api.deps.config;
  const admin = requireRole('system_admin');

  api.get(
    '/lookup/:code',
    {
      // Per address (LOOKUP_RATE_LIMIT a minute): enough for a kiosk behind one address, too few to enumerate codes.
      // The dossier may be read from the replica (ADR 0030); the counters stay on the primary.
      config: { rateLimit: { max: config.lookupRateLimit, timeWindow: '1 minute' }, replica: true },
      schema: {
        tags: ['lookup'],
        summary:
          'Public dossier status by code (no login); the masked applicant name only with the receipt PIN (?pin=)',
        params: z.object({ code: z.string().max(80) }),
        querystring: ZLookupQuery,
        response: { 200: ZLookupResponse, 400: E, 404: E, 429: E },
      },
    },
    async (req) =>
      publicLookup(
        db(),
        {
          code: req.params.code,
          pin: req.query.pin,
          clientIp: req.ip,
          globalPerMinute: config.lookupGlobalRateLimit,
        },
        requestNow(req),
        readDb(req),
      ),
  );

  api.get(
    '/admin/lookup-alerts',
    {
      preHandler: admin,
      schema: {
        tags: ['lookup'],
        summary: 'Clients that walked a run of dossier codes on the public lookup (system administrator)',
        querystring: ZLookupAlertListQuery,
        response: { 200: ZLookupAlertList, 401: E, 403: E },
      },
    },
    async (req) => listLookupAlerts(db(), req.query.open === 'true'),
  );

  api.post(
    '/admin/lookup-alerts/:id/acknowledge',
    {
      preHandler: admin,
      schema: {
        tags: ['lookup'],
        summary: 'Mark a probing alert as seen (system administrator)',
        params: z.object({ id: z.uuid() }),
        response: { 200: ZLookupAlert, 401: E, 403: E, 404: E },
      },
    },
    async (req) => {
      const { audit } = actorContext(req);
      return acknowledgeLookupAlert(db(), audit, req.params.id, audit.at);
    },
  );
};
