import type { FastifyInstance, FastifyRequest, onSendHookHandler } from 'fastify';
import type { TMeResponse } from '@motcua/contracts';
import { AppError } from '../../http/errors';
import { requestNow } from '../../http/context';
import { CSRF_HEADER, SESSION_COOKIE } from './accounts.settings';
import { resolveSession, sessionIdOf, type ResolvedSession } from './accounts.sessions';
import { createSessionCache, type SessionCache } from './session-cache';

declare module 'fastify' {
  interface FastifyInstance {
    /** Resolved sessions of this app (tests look at it; nothing else should). */
    sessionCache: SessionCache;
  }
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
 *
 * Sessions are read through a per-app cache (session-cache.ts, ADR 0032): a logged-in GET usually costs no query.
 * Every route of a state-changing method empties it before its answer leaves, so a log-out, password change,
 * suspension or role change made through this process holds for the very next request; one made elsewhere holds
 * here within SESSION_CACHE_MS.
 */
export async function registerSessionHooks(app: FastifyInstance): Promise<void> {
  const cache = createSessionCache();
  app.decorate('sessionCache', cache);
  const hold = (req: FastifyRequest) =>
    req.actor?.mustChangePassword && !allowedBeforePasswordChange(req)
      ? new AppError('PASSWORD_CHANGE_REQUIRED')
      : undefined;
  const apply = (req: FastifyRequest, resolved: ResolvedSession | null) => {
    if (resolved) {
      req.actor = resolved.actor;
      req.me = resolved.me;
      if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== resolved.csrfToken)
        return new AppError('CSRF_FAILED');
    }
    return hold(req);
  };
  // A callback hook: requests without a session cookie (public pages, lookups, health) pay no promise for it, nor
  // do requests whose session is in the cache.
  app.addHook('onRequest', (req, _reply, done) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return done(hold(req));
    const now = requestNow(req);
    const found = cache.resolve(sessionIdOf(token), now.getTime(), () =>
      resolveSession(app.deps.db.kysely, token, now),
    );
    if (!(found instanceof Promise)) return done(apply(req, found));
    found.then((resolved) => done(apply(req, resolved)), done);
  });
  // Only routes that may change state carry the hook (GET, HEAD and OPTIONS routes pay nothing for it). onSend runs
  // after the handler's transaction committed and before the answer is written.
  const forget: onSendHookHandler = (_req, _reply, payload, done) => {
    cache.forgetAll();
    done(null, payload);
  };
  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method);
    if (methods.every((m) => SAFE_METHODS.has(m))) return;
    route.onSend = route.onSend ? [forget, ...([] as onSendHookHandler[]).concat(route.onSend)] : [forget];
  });
}
