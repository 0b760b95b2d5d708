// The HTTP side of a session: its cookies, and the client a session is started from. Services never see req/reply.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from './accounts.settings';
import type { NewSession, SessionClient } from './accounts.sessions';

export function clientOf(req: FastifyRequest): SessionClient {
  return { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
}

export function setSessionCookies(reply: FastifyReply, session: NewSession, secure: boolean): void {
  const base = { path: '/', sameSite: 'lax' as const, secure, maxAge: SESSION_ABSOLUTE_MS / 1000 };
  reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  // Readable by the page's script, which echoes it in x-csrf-token (double submit, bound to this session).
  reply.setCookie(CSRF_COOKIE, session.csrf, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
