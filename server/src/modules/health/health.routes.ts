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
        summary: 'Liveness and database reachability',
        response: { 200: ZHealthResponse, 503: ZErrorResponse },
      },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(app.deps.db.kysely);
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE');
      }
      return { status: 'ok' as const };
    },
  );
};
