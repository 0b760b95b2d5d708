import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { TApiScope } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { countHit } from '../../http/rate-limit';

/**
 * API clients (machine accounts, ADR 0027). A key `mck_<prefix>_<secret>` is shown once; the database keeps its
 * SHA-256. A request with `Authorization: Bearer mck_…` acts as the client's staff account (its agency and roles,
 * so every permission rule of the routes applies unchanged, the processing action pipeline included), limited to the
 * routes its scopes open, counted against its own budget a minute in the database, and logged call by call.
 */
const KEY = /^mck_([a-z0-9]{10})_([A-Za-z0-9_-]{32,64})$/;
const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(8).toString('hex').slice(0, 10);
  const secret = randomBytes(32).toString('base64url');
  return { key: `mck_${prefix}_${secret}`, prefix, hash: hash(secret) };
}

/** The routes each scope opens (method and route pattern as Fastify names it). */
export function scopeFor(method: string, route: string): TApiScope | null {
  if (method === 'GET' && route === '/api/lookup/:code') return 'lookup:read';
  if (method === 'GET' && (route.startsWith('/api/dossiers') || route.startsWith('/api/processing/')))
    return 'dossiers:read';
  if (method === 'POST' && (route === '/api/dossiers' || route === '/api/dossier-files'))
    return 'dossiers:submit';
  if (method === 'POST' && route.startsWith('/api/processing/')) return 'steps:update';
  return null;
}

declare module 'fastify' {
  interface FastifyRequest {
    apiClientId?: string;
  }
}

async function actorOf(db: Kysely<Database>, userId: string): Promise<Actor | null> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'kind', 'full_name', 'agency_id'])
    .where('id', '=', userId)
    .where('kind', '=', 'staff')
    .executeTakeFirst();
  if (!u) return null;
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return {
    userId: u.id,
    kind: 'staff',
    name: u.full_name,
    roles: roles.map((r) => r.role),
    agencyId: u.agency_id,
    organisationIds: [],
    mustChangePassword: false,
    sessionId: null,
  };
}

async function authenticate(app: FastifyInstance, req: FastifyRequest, token: string): Promise<void> {
  const db = app.deps.db.kysely;
  const now = requestNow(req);
  const m = KEY.exec(token);
  const c = m
    ? await db.selectFrom('api_clients').selectAll().where('key_prefix', '=', m[1]!).executeTakeFirst()
    : undefined;
  const given = Buffer.from(hash(m?.[2] ?? ''));
  if (!c || c.revoked_at || !timingSafeEqual(given, Buffer.from(c.key_hash)))
    throw new AppError('UNAUTHENTICATED');
  req.apiClientId = c.id;
  const budget = await countHit(db, `api-client|${c.id}`, 60_000, now);
  if (budget.hits > c.per_minute)
    throw new AppError('RATE_LIMITED', {
      retryAfter: Math.max(1, Math.ceil((budget.resetAt.getTime() - now.getTime()) / 1000)),
    });
  const scope = scopeFor(req.method, req.routeOptions.url ?? '');
  if (!scope || !c.scopes.includes(scope)) throw new AppError('FORBIDDEN');
  const actor = await actorOf(db, c.acts_as_user_id);
  if (!actor) throw new AppError('UNAUTHENTICATED');
  req.actor = actor;
}

/**
 * Root hooks: resolve an API key into req.actor, and log every call of a client with its answer. Callback hooks, so
 * the requests that carry no API key (nearly all) pay no promise for them.
 */
export async function registerApiClientHooks(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', (req, _reply, done) => {
    const auth = req.headers.authorization;
    if (typeof auth !== 'string' || !auth.startsWith('Bearer mck_')) return done();
    authenticate(app, req, auth.slice(7)).then(() => done(), done);
  });
  // Logged before the response leaves (not onResponse), so whoever reads the calls right after sees this one.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (!req.apiClientId) return done(null, payload);
    app.deps.db.kysely
      .insertInto('api_client_calls')
      .values({
        client_id: req.apiClientId,
        method: req.method,
        route: (req.routeOptions.url ?? req.url).slice(0, 300),
        status: reply.statusCode,
        at: requestNow(req),
      })
      .execute()
      .then(() => done(null, payload), done);
  });
}

export async function createApiClient(
  trx: Transaction<Database>,
  input: { name: string; scopes: TApiScope[]; actsAsUserId: string; perMinute: number },
  now: Date,
) {
  const staff = await trx
    .selectFrom('users')
    .select('id')
    .where('id', '=', input.actsAsUserId)
    .where('kind', '=', 'staff')
    .executeTakeFirst();
  if (!staff) throw new AppError('NOT_FOUND', { what: { vi: 'tài khoản cán bộ', en: 'staff account' } });
  const k = newApiKey();
  const row = await trx
    .insertInto('api_clients')
    .values({
      name: input.name,
      key_prefix: k.prefix,
      key_hash: k.hash,
      scopes: [...new Set(input.scopes)],
      acts_as_user_id: input.actsAsUserId,
      per_minute: input.perMinute,
      created_at: now,
      revoked_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, key: k.key };
}
