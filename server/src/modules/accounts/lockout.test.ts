import { describe, expect, it } from 'vitest';
import { createDemoDb, createTestApp } from '../../test/harness';
import { Client, latestCode } from './accounts.test-helpers';
import { DEMO_PASSWORD } from './accounts.demo';
import { ACCOUNT_LOCK_THRESHOLD, PAIR_LOCK_THRESHOLD } from './accounts.settings';

/** Lockout by (account, address) with an account-wide slow-down that spares the owner's addresses (#11, ADR 0009). */
describe('log-in lockout cannot keep the owner out', async () => {
  const { app, deps } = await createTestApp({}, await createDemoDb());
  const wrong = (c: Client, login: string) => c.post('/api/auth/login', { login, password: 'Doan-mo-sai-1' });

  it('five wrong passwords lock that address for that account; the clerk logs in from elsewhere', async () => {
    const clerk = 'tranthibinh.ttpvhcc';
    const attacker = new Client(app);
    for (let i = 0; i < PAIR_LOCK_THRESHOLD; i += 1)
      expect((await wrong(attacker, clerk)).json().code).toBe('INVALID_CREDENTIALS');
    const refused = await attacker.post('/api/auth/login', { login: clerk, password: DEMO_PASSWORD });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('ACCOUNT_LOCKED');
    const owner = new Client(app);
    expect((await owner.post('/api/auth/login', { login: clerk, password: DEMO_PASSWORD })).statusCode).toBe(
      200,
    );
  });

  it('failures from many addresses slow the account down for new addresses, not for the owner’s own', async () => {
    const clerk = 'levancuong.stttt';
    const office = new Client(app);
    await office.login(clerk, DEMO_PASSWORD);
    for (let i = 0; i < ACCOUNT_LOCK_THRESHOLD; i += 1)
      expect((await wrong(new Client(app), clerk)).json().code, `try ${i}`).toBe('INVALID_CREDENTIALS');
    // A guesser on yet another address meets the account-wide lock, even with the right password.
    const next = await new Client(app).post('/api/auth/login', { login: clerk, password: DEMO_PASSWORD });
    expect(next.statusCode).toBe(429);
    expect(next.json().code).toBe('ACCOUNT_LOCKED');
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(0);
    // The clerk, from the office address they logged in from before, is not kept out.
    const again = new Client(app, office.ip);
    expect((await again.post('/api/auth/login', { login: clerk, password: DEMO_PASSWORD })).statusCode).toBe(
      200,
    );
  });

  it('the account-wide slow-down ends with a password reset by code', async () => {
    const login = '0912345678';
    for (let i = 0; i < ACCOUNT_LOCK_THRESHOLD; i += 1) await wrong(new Client(app), login);
    const c = new Client(app);
    expect((await c.post('/api/auth/login', { login, password: DEMO_PASSWORD })).json().code).toBe(
      'ACCOUNT_LOCKED',
    );
    await c.post('/api/auth/password-reset', { login });
    const code = await latestCode(deps, login);
    const reset = await c.post('/api/auth/password-reset/confirm', {
      login,
      code,
      newPassword: 'Dong-song-xanh-2026',
    });
    expect(reset.statusCode).toBe(200);
    expect((await c.post('/api/auth/login', { login, password: 'Dong-song-xanh-2026' })).statusCode).toBe(
      200,
    );
  });
});
