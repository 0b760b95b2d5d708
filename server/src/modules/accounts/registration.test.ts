import { describe, expect, it } from 'vitest';
import { createDemoDb, createTestApp } from '../../test/harness';
import { Client, worker } from './accounts.test-helpers';

const PW = 'Hoa-mai-no-2026';

/** Registration, code resending and password reset answer the same whether or not an account exists (#11). */
describe('no account enumeration', async () => {
  const { app, db, deps } = await createTestApp({}, await createDemoDb());

  const usersWith = async (email: string) =>
    (await db.kysely.selectFrom('users').select('id').where('email', '=', email).execute()).length;
  const messagesTo = async (to: string) => {
    await worker(deps).drain();
    return db.kysely
      .selectFrom('messages')
      .select(['template', 'body'])
      .where('recipient', '=', to)
      .orderBy('created_at')
      .execute();
  };

  it('password reset: the same status and body for known and unknown accounts, on every try', async () => {
    const answers = [];
    for (let i = 0; i < 3; i += 1)
      for (const login of ['an.nguyen@example.vn', 'khong-co-ai@example.vn', '0912345678', '0999888777']) {
        // A new address each time: the per-address route limit is not what is under test.
        const r = await new Client(app).post('/api/auth/password-reset', { login });
        answers.push({ login, status: r.statusCode, body: r.body });
      }
    for (const a of answers)
      expect({ status: a.status, body: a.body }, a.login).toEqual({ status: 202, body: answers[0]!.body });
    expect(JSON.parse(answers[0]!.body)).toEqual({ ok: true });
    // The request path only queues work; the account is looked up, and the code sent, by the worker — once per
    // minute per address however often it was asked.
    const codes = await messagesTo('an.nguyen@example.vn');
    expect(codes.filter((m) => m.template === 'accounts.reset_password')).toHaveLength(1);
    expect(await messagesTo('khong-co-ai@example.vn')).toHaveLength(0);
  });

  it('registration with an address that has an account answers as if new, creates nothing, tells the owner', async () => {
    const fresh = await new Client(app).post('/api/auth/register', {
      fullName: 'Hồ Văn Mới',
      email: 'ho.van.moi@example.vn',
      password: PW,
    });
    const taken = await new Client(app).post('/api/auth/register', {
      fullName: 'Kẻ Dò Tìm',
      email: 'mai.tran@example.vn',
      password: PW,
    });
    expect(fresh.statusCode).toBe(201);
    expect(taken.statusCode).toBe(201);
    expect(Object.keys(taken.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    expect(taken.json()).toMatchObject({
      channel: 'email',
      sentTo: 'ma***@example.vn',
      expiresInSeconds: 600,
    });
    expect(await usersWith('mai.tran@example.vn')).toBe(1);
    const told = await messagesTo('mai.tran@example.vn');
    expect(told.map((m) => m.template)).toContain('accounts.already_registered');
    expect(told.find((m) => m.template === 'accounts.already_registered')?.body).toMatch(/Quên mật khẩu/);
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'account.registration_for_existing')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('a taken phone number with a new email is answered the same; the phone’s owner is told by SMS', async () => {
    const r = await new Client(app).post('/api/auth/register', {
      fullName: 'Người Thử Số',
      email: 'nguoi.thu.so@example.vn',
      phone: '0912345678',
      password: PW,
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ channel: 'email', sentTo: 'ng***@example.vn' });
    expect(await usersWith('nguoi.thu.so@example.vn')).toBe(0);
    const sms = await messagesTo('0912345678');
    expect(sms.map((m) => m.template)).toContain('accounts.already_registered');
  });

  it('“send the code again” answers the same for pending, active and unknown addresses, and limits all alike', async () => {
    await new Client(app).post('/api/auth/register', {
      fullName: 'Chờ Kích Hoạt',
      email: 'cho.kich.hoat@example.vn',
      password: PW,
    });
    await new Client(app).post('/api/auth/register', {
      fullName: 'Kẻ Dò Tìm',
      email: 'phong.le@example.vn',
      password: PW,
    });
    // Right after a registration, new or not, the address's one-per-minute slot is taken.
    for (const login of ['cho.kich.hoat@example.vn', 'phong.le@example.vn']) {
      const r = await new Client(app).post('/api/auth/verify/resend', { login });
      expect(r.statusCode, login).toBe(429);
      expect(r.json().code).toBe('RATE_LIMITED');
    }
    const answers = [];
    for (const login of ['an.nguyen@example.vn', 'khong-ai-ca@example.vn']) {
      const r = await new Client(app).post('/api/auth/verify/resend', { login });
      expect(r.statusCode, login).toBe(200);
      answers.push(r.json());
      expect((await new Client(app).post('/api/auth/verify/resend', { login })).statusCode, login).toBe(429);
    }
    expect(answers[0]).toEqual({ channel: 'email', sentTo: 'an***@example.vn', expiresInSeconds: 600 });
    expect(answers[1]).toEqual({ channel: 'email', sentTo: 'kh***@example.vn', expiresInSeconds: 600 });
    const bad = await new Client(app).post('/api/auth/verify/resend', { login: 'hoangvanem.stttt' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/email hoặc số điện thoại/);
  });

  it('a weak new password at reset is refused the same way for known and unknown accounts', async () => {
    const c = new Client(app);
    for (const login of ['an.nguyen@example.vn', 'khong-co-ai@example.vn']) {
      const r = await c.post('/api/auth/password-reset/confirm', {
        login,
        code: '123456',
        newPassword: 'matkhau123',
      });
      expect(r.json().code, login).toBe('WEAK_PASSWORD');
    }
  });
});
