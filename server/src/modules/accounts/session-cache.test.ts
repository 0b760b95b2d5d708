import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { buildApp } from '../../http/app';
import { createDemoDb, createTestApp, testConfig } from '../../test/harness';
import { Client } from './accounts.test-helpers';
import { DEMO_PASSWORD } from './accounts.demo';
import type { ResolvedSession } from './accounts.sessions';
import { createSessionCache, SESSION_CACHE_MS } from './session-cache';

const session = (validUntil = Number.MAX_SAFE_INTEGER) => ({ validUntil }) as ResolvedSession;

describe('session cache (pure)', () => {
  it('answers from memory within its time and the session’s own end, then reads again', async () => {
    const cache = createSessionCache(1000);
    let reads = 0;
    const load = (s: ResolvedSession) => async () => (reads++, s);
    const a = session(1500);
    expect(await cache.resolve('a', 0, load(a))).toBe(a);
    expect(cache.resolve('a', 999, load(a))).toBe(a); // a value, not a promise: no read
    expect(reads).toBe(1);
    await cache.resolve('a', 1000, load(a));
    expect(reads).toBe(2);
    // Fresh until 1000 + 1000, but the session itself ends at 1500.
    expect(cache.resolve('a', 1499, load(a))).toBe(a);
    await cache.resolve('a', 1500, load(a));
    expect(reads).toBe(3);
    // A clock set back does not make an entry fresh for longer.
    await cache.resolve('a', 1400, load(a));
    expect(reads).toBe(4);
  });

  it('shares one read among requests arriving meanwhile, and keeps no unknown session', async () => {
    const cache = createSessionCache(1000);
    let reads = 0;
    let finish!: (s: ResolvedSession | null) => void;
    const load = () => (reads++, new Promise<ResolvedSession | null>((r) => (finish = r)));
    const first = cache.resolve('x', 0, load);
    const second = cache.resolve('x', 1, load);
    finish(null);
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    expect(reads).toBe(1);
    expect(cache.size).toBe(0);
    const third = cache.resolve('x', 2, load);
    finish(null);
    await third;
    expect(reads).toBe(2);
  });

  it('does not keep a read that overlapped forgetAll, and does not let later requests join it', async () => {
    const cache = createSessionCache(1000);
    const stale = session();
    const current = session();
    let finish!: (s: ResolvedSession) => void;
    const before = cache.resolve('s', 0, () => new Promise<ResolvedSession>((r) => (finish = r)));
    cache.forgetAll(); // a change committed while the read was under way
    const after = cache.resolve('s', 1, async () => current);
    finish(stale);
    expect(await before).toBe(stale); // answers the request that began before the change
    expect(await after).toBe(current);
    expect(cache.resolve('s', 2, async () => stale)).toBe(current);
  });

  it('stays within its size, dropping the oldest entry', async () => {
    const cache = createSessionCache(1000, 2);
    for (const id of ['a', 'b', 'c']) await cache.resolve(id, 0, async () => session());
    expect(cache.size).toBe(2);
    expect(cache.resolve('a', 1, async () => null)).toBeInstanceOf(Promise);
  });
});

