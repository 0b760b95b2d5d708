import { describe, expect, it } from 'vitest';
import { createDemoDb, createTestApp } from '../../test/harness';
import { scopeFor } from './api-clients';
import { sysAdmin } from './integration.test-helpers';

describe('API clients (machine accounts)', async () => {
  const t = await createTestApp({}, await createDemoDb());
  const db = t.db.kysely;
  const staff = await db
    .selectFrom('users')
    .select('id')
    .where('username', 'is not', null)
    .where('kind', '=', 'staff')
    .limit(1)
    .executeTakeFirstOrThrow();
  const code = (
    await db
      .selectFrom('dossiers')
      .select('code')
      .where('code', 'is not', null)
      .limit(1)
      .executeTakeFirstOrThrow()
  ).code!;
  const as = (key: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    });

  it('maps routes to scopes', () => {
    expect(scopeFor('GET', '/api/lookup/:code')).toBe('lookup:read');
    expect(scopeFor('GET', '/api/dossiers/:id')).toBe('dossiers:read');
    expect(scopeFor('POST', '/api/dossiers')).toBe('dossiers:submit');
    expect(scopeFor('POST', '/api/processing/:id/forward')).toBe('steps:update');
    expect(scopeFor('POST', '/api/admin/api-clients')).toBeNull();
  });

  it('shows the key once, stores it hashed, holds the client to its scopes and budget, logs and revokes', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-clients',
      headers: sysAdmin,
      payload: { name: 'x', scopes: ['everything'], actsAsUserId: staff.id },
    });
    expect(bad.statusCode).toBe(400);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-clients',
      headers: sysAdmin,
      payload: {
        name: 'Phần mềm một cửa của Bộ',
        scopes: ['lookup:read'],
        actsAsUserId: staff.id,
        perMinute: 4,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, key } = res.json<{ id: string; key: string }>();
    // mck_<prefix>_<secret>: the secret is base64url, so it may itself hold "_" (split('_') would cut it).
    const [, secret = ''] = /^mck_[a-z0-9]{10}_(.+)$/.exec(key) ?? [];
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const stored = await db
      .selectFrom('api_clients')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret);
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/api-clients', headers: sysAdmin });
    expect(list.body).not.toContain(key);

    expect((await as(key, 'GET', `/api/lookup/${code}`)).statusCode).toBe(200);
    expect((await as(key, 'GET', '/api/dossiers')).statusCode).toBe(403); // not in its scopes
    expect((await as(key, 'POST', '/api/admin/api-clients', {})).statusCode).toBe(403);
    expect((await as(key, 'GET', `/api/lookup/${code}`)).statusCode).toBe(200);
    expect((await as(key, 'GET', `/api/lookup/${code}`)).statusCode).toBe(429); // 5th call in the minute
    t.clock.advance(61_000);
    expect((await as(key, 'GET', `/api/lookup/${code}`)).statusCode).toBe(200);

    const calls = await t.app.inject({
      method: 'GET',
      url: `/api/admin/api-clients/${id}/calls`,
      headers: sysAdmin,
    });
    const items = calls.json<{ items: { route: string; status: number }[] }>().items;
    expect(items.map((c) => c.status)).toEqual([200, 429, 200, 403, 403, 200]);
    expect(items[0]!.route).toBe('/api/lookup/:code');

    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/admin/api-clients/${id}/revoke`,
      headers: sysAdmin,
    });
    expect(revoked.statusCode).toBe(200);
    expect((await as(key, 'GET', `/api/lookup/${code}`)).statusCode).toBe(401);
    expect((await as(key.slice(0, -1) + 'x', 'GET', `/api/lookup/${code}`)).statusCode).toBe(401);
    expect((await as('mck_nonsense', 'GET', `/api/lookup/${code}`)).statusCode).toBe(401);
  });
});
