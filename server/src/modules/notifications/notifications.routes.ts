import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, ZLocalOutbox, ZMessageLog, ZPageQuery } from '@motcua/contracts';
import { requireRole } from '../../http/auth';
import { findLocalOutbox, findMessages } from './notifications.service';

const errors = { 401: ZErrorResponse, 403: ZErrorResponse };

/** Read-only views for system administrators: the local gateway's captured messages and the delivery log. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/admin/local-outbox',
    {
      preHandler: requireRole('system_admin'),
      schema: {
        tags: ['notifications'],
        summary: 'Messages kept by the local development gateway (SMS, and email without SMTP)',
        querystring: ZPageQuery.extend({ to: z.string().trim().max(254).optional() }),
        response: { 200: ZLocalOutbox, ...errors },
      },
    },
    async (req) => {
      const { page, pageSize, to } = req.query;
      const { rows, total } = await findLocalOutbox(app.deps.db, {
        to,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          to: r.recipient,
          subject: r.subject,
          body: r.body,
          createdAt: r.created_at.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/admin/messages',
    {
      preHandler: requireRole('system_admin'),
      schema: {
        tags: ['notifications'],
        summary: 'Outgoing messages with their delivery status',
        querystring: ZPageQuery,
        response: { 200: ZMessageLog, ...errors },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const { rows, total } = await findMessages(app.deps.db, {
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          to: r.recipient,
          template: r.template,
          status: r.status,
          attempts: r.attempts,
          lastError: r.last_error,
          createdAt: r.created_at.toISOString(),
          sentAt: r.sent_at ? r.sent_at.toISOString() : null,
        })),
      };
    },
  );
};
