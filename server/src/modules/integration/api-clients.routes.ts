/**
 * Administration of API clients (ADR 0027). Schemas: `contracts/src/integration.ts`. All system_admin.
 *
 * | method | path                                   | request → response                                  |
 * |--------|----------------------------------------|-----------------------------------------------------|
 * | GET    | /api/admin/api-clients                 | → ZApiClientList                                    |
 * | POST   | /api/admin/api-clients                 | ZApiClientInput → ZApiClientCreated (201, key once) |
 * | POST   | /api/admin/api-clients/{id}/revoke     | → ZApiClient; 404                                   |
 * | GET    | /api/admin/api-clients/{id}/calls      | → ZApiClientCallList (newest first)                 |
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZApiClient,
  ZApiClientCallList,
  ZApiClientCreated,
  ZApiClientInput,
  ZApiClientList,
  ZErrorResponse,
} from '@motcua/contracts';
import { requireRole } from '../../http/auth';
import { requestContext, requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit';
import { instant } from '../dossiers';
import { createApiClient } from './api-clients';
import { presentApiClient } from './integration.presenter';

const E = ZErrorResponse;
const ZId = z.object({ id: z.uuid() });

export const apiClientRoutes: FastifyPluginAsyncZod = async (api) => {
  const db = () => api.deps.db.kysely;
  const admin = requireRole('system_admin');
  const tags = ['integration'];

  api.get(
    '/admin/api-clients',
    {
      preHandler: admin,
      schema: { tags, summary: 'API clients', response: { 200: ZApiClientList, 401: E, 403: E } },
    },
    async () => ({
      items: (await db().selectFrom('api_clients').selectAll().orderBy('created_at').execute()).map(
        presentApiClient,
      ),
    }),
  );

  api.post(
    '/admin/api-clients',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Create an API client; its key is in this answer only',
        body: ZApiClientInput,
        response: { 201: ZApiClientCreated, 400: E, 401: E, 403: E, 404: E },
      },
    },
    async (req, reply) => {
      const made = await db()
        .transaction()
        .execute(async (trx) => {
          const r = await createApiClient(trx, req.body, requestNow(req));
          await appendAudit(trx, requestContext(req).audit, {
            action: 'integration.api_client_created',
            target: { type: 'api_client', id: r.row.id },
            details: { scopes: r.row.scopes, actsAsUserId: r.row.acts_as_user_id },
          });
          return r;
        });
      return reply.status(201).send({ ...presentApiClient(made.row), key: made.key });
    },
  );

  api.post(
    '/admin/api-clients/:id/revoke',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Revoke an API client: its key stops working at once',
        params: ZId,
        response: { 200: ZApiClient, 400: E, 401: E, 403: E, 404: E },
      },
    },
    async (req) =>
      db()
        .transaction()
        .execute(async (trx) => {
          const row = await trx
            .updateTable('api_clients')
            .set({ revoked_at: requestNow(req) })
            .where('id', '=', req.params.id)
            .where('revoked_at', 'is', null)
            .returningAll()
            .executeTakeFirst();
          if (!row) throw new AppError('NOT_FOUND', { what: { vi: 'ứng dụng kết nối', en: 'API client' } });
          await appendAudit(trx, requestContext(req).audit, {
            action: 'integration.api_client_revoked',
            target: { type: 'api_client', id: row.id },
          });
          return presentApiClient(row);
        }),
  );

  api.get(
    '/admin/api-clients/:id/calls',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: "An API client's calls, newest first",
        params: ZId,
        response: { 200: ZApiClientCallList, 400: E, 401: E, 403: E },
      },
    },
    async (req) => {
      const rows = await db()
        .selectFrom('api_client_calls')
        .select(['method', 'route', 'status', 'at'])
        .where('client_id', '=', req.params.id)
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
      return { items: rows.map((r) => ({ ...r, at: instant(new Date(r.at)) })) };
    },
  );
};