describe('session cache in the app: revocation takes effect at once here, within SESSION_CACHE_MS elsewhere', async () => {
  const { app, db, deps, clock } = await createTestApp({}, await createDemoDb());
  // A second API process on the same database, with its own cache.
  const other = await buildApp(
    { ...deps, config: testConfig(), log: pino({ level: 'silent' }) },
    { logger: false, webDist: null, strictResponses: true },
  );
  await other.ready();
  afterAll(() => other.close());
  /** The same browser (a copy of its cookies as they are now) sent to the other process. */
  const onOther = (c: Client) => Object.assign(new Client(other, c.ip), { cookies: new Map(c.cookies) });

  it('serves a logged-in GET from memory: a change written past the app is seen only after SESSION_CACHE_MS', async () => {
    const c = new Client(app);
    const me = (await c.login('mai.tran@example.vn', DEMO_PASSWORD)).json();
    expect((await c.get('/api/me')).json().name).toBe('Trần Thị Mai');
    await db.kysely
      .updateTable('users')
      .set({ full_name: 'Trần Thị Mai Anh' })
      .where('id', '=', me.id)
      .execute();
    expect((await c.get('/api/me')).json().name).toBe('Trần Thị Mai');
    clock.advance(SESSION_CACHE_MS);
    expect((await c.get('/api/me')).json().name).toBe('Trần Thị Mai Anh');
  });

  it('lets go of a session when it ends by itself, even within SESSION_CACHE_MS', async () => {
    const c = new Client(app);
    const me = (await c.login('phong.le@example.vn', DEMO_PASSWORD)).json();
    await db.kysely
      .updateTable('sessions')
      .set({ expires_at: new Date(clock.now().getTime() + 2000) })
      .where('user_id', '=', me.id)
      .execute();
    expect((await c.get('/api/me')).statusCode).toBe(200);
    clock.advance(1999);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    clock.advance(1);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('log-out everywhere ends the other devices’ sessions for the next request', async () => {
    const a = new Client(app);
    const b = new Client(app);
    await a.login('phong.le@example.vn', DEMO_PASSWORD);
    await b.login('phong.le@example.vn', DEMO_PASSWORD);
    expect((await b.get('/api/me')).statusCode).toBe(200);
    expect((await a.post('/api/auth/logout', { allDevices: true })).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
  });

  it('a password change ends the other devices’ sessions for the next request', async () => {
    const a = new Client(app);
    const b = new Client(app);
    await a.login('an.nguyen@example.vn', DEMO_PASSWORD);
    await b.login('an.nguyen@example.vn', DEMO_PASSWORD);
    expect((await b.get('/api/me')).statusCode).toBe(200);
    const changed = await a.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Mat-khau-moi-2026',
    });
    expect(changed.statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await a.get('/api/me')).statusCode).toBe(200);
  });

  it('a suspension and a role change hold for the staff member’s next request', async () => {
    const admin = new Client(app);
    await admin.login('hoangvanem.stttt', DEMO_PASSWORD);
    const person = new Client(app);
    const id = (await person.login('levancuong.stttt', DEMO_PASSWORD)).json().id as string;
    expect((await person.get('/api/me')).json().roles).toEqual(['specialist']);
    const put = await admin.req('PUT', `/api/admin/staff/${id}/roles`, { roles: ['approver'] });
    expect(put.statusCode).toBe(200);
    expect((await person.get('/api/me')).json().roles).toEqual(['approver']);
    expect((await admin.post(`/api/admin/staff/${id}/suspend`)).statusCode).toBe(200);
    expect((await person.get('/api/me')).statusCode).toBe(401);
  });

  it('another process sees a log-out made here within SESSION_CACHE_MS, and at once when it had not cached it', async () => {
    const c = new Client(app);
    await c.login('mai.tran@example.vn', DEMO_PASSWORD);
    const there = onOther(c);
    expect((await there.get('/api/me')).statusCode).toBe(200); // now in the other process's cache
    const here = Object.assign(new Client(app, c.ip), { cookies: new Map(c.cookies) });
    expect((await here.get('/api/me')).statusCode).toBe(200); // and in this one's
    const fresh = new Client(app);
    await fresh.login('mai.tran@example.vn', DEMO_PASSWORD);
    expect((await c.post('/api/auth/logout', {})).statusCode).toBe(200);
    expect((await here.get('/api/me')).statusCode).toBe(401);
    // The other process may still answer for the ended session, but never longer than SESSION_CACHE_MS.
    clock.advance(SESSION_CACHE_MS - 1);
    expect((await there.get('/api/me')).statusCode).toBe(200);
    clock.advance(1);
    expect((await there.get('/api/me')).statusCode).toBe(401);
    // A session it never cached is read from the database: the log-out holds there at once.
    const freshThere = onOther(fresh);
    expect((await fresh.post('/api/auth/logout', {})).statusCode).toBe(200);
    expect((await freshThere.get('/api/me')).statusCode).toBe(401);
  });
});
