import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createTestApp, createTestDb } from '../test/harness';
import { countHit, readHits, sweepCounters } from './rate-limit';

/** An unknown but well-formed code: every lookup of it is a 404 that still counts against the limit. */
const UNKNOWN = '/api/lookup/000.00.15.H99-260101-9999';

const lookup = (app: FastifyInstance, remoteAddress: string, forwardedFor?: string) =>
  app.inject({
    method: 'GET',
    url: UNKNOWN,
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

/** The address the audit log recorded for a failed log-in with this (unique) login name. */
async function auditedIp(app: FastifyInstance, db: Awaited<ReturnType<typeof createTestDb>>, login: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '198.51.100.7',
    headers: { 'x-forwarded-for': '203.0.113.66' },
    payload: { login, password: 'sai-mat-khau' },
  });
  expect(res.statusCode).toBe(401);
  return failedLoginIp(db, login);
}

async function failedLoginIp(db: Awaited<ReturnType<typeof createTestDb>>, login: string) {
  const row = await db.kysely
    .selectFrom('audit_log')
    .select('ip')
    .where('action', '=', 'auth.login_failed')
    .where(sql<string>`details->>'login'`, '=', login)
    .executeTakeFirstOrThrow();
  return row.ip;
}

describe('client address behind a proxy (TRUSTED_PROXIES)', async () => {
  const db = await createTestDb();
  const direct = await createTestApp({ lookupRateLimit: 3 }, db);
  const proxied = await createTestApp({ lookupRateLimit: 3, trustedProxies: ['10.0.0.0/8'] }, db);

  it('ignores X-Forwarded-For from a peer that is not a configured proxy: the audit holds the real peer', async () => {
    expect(await auditedIp(direct.app, db, 'nobody-direct@example.vn')).toBe('198.51.100.7');
    // Trusting 10.0.0.0/8 does not make 198.51.100.7 a proxy either.
    expect(await auditedIp(proxied.app, db, 'nobody-proxied@example.vn')).toBe('198.51.100.7');
  });

  it('a forged X-Forwarded-For does not escape the per-address limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await lookup(direct.app, '198.51.100.20', `203.0.113.${i}`)).statusCode);
    expect(codes).toEqual([404, 404, 404, 429, 429]);
  });

  it('a forged X-Forwarded-For does not escape the log-in (30) and registration (10) limits either', async () => {
    for (const [url, max] of [
      ['/api/auth/login', 30],
      ['/api/auth/register', 10],
    ] as const) {
      const codes = new Set<number>();
      for (let i = 0; i <= max; i++) {
        const res = await direct.app.inject({
          method: 'POST',
          url,
          remoteAddress: '198.51.100.40',
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
          payload: {},
        });
        codes.add(res.statusCode);
        if (i === max) expect(res.statusCode, url).toBe(429);
      }
      expect([...codes].sort(), url).toEqual([400, 429]);
    }
  });

  it('believes X-Forwarded-For from a configured proxy: each client behind it has its own count', async () => {
    const first: number[] = [];
    for (let i = 0; i < 4; i++)
      first.push((await lookup(proxied.app, '10.1.2.3', '203.0.113.80')).statusCode);
    expect(first).toEqual([404, 404, 404, 429]);
    // Another client behind the same proxy is not limited by the first one's count.
    expect((await lookup(proxied.app, '10.1.2.3', '203.0.113.81')).statusCode).toBe(404);
    // The client address is the right-most untrusted one: a client cannot prepend its way out.
    expect((await lookup(proxied.app, '10.1.2.3', '192.0.2.1, 203.0.113.80')).statusCode).toBe(429);
  });

  it('records the forwarded client address when the peer is a configured proxy', async () => {
    const res = await proxied.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.9.9.9',
      headers: { 'x-forwarded-for': '203.0.113.66' },
      payload: { login: 'nobody-via-proxy@example.vn', password: 'sai-mat-khau' },
    });
    expect(res.statusCode).toBe(401);
    expect(await failedLoginIp(db, 'nobody-via-proxy@example.vn')).toBe('203.0.113.66');
  });

  it('two app instances on the same database share the per-address count', async () => {
    const codes = [
      (await lookup(direct.app, '198.51.100.30')).statusCode,
      (await lookup(proxied.app, '198.51.100.30')).statusCode,
      (await lookup(direct.app, '198.51.100.30')).statusCode,
      (await lookup(proxied.app, '198.51.100.30')).statusCode,
    ];
    expect(codes).toEqual([404, 404, 404, 429]);
    // HEAD is answered by the GET handler and counts with it.
    const head = await direct.app.inject({ method: 'HEAD', url: UNKNOWN, remoteAddress: '198.51.100.30' });
    expect(head.statusCode).toBe(429);
  });
});

describe('database request counters', async () => {
  const db = await createTestDb();
  const t0 = new Date('2026-11-30T03:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('count concurrent hits exactly once each and restart when the window ends', async () => {
    const hits = await Promise.all(
      Array.from({ length: 20 }, () => countHit(db.kysely, 'test|concurrent', 60_000, t0)),
    );
    expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect((await readHits(db.kysely, 'test|concurrent', at(59_999))).hits).toBe(20);
    expect((await countHit(db.kysely, 'test|concurrent', 60_000, at(60_000))).hits).toBe(1);
  });

  it('sweeps counters whose window has ended', async () => {
    await countHit(db.kysely, 'test|old', 1000, t0);
    await sweepCounters(db.kysely, at(2000));
    const left = await db.kysely
      .selectFrom('rate_limit_counters')
      .select('key')
      .where('key', '=', 'test|old')
      .execute();
    expect(left).toEqual([]);
  });
});
