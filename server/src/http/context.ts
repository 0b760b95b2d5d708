import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { ReadReplica } from '../db/replica';
import type { AuditActor } from '../modules/audit/audit.service';
import type { Locale } from '@motcua/contracts';
import { requireActor, type Actor } from './auth';
import { localeOf } from './errors';

/**
 * What every route and job may use; built once at boot and passed down explicitly. `replica`: the streaming replica
 * when DATABASE_REPLICA_URL is set (PostgreSQL only); routes reach it only through `readDb(req)` (ADR 0030).
 */
export type AppDeps = { db: Db; config: Config; log: Logger; clock: Clock; replica?: ReadReplica };

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    /** Set on first use by requestNow(). */
    now?: Date;
    /** Set on first use by requestContext(). */
    context?: RequestContext;
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

/**
 * Who acts, in which language, at what instant, and how the audit trail names them: built once per request
 * (`requestContext`) and handed to services, which declare the part they use (`Pick<RequestContext, …>`).
 * Jobs, seeds and the CLI build one by hand with their own clock reading and a `system` audit actor.
 */
export type RequestContext = {
  /** The logged-in person or API client; null for an anonymous request. */
  actor: Actor | null;
  locale: Locale;
  now: Date;
  audit: AuditActor;
  config: Config;
};

/** A request context whose actor is known (routes behind requireLogin/requireRole). */
export type ActorContext = RequestContext & { actor: Actor };

/** The request's context, built on first use: one clock reading, one audit actor for every write it makes. */
export function requestContext(req: FastifyRequest): RequestContext {
  if (req.context) return req.context;
  const actor = req.actor ?? null;
  req.context = {
    actor,
    locale: localeOf(req),
    now: requestNow(req),
    audit: requestActor(
      req,
      actor ? { type: actor.kind === 'staff' ? 'staff' : 'user', id: actor.userId, name: actor.name } : {},
    ),
    config: req.server.deps.config,
  };
  return req.context;
}

/** The request's context for a logged-in actor; 401 when there is none. */
export function actorContext(req: FastifyRequest): ActorContext {
  const actor = requireActor(req);
  return { ...requestContext(req), actor };
}
