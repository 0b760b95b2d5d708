import { describe, expect, it } from 'vitest';
import { createDemoDb, createTestApp } from '../../test/harness';
import { auditActions, Client, latestCode } from './accounts.test-helpers';
import { DEMO_PASSWORD } from './accounts.demo';
import { SESSION_CACHE_MS } from './session-cache';

const PW = 'Hoa-sen-no-2026';

describe('citizen accounts: registration, verification, log-in, sessions', async () => {
  const { app, db, deps, clock } = await createTestApp({}, await createDemoDb());

  it('registers with email, activates by the emailed code, logs in and sees /api/me', async () => {
    const c = new Client(app);
    const reg = await c.post('/api/auth/register', {
      fullName: 'Phạm Văn Khải',
      email: 'Khai@Example.vn',
      password: PW,
    });
    expect(reg.statusCode).toBe(201);
    expect(reg.json()).toMatchObject({ channel: 'email', sentTo: 'kh***@example.vn', expiresInSeconds: 600 });

    const early = await c.post('/api/auth/login', { login: 'khai@example.vn', password: PW });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('ACCOUNT_NOT_ACTIVE');

    const code = await latestCode(deps, 'khai@example.vn');
    const wrong = await c.post('/api/auth/verify', {
      login: 'khai@example.vn',
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('CODE_INVALID');
    expect((await c.post('/api/auth/verify', { login: 'khai@example.vn', code })).statusCode).toBe(200);
    // Single use.
    expect((await c.post('/api/auth/verify', { login: 'khai@example.vn', code })).json().code).toBe(
      'CODE_INVALID',
    );

    const login = await c.post('/api/auth/login', { login: 'KHAI@example.vn', password: PW });
    expect(login.statusCode).toBe(200);
    const setCookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    const session = setCookies.find((h) => h.startsWith('mc_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(setCookies.find((h) => h.startsWith('mc_csrf='))).not.toMatch(/HttpOnly/i);

    const me = await c.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      kind: 'citizen',
      name: 'Phạm Văn Khải',
      email: 'khai@example.vn',
      roles: [],
      mustChangePassword: false,
    });
    const userId = me.json().id as string;
    expect(await auditActions(db, userId)).toEqual(
      expect.arrayContaining(['account.registered', 'account.activated', 'auth.login']),
    );
  });

  it('registers with a phone number and gets the code by SMS through the local gateway', async () => {
    const c = new Client(app);
    const reg = await c.post('/api/auth/register', {
      fullName: 'Đinh Thị Thu',
      phone: '+84 977 000 111',
      password: PW,
    });
    expect(reg.statusCode).toBe(201);
    expect(reg.json()).toMatchObject({ channel: 'sms', sentTo: '09******11' });
    const code = await latestCode(deps, '0977000111');
    expect((await c.post('/api/auth/verify', { login: '0977000111', code })).statusCode).toBe(200);
    expect((await c.post('/api/auth/login', { login: '0977 000 111', password: PW })).statusCode).toBe(200);
    const msg = await db.kysely
      .selectFrom('messages')
      .selectAll()
      .where('recipient', '=', '0977000111')
      .executeTakeFirstOrThrow();
    expect(msg).toMatchObject({
      channel: 'sms',
      status: 'sent',
      gateway: 'local',
      template: 'accounts.verify',
    });
  });

  it('refuses bad registrations with actionable messages and changes nothing', async () => {
    const c = new Client(app);
    const before = await db.kysely
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const weak = await c.post('/api/auth/register', {
      fullName: 'Ngô Bảo',
      email: 'bao@example.vn',
      password: 'password123',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD' });
    expect(weak.json().message).toContain('phổ biến');
    const short = await c.req(
      'POST',
      '/api/auth/register',
      { fullName: 'Ngô Bảo', email: 'bao@example.vn', password: 'Ab1!' },
      { 'accept-language': 'en' },
    );
    expect(short.json().message).toBe('The password is too weak: use at least 10 characters.');
    const none = await c.post('/api/auth/register', { fullName: 'Ngô Bảo', password: PW });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('VALIDATION_FAILED');
    const dup = await c.post('/api/auth/register', {
      fullName: 'Người khác',
      email: 'an.nguyen@example.vn',
      password: PW,
    });
    // An address that already has an account is answered as if it were new (registration.test.ts).
    expect(dup.statusCode).toBe(201);
    const after = await db.kysely
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('rate-limits code sending per destination', async () => {
    const c = new Client(app);
    expect(
      (await c.post('/api/auth/register', { fullName: 'Lý Văn Tài', email: 'tai@example.vn', password: PW }))
        .statusCode,
    ).toBe(201);
    const again = await c.post('/api/auth/verify/resend', { login: 'tai@example.vn' });
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('RATE_LIMITED');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('burns a code after five wrong guesses and rejects an expired code', async () => {
    const c = new Client(app);
    await c.post('/api/auth/register', { fullName: 'Hồ Văn Sơn', email: 'son@example.vn', password: PW });
    const code = await latestCode(deps, 'son@example.vn');
    const wrong = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i += 1) await c.post('/api/auth/verify', { login: 'son@example.vn', code: wrong });
    expect((await c.post('/api/auth/verify', { login: 'son@example.vn', code })).json().code).toBe(
      'CODE_INVALID',
    );

    await c.post('/api/auth/register', { fullName: 'Hồ Văn Sáng', email: 'sang@example.vn', password: PW });
    const code2 = await latestCode(deps, 'sang@example.vn');
    await db.kysely
      .updateTable('one_time_codes')
      .set({ expires_at: new Date(clock.now().getTime() - 1000) })
      .where('destination', '=', 'sang@example.vn')
      .execute();
    expect((await c.post('/api/auth/verify', { login: 'sang@example.vn', code: code2 })).json().code).toBe(
      'CODE_INVALID',
    );
  });

  it('CSRF: a cookie-authenticated change without the token is refused; anonymous requests need none', async () => {
    const c = new Client(app);
    await c.login('an.nguyen@example.vn', DEMO_PASSWORD);
    const noToken = await c.post('/api/auth/logout', {}, { 'x-csrf-token': 'wrong' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_FAILED');
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('logs out this device or all devices', async () => {
    const a = new Client(app);
    const b = new Client(app);
    await a.login('mai.tran@example.vn', DEMO_PASSWORD);
    await b.login('mai.tran@example.vn', DEMO_PASSWORD);
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(200);
    const c = new Client(app);
    await c.login('mai.tran@example.vn', DEMO_PASSWORD);
    expect((await c.post('/api/auth/logout', { allDevices: true })).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
  });

  it('ends idle and expired sessions', async () => {
    const c = new Client(app);
    await c.login('phong.le@example.vn', DEMO_PASSWORD);
    const me = (await c.get('/api/me')).json();
    await db.kysely
      .updateTable('sessions')
      .set({ last_seen_at: new Date(clock.now().getTime() - 31 * 60_000) })
      .where('user_id', '=', me.id)
      .execute();
    // Written past the app, as another process would: seen once the app's session cache lets go of it.
    clock.advance(SESSION_CACHE_MS);
    expect((await c.get('/api/me')).json().code).toBe('UNAUTHENTICATED');
    await c.login('phong.le@example.vn', DEMO_PASSWORD);
    await db.kysely
      .updateTable('sessions')
      .set({ expires_at: new Date(clock.now().getTime() - 1000) })
      .where('user_id', '=', me.id)
      .execute();
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('locks an account from one address with increasing delay after repeated failures, and audits it', async () => {
    const c = new Client(app);
    await c.post('/api/auth/register', { fullName: 'Tạ Văn Lực', email: 'luc@example.vn', password: PW });
    await c.post('/api/auth/verify', {
      login: 'luc@example.vn',
      code: await latestCode(deps, 'luc@example.vn'),
    });
    const guesser = new Client(app);
    for (let i = 0; i < 5; i += 1) {
      const r = await guesser.post('/api/auth/login', {
        login: 'luc@example.vn',
        password: 'Sai-mat-khau-1',
      });
      expect(r.json().code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await guesser.post('/api/auth/login', { login: 'luc@example.vn', password: PW });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().message).toMatch(/thử lại sau (29|30) giây/);
    const row = await db.kysely
      .selectFrom('auth_throttle')
      .selectAll()
      .where('key', 'like', 'pair:%')
      .where('failures', '=', 5)
      .executeTakeFirstOrThrow();
    // One more failure once the lock ends doubles the wait.
    await db.kysely
      .updateTable('auth_throttle')
      .set({ locked_until: new Date(clock.now().getTime() - 1) })
      .where('key', '=', row.key)
      .execute();
    await guesser.post('/api/auth/login', { login: 'luc@example.vn', password: 'Sai-mat-khau-1' });
    const second = await guesser.post('/api/auth/login', { login: 'luc@example.vn', password: PW });
    expect(second.json().message).toMatch(/sau (59|60) giây/);
    const actions = await auditActions(db, row.key.slice('pair:'.length, row.key.indexOf('@')));
    expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(6);
    expect(actions).toContain('auth.locked');
    expect(actions).toContain('auth.login_refused_locked');
  });

  it('locks an IP address that tries many accounts', async () => {
    const c = new Client(app);
    for (let i = 0; i < 20; i += 1)
      await c.post('/api/auth/login', { login: `khong-co-${i}@example.vn`, password: 'Sai-mat-khau-1' });
    const r = await c.post('/api/auth/login', { login: 'an.nguyen@example.vn', password: DEMO_PASSWORD });
    expect(r.json().code).toBe('ACCOUNT_LOCKED');
    expect(
      (
        await new Client(app).post('/api/auth/login', {
          login: 'an.nguyen@example.vn',
          password: DEMO_PASSWORD,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('rate-limits the log-in route per address', async () => {
    const c = new Client(app);
    let last = 0;
    for (let i = 0; i < 31; i += 1)
      last = (await c.post('/api/auth/login', { login: 'x', password: 'y' })).statusCode;
    expect(last).toBe(429);
  });

  it('resets a forgotten password by code, ending every session, without revealing unknown accounts', async () => {
    const old = new Client(app);
    await old.login('0912345678', DEMO_PASSWORD);
    const c = new Client(app);
    expect((await c.post('/api/auth/password-reset', { login: 'khong-ton-tai@example.vn' })).statusCode).toBe(
      202,
    );
    expect((await c.post('/api/auth/password-reset', { login: '0912345678' })).statusCode).toBe(202);
    const code = await latestCode(deps, '0912345678');
    const weak = await c.post('/api/auth/password-reset/confirm', {
      login: '0912345678',
      code,
      newPassword: 'matkhau123',
    });
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const done = await c.post('/api/auth/password-reset/confirm', {
      login: '0912345678',
      code,
      newPassword: 'Cay-tre-xanh-99',
    });
    expect(done.statusCode).toBe(200);
    expect((await old.get('/api/me')).statusCode).toBe(401);
    expect(
      (await c.post('/api/auth/login', { login: 'an.nguyen@example.vn', password: DEMO_PASSWORD }))
        .statusCode,
    ).toBe(401);
    expect(
      (await c.post('/api/auth/login', { login: 'an.nguyen@example.vn', password: 'Cay-tre-xanh-99' }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await c.post('/api/auth/password-reset/confirm', {
          login: '0912345678',
          code,
          newPassword: 'Cay-tre-xanh-77',
        })
      ).json().code,
    ).toBe('CODE_INVALID');
  });

  it('changes the password with the current one; other devices are logged out', async () => {
    const a = new Client(app);
    const b = new Client(app);
    await a.login('khai@example.vn', PW);
    await b.login('khai@example.vn', PW);
    expect(
      (await a.post('/api/auth/password', { currentPassword: 'sai', newPassword: 'Bien-xanh-2026' })).json()
        .code,
    ).toBe('INVALID_CREDENTIALS');
    expect(
      (await a.post('/api/auth/password', { currentPassword: PW, newPassword: 'Bien-xanh-2026' })).statusCode,
    ).toBe(200);
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect(await auditActions(db)).toContain('auth.password_changed');
  });

  it('edits the profile; a new email must be verified again', async () => {
    const c = new Client(app);
    await c.login('0977000111', PW);
    const r = await c.req('PATCH', '/api/me/profile', {
      address: 'Xã Tân Phú, tỉnh An Hòa',
      idNumber: '099190001234',
      dateOfBirth: '1991-03-08',
      email: 'thu.dinh@example.vn',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().profile).toMatchObject({
      address: 'Xã Tân Phú, tỉnh An Hòa',
      idNumber: '099190001234',
      dateOfBirth: '1991-03-08',
      email: 'thu.dinh@example.vn',
      emailVerified: false,
      phoneVerified: true,
    });
    expect(r.json().codesSent).toHaveLength(1);
    const code = await latestCode(deps, 'thu.dinh@example.vn');
    expect((await c.post('/api/auth/verify', { login: 'thu.dinh@example.vn', code })).statusCode).toBe(200);
    expect((await c.get('/api/me/profile')).json().emailVerified).toBe(true);
    const bad = await c.req('PATCH', '/api/me/profile', { idNumber: '12' });
    expect(bad.statusCode).toBe(400);
    const taken = await c.req('PATCH', '/api/me/profile', { email: 'mai.tran@example.vn' });
    expect(taken.statusCode).toBe(409);
  });

  it('answers 401 to anonymous calls of protected routes', async () => {
    const c = new Client(app);
    for (const [m, u] of [
      ['GET', '/api/me'],
      ['GET', '/api/me/profile'],
      ['POST', '/api/auth/logout'],
      ['POST', '/api/auth/password'],
      ['GET', '/api/organisations/00000000-0000-4000-8000-000000000009/members'],
    ] as const) {
      const r = await c.req(m, u, m === 'GET' ? undefined : { currentPassword: 'a', newPassword: 'b' });
      expect(r.statusCode, u).toBe(401);
    }
  });
});
