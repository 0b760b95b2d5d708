import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kdb } from '../db/client';
import { formatLsn, parseLsn } from '../db/replica';
import type { AppDeps } from './context';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This read-only route may be answered by the replica (ADR 0030); its handler reads through `readDb(req)`. */
    replica?: boolean;
  }
  interface FastifyRequest {
    /** Set for a `replica: true` route that the replica answers. */
    readDb?: Kdb;
  }
}

/** Holds the primary's WAL position after this client's last write, signed and short-lived. */
export const LSN_COOKIE = 'motcua_lsn';

/** The handle a `replica: true` route reads through: the replica when it may answer, else the primary. */
export function readDb(req: FastifyRequest): Kdb {
  return req.readDb ?? req.server.deps.db.kysely;
}

const sign = (key: string, body: string) => createHmac('sha256', key).update(body).digest('base64url');

/** `<lsn>.<expires ms>.<signature>`; the position is only a floor for the reads, so it is no secret. */
export function lsnCookieValue(key: string, lsn: bigint, expiresAt: Date): string {
  const body = `${formatLsn(lsn)}.${expiresAt.getTime()}`;
  return `${body}.${sign(key, body)}`;
}

/**
 * The position a client has seen written: null without a cookie or once it has expired; 'unknown' for one that is
 * malformed or signed with another key, so that the read goes where every write is (the primary).
 */
export function lsnFromCookie(key: string, value: string | undefined, now: Date): bigint | null | 'unknown' {
  if (!value) return null;
  const m = /^([0-9A-F]{1,8}\/[0-9A-F]{1,8})\.(\d{1,15})\.([\w-]{43})$/.exec(value);
  if (!m) return 'unknown';
  const expected = Buffer.from(sign(key, `${m[1]}.${m[2]}`));
  if (!timingSafeEqual(expected, Buffer.from(m[3]!))) return 'unknown';
  if (Number(m[2]) <= now.getTime()) return null;
  return parseLsn(m[1]!);
}

/** Replica failures worth retrying on the primary: the connection, the server going away, a recovery conflict. */
export function isReplicaFailure(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^(08|57P0)/.test(code) || code === '40001') return true;
  if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND)$/.test(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
    message,
  );
}

/**
 * Routes marked `config: { replica: true }` read from the replica when it may answer (up, not lagging, and past the
 * client's last write per its LSN cookie), and retry once on the primary when it fails; every write answered
 * without error sets the cookie to the primary's position after its commit. Nothing happens without a replica.
 */
export function registerReadReplica(app: FastifyInstance, deps: AppDeps): void {
  const replica = deps.replica;
  const settings = deps.config.replica;
  if (!replica || !settings) return;
  const key = settings.lsnSecret ?? randomBytes(32).toString('hex');
  // Once the write is older than the longest lag the replica may have and still answer, it has the write anyway.
  const ttlMs = settings.maxLagMs + 10_000;
  const secure = deps.config.publicUrl.startsWith('https://');

  app.addHook('onRoute', (route) => {
    if (!route.config?.replica) return;
    const handler = route.handler;
    route.handler = async function (this: FastifyInstance, req, reply) {
      const seen = lsnFromCookie(key, req.cookies[LSN_COOKIE], deps.clock.now());
      if ((await replica.choose(seen)) === 'primary') return handler.call(this, req, reply);
      req.readDb = replica.db.kysely;
      try {
        return await handler.call(this, req, reply);
      } catch (err) {
        if (reply.sent || !isReplicaFailure(err)) throw err;
        req.log.warn({ err }, 'replica read failed; retried on the primary');
        replica.failed(err);
        req.readDb = undefined;
        return handler.call(this, req, reply);
      }
    };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || reply.statusCode >= 400)
      return payload;
    let lsn: bigint;
    try {
      lsn = await replica.primaryLsn();
    } catch (err) {
      // The write is done; without the position this client's next reads may trail it until the cookie it has expires.
      req.log.warn({ err }, 'could not read the primary WAL position for the LSN cookie');
      return payload;
    }
    const now = deps.clock.now();
    const before = lsnFromCookie(key, req.cookies[LSN_COOKIE], now);
    if (typeof before === 'bigint' && before > lsn) lsn = before;
    // Appended by hand: @fastify/cookie writes its cookies in an onSend hook that has already run.
    reply.header(
      'set-cookie',
      app.serializeCookie(LSN_COOKIE, lsnCookieValue(key, lsn, new Date(now.getTime() + ttlMs)), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: Math.ceil(ttlMs / 1000),
      }),
    );
    return payload;
  });
}
