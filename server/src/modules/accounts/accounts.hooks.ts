import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TMeResponse } from '@motcua/contracts';
import { AppError } from '../../http/errors';
import { requestNow } from '../../http/context';
import { CSRF_HEADER, SESSION_COOKIE } from './accounts.settings';
import { resolveSession } from './accounts.sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session's person as GET /api/me shows it (set with req.actor by the session hook). */
    me?: TMeResponse;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a person who must change the password may still do (001 Đ25.1). */
function allowedBeforePasswordChange(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? '';
  return (
    (req.method === 'GET' && path === '/api/me') ||
    (req.method === 'POST' && (path === '/api/auth/password' || path === '/api/auth/logout')) ||
    !path.startsWith('/api/')
  );
}

/**
 * Root hooks every module relies on: resolve req.actor from the session cookie, check the CSRF token of
 * cookie-authenticated state-changing requests, and hold people who must change their password.
 */
export async function registerSessionHooks(app: FastifyInstance): Promise<void> {
  const hold = (req: FastifyRequest) =>
    req.actor?.mustChangePassword && !allowedBeforePasswordChange(req)
      ? new AppError('PASSWORD_CHANGE_REQUIRED')
      : undefined;
  // A callback hook: requests without a session cookie (public pages, lookups, health) pay no promise for it.
  app.addHook('onRequest', (req, _reply, done) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return done(hold(req));
    resolveSession(app.deps.db.kysely, token, requestNow(req)).then((resolved) => {
      if (resolved) {
        req.actor = resolved.actor;
        req.me = resolved.me;
        if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== resolved.csrfToken)
          return done(new AppError('CSRF_FAILED'));
      }
      done(hold(req));
    }, done);
  });
}
