import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { AuditActor } from '../modules/audit/audit.service';

/** What every route and job may use; built once at boot and passed down explicitly. */
export type AppDeps = { db: Db; config: Config; log: Logger; clock: Clock };

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    /** Set on first use by requestNow(). */
    now?: Date;
  }
}

/** The time a request is served at, from the app's clock (one reading per request). */
export function requestNow(req: FastifyRequest): Date {
  return (req.now ??= req.server.deps.clock.now());
}

/** The audit actor for a request; modules that know the logged-in person pass a richer one. */
export function requestActor(req: FastifyRequest, who: Partial<AuditActor> = {}): AuditActor {
  return {
    type: who.type ?? 'anonymous',
    id: who.id ?? null,
    name: who.name ?? null,
    ip: req.ip,
    userAgent: req.headers['user-agent'] ?? null,
    requestId: req.id,
    at: requestNow(req),
  };
}
