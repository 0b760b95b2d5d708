import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createTestApp } from '../test/harness';
import { AppError } from './errors';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';
const scrape = { authorization: `Bearer ${METRICS_TOKEN}` };

describe('HTTP foundation', async () => {
  const { app, db } = await createTestApp({ metricsToken: METRICS_TOKEN });

  it('GET /api/health answers ok when the database answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('sends security headers: the API set on JSON answers, the document set on pages', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/health' });
    expect(json.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(json.headers['x-content-type-options']).toBe('nosniff');
    expect(json.headers['x-frame-options']).toBe('DENY');
    expect(json.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(json.headers['strict-transport-security']).toContain('max-age=');
    expect(json.headers['referrer-policy']).toBe('no-referrer');
    expect(json.headers['cross-origin-opener-policy']).toBeUndefined();
    // Errors are JSON answers too.
    const missing = await app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(missing.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers unknown routes with 404 in the error shape, Vietnamese by default', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: 'Không có địa chỉ GET /api/khong-co.' });
  });

  it('answers in English when Accept-Language prefers it', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/khong-co',
      headers: { 'accept-language': 'fr;q=1, en-GB;q=0.8, vi;q=0.5' },
    });
    expect(res.json().message).toBe('There is no route GET /api/khong-co.');
  });

  it('publishes the OpenAPI document and the interactive docs', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/health']).toBeDefined();
    const ui = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('exposes Prometheus metrics with request counts and queue depth', async () => {
    await app.inject({ method: 'GET', url: '/api/health' });
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: scrape });
    expect(res.body).toMatch(/http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/jobs_queue_depth\{state="pending"\} 0/);
  });

  it('counts every request under its own method, route and status', async () => {
    const count = async (line: RegExp) =>
      Number(
        line.exec((await app.inject({ method: 'GET', url: '/metrics', headers: scrape })).body)?.[1] ?? 0,
      );
    const ok = /http_requests_total\{method="GET",route="\/api\/health",status="200"\} (\d+)/;
    const missing = /http_requests_total\{method="GET",route="unmatched",status="404"\} (\d+)/;
    const timed = /http_request_duration_seconds_count\{method="GET",route="\/api\/health"\} (\d+)/;
    const before = [await count(ok), await count(missing), await count(timed)];
    for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect([await count(ok), await count(missing), await count(timed)]).toEqual([
      before[0]! + 3,
      before[1]! + 1,
      before[2]! + 3,
    ]);
  });

  it('serves /metrics only with the bearer token: 401 without or with a wrong one', async () => {
    const none = await app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect(none.body).not.toContain('http_requests_total');
    const wrong = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}x` },
    });
    expect(wrong.statusCode).toBe(401);
    const basic = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: METRICS_TOKEN },
    });
    expect(basic.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: scrape })).statusCode).toBe(200);
  });

  it('has no /metrics at all when no METRICS_TOKEN is configured (the default)', async () => {
    const plain = await createTestApp();
    const res = await plain.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('http_requests_total');
  });

  it('returns 503 from health when the database does not answer', async () => {
    const broken = await createTestApp();
    await broken.db.close();
    const res = await broken.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('SERVICE_UNAVAILABLE');
    expect(db).toBeDefined();
  });
});

describe('error model', async () => {
  const probe: FastifyPluginAsyncZod = async (api) => {
    api.get(
      '/probe',
      { schema: { querystring: z.object({ pageSize: z.coerce.number().int().max(100) }) } },
      async () => ({ ok: true }),
    );
    api.get('/probe/missing', async () => {
      throw new AppError('NOT_FOUND', { what: { vi: 'thủ tục', en: 'Procedure' } });
    });
    api.get('/probe/crash', async () => {
      throw new Error('secret internal detail');
    });
  };
  const { app } = await createTestApp();
  await app.close();
  // A fresh app with the probe routes registered before ready.
  const { buildApp } = await import('./app');
  const withProbe = await buildApp(app.deps, { logger: false, webDist: null });
  await withProbe.register(probe, { prefix: '/api' });
  await withProbe.ready();

  it('rejects invalid input with 400 VALIDATION_FAILED naming the field, in both languages', async () => {
    const vi = await withProbe.inject({ method: 'GET', url: '/api/probe?pageSize=500' });
    expect(vi.statusCode).toBe(400);
    expect(vi.json().code).toBe('VALIDATION_FAILED');
    expect(vi.json().message).toMatch(/pageSize/);
    expect(vi.json().message).toMatch(/Dữ liệu không hợp lệ/);
    const en = await withProbe.inject({
      method: 'GET',
      url: '/api/probe?pageSize=500',
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().message).toMatch(/^Invalid input: pageSize/);
  });

  it('maps AppError codes to statuses with localized params', async () => {
    const res = await withProbe.inject({
      method: 'GET',
      url: '/api/probe/missing',
      headers: { 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: 'Procedure not found.' });
  });

  it('never leaks stack traces or internal messages', async () => {
    const res = await withProbe.inject({ method: 'GET', url: '/api/probe/crash' });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('INTERNAL');
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('at ');
  });
});
