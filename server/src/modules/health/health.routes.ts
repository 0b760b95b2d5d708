import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { ZErrorResponse, ZHealthResponse } from '@motcua/contracts';
import { AppError } from '../../http/errors';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability; the read replica’s state when one is configured',
        response: { 200: ZHealthResponse, 503: ZErrorResponse },
      },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(app.deps.db.kysely);
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE');
      }
      // A replica that is down or lagging costs only speed (reads fall back to the primary): reported, not fatal.
      const replica = app.deps.replica;
      return replica ? { status: 'ok' as const, replica: await replica.state() } : { status: 'ok' as const };
    },
  );
};
