/**
 * Administration of the outside systems (ADR 0027). Schemas: `contracts/src/integration.ts`. All system_admin.
 *
 * | method | path                                               | request → response                          |
 * |--------|----------------------------------------------------|---------------------------------------------|
 * | GET    | /api/admin/portal-messages?status=dead              | → ZPortalMessageList (dead letters)         |
 * | POST   | /api/admin/portal-messages/{id}/resend              | → ZPortalMessage; 404 not a dead letter     |
 * | GET    | /api/admin/portal-sync/backlog                      | → ZPortalSyncBacklog                        |
 * | POST   | /api/admin/sync-checks                              | ZSyncCheckInput → ZSyncReport; 503 portal   |
 * | GET    | /api/admin/sync-reports                             | → ZSyncReportList                           |
 * | GET    | /api/admin/webhooks                                 | → ZWebhookSubscriptionList                  |
 * | POST   | /api/admin/webhooks                                 | ZWebhookSubscriptionInput → …Created (201)  |
 * | GET    | /api/admin/webhooks/{id}/deliveries                 | → ZWebhookDeliveryList                      |
 * | POST   | /api/admin/webhook-deliveries/{id}/replay           | → ZWebhookDelivery; 404                     |
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZErrorResponse,
  ZPortalMessage,
  ZPortalMessageList,
  ZPortalMessageQuery,
  ZPortalSyncBacklog,
  ZSyncCheckInput,
  ZSyncReport,
  ZSyncReportList,
  ZWebhookDelivery,
  ZWebhookDeliveryList,
  ZWebhookSubscriptionCreated,
  ZWebhookSubscriptionInput,
  ZWebhookSubscriptionList,
} from '@motcua/contracts';
import { requireRole } from '../../http/auth';
import { requestContext, requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit';
import {
  presentDelivery,
  presentPortalMessage,
  presentSubscription,
  presentSyncReport,
} from './integration.presenter';
import { PortalError } from './portal-client';
import { portalSyncBacklog, resendDeadLetter } from './portal-outbox';
import { checkSync } from './sync-check';
import { newWebhookSecret, replayDelivery } from './webhooks';

const E = ZErrorResponse;
const ZId = z.object({ id: z.uuid() });
const notFound = (en: string, vi: string) => new AppError('NOT_FOUND', { what: { vi, en } });

export const integrationAdminRoutes: FastifyPluginAsyncZod = async (api) => {
  const db = () => api.deps.db.kysely;
  const admin = requireRole('system_admin');
  const tags = ['integration'];

  api.get(
    '/admin/portal-messages',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Messages to the national portal by status (dead letters by default)',
        querystring: ZPortalMessageQuery,
        response: { 200: ZPortalMessageList, 400: E, 401: E, 403: E },
      },
    },
    async (req) => {
      const rows = await db()
        .selectFrom('portal_messages')
        .selectAll()
        .where('status', '=', req.query.status)
        .orderBy('created_at', 'desc')
        .limit(500)
        .execute();
      return { items: rows.map(presentPortalMessage) };
    },
  );

  api.get(
    '/admin/portal-sync/backlog',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Messages the national portal has not acknowledged: pending, dead, and the oldest',
        response: { 200: ZPortalSyncBacklog, 401: E, 403: E },
      },
    },
    async () => portalSyncBacklog(db()),
  );

  api.post(
    '/admin/portal-messages/:id/resend',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Put a dead letter back in the queue for the national portal',
        params: ZId,
        response: { 200: ZPortalMessage, 400: E, 401: E, 403: E, 404: E },
      },
    },
    async (req) => {
      const now = requestNow(req);
      return db()
        .transaction()
        .execute(async (trx) => {
          if (!(await resendDeadLetter(trx, req.params.id, now)))
            throw notFound('dead letter', 'thư không gửi được');
          await appendAudit(trx, requestContext(req).audit, {
            action: 'integration.portal_resend',
            target: { type: 'portal_message', id: req.params.id },
          });
          const m = await trx
            .selectFrom('portal_messages')
            .selectAll()
            .where('id', '=', req.params.id)
            .executeTakeFirstOrThrow();
          return presentPortalMessage(m);
        });
    },
  );

  api.post(
    '/admin/sync-checks',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Compare local and national-portal state for a period, optionally repairing by re-sending',
        body: ZSyncCheckInput,
        response: { 200: ZSyncReport, 400: E, 401: E, 403: E, 503: E },
      },
    },
    async (req) => {
      try {
        const { from, to, repair } = req.body;
        return await checkSync(
          api.deps.db,
          { from: new Date(from), to: new Date(to), repair },
          requestNow(req),
        ).then((r) => ({ ...r, ...presentSyncReport(toRow(r)) }));
      } catch (err) {
        if (err instanceof PortalError) throw new AppError('SERVICE_UNAVAILABLE');
        throw err;
      }
    },
  );

  api.get(
    '/admin/sync-reports',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Recent consistency-check reports',
        response: { 200: ZSyncReportList, 401: E, 403: E },
      },
    },
    async () => {
      const rows = await db()
        .selectFrom('sync_reports')
        .selectAll()
        .orderBy('checked_at', 'desc')
        .limit(50)
        .execute();
      return { items: rows.map(presentSyncReport) };
    },
  );

  api.get(
    '/admin/webhooks',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Webhook subscribers',
        response: { 200: ZWebhookSubscriptionList, 401: E, 403: E },
      },
    },
    async () => {
      const rows = await db().selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').execute();
      return { items: rows.map(presentSubscription) };
    },
  );

  api.post(
    '/admin/webhooks',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Subscribe a system to events; the signing secret is in this answer only',
        body: ZWebhookSubscriptionInput,
        response: { 201: ZWebhookSubscriptionCreated, 400: E, 401: E, 403: E },
      },
    },
    async (req, reply) => {
      const secret = newWebhookSecret();
      const row = await db()
        .transaction()
        .execute(async (trx) => {
          const s = await trx
            .insertInto('webhook_subscriptions')
            .values({
              name: req.body.name,
              url: req.body.url,
              events: [...new Set(req.body.events)],
              secret,
              created_at: requestNow(req),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await appendAudit(trx, requestContext(req).audit, {
            action: 'integration.webhook_created',
            target: { type: 'webhook_subscription', id: s.id },
            details: { url: s.url, events: s.events },
          });
          return s;
        });
      return reply.status(201).send({ ...presentSubscription(row), secret });
    },
  );

  api.get(
    '/admin/webhooks/:id/deliveries',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: "A subscriber's deliveries, newest first",
        params: ZId,
        response: { 200: ZWebhookDeliveryList, 400: E, 401: E, 403: E },
      },
    },
    async (req) => {
      const rows = await db()
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('subscription_id', '=', req.params.id)
        .orderBy('created_at', 'desc')
        .limit(500)
        .execute();
      return { items: rows.map(presentDelivery) };
    },
  );

  api.post(
    '/admin/webhook-deliveries/:id/replay',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Send a webhook delivery again',
        params: ZId,
        response: { 200: ZWebhookDelivery, 400: E, 401: E, 403: E, 404: E },
      },
    },
    async (req) => {
      const now = requestNow(req);
      return db()
        .transaction()
        .execute(async (trx) => {
          if (!(await replayDelivery(trx, req.params.id, now))) throw notFound('delivery', 'lần gửi');
          await appendAudit(trx, requestContext(req).audit, {
            action: 'integration.webhook_replayed',
            target: { type: 'webhook_delivery', id: req.params.id },
          });
          const d = await trx
            .selectFrom('webhook_deliveries')
            .selectAll()
            .where('id', '=', req.params.id)
            .executeTakeFirstOrThrow();
          return presentDelivery(d);
        });
    },
  );
};

function toRow(r: Awaited<ReturnType<typeof checkSync>>) {
  return {
    id: r.id,
    period_from: new Date(r.from),
    period_to: new Date(r.to),
    checked_at: new Date(r.checkedAt),
    checked: r.checked,
    divergent: r.divergent,
    repaired: r.repaired,
    remaining: r.remaining,
    items: r.items,
  };
}
