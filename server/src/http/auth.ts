import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { TAccountKind, TStaffRole } from '@motcua/contracts';
import { AppError } from './errors';

/**
 * The person behind a request. The accounts module resolves it from the session cookie in an onRequest hook;
 * every other module only reads `req.actor` and never looks at sessions itself.
 */
export type Actor = {
  userId: string;
  kind: TAccountKind;
  name: string;
  roles: TStaffRole[];
  /** Staff: the agency the account belongs to. */
  agencyId: string | null;
  /** Citizens: organisations they may act for. */
  organisationIds: string[];
  mustChangePassword: boolean;
  sessionId: string | null;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

/** preHandler: any logged-in person. */
export const requireLogin: preHandlerAsyncHookHandler = async (req: FastifyRequest, _reply: FastifyReply) => {
  requireActor(req);
};

/** preHandler: staff holding at least one of the roles. */
export function requireRole(...roles: TStaffRole[]): preHandlerAsyncHookHandler {
  return async (req) => {
    const actor = requireActor(req);
    if (actor.kind !== 'staff' || !actor.roles.some((r) => roles.includes(r)))
      throw new AppError('FORBIDDEN');
  };
}

/** Test-only: the harness may set actors through this header; buildApp enables it only when asked in code. */
export const TEST_ACTOR_HEADER = 'x-test-actor';
