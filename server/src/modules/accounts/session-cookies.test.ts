import { describe, expect, it } from 'vitest';
import { createDemoDb, createTestApp } from '../../test/harness';
import { DEMO_PASSWORD } from './accounts.demo';
import { Client } from './accounts.test-helpers';

type SetCookie = { name: string; secure?: boolean; httpOnly?: boolean };

describe('session cookies are Secure whenever the public address is https', async () => {
  const db = await createDemoDb();
  const https = await createTestApp({ publicUrl: 'https://dichvucong.anhoa.example' }, db);
  const http = await createTestApp({ publicUrl: 'http://localhost:3000' }, db);

  const loginCookies = async (app: typeof https.app) => {
    const res = await new Client(app).login('an.nguyen@example.vn', DEMO_PASSWORD);
    return res.cookies as SetCookie[];
  };

  it('https PUBLIC_URL: the session and CSRF cookies carry Secure', async () => {
    const cookies = await loginCookies(https.app);
    expect(cookies.map((c) => c.name).sort()).toEqual(['mc_csrf', 'mc_session']);
    for (const c of cookies) expect(c.secure, c.name).toBe(true);
    expect(cookies.find((c) => c.name === 'mc_session')?.httpOnly).toBe(true);
  });

  it('http PUBLIC_URL (local development): no Secure, so the browser keeps them on http://localhost', async () => {
    for (const c of await loginCookies(http.app)) expect(c.secure ?? false, c.name).toBe(false);
  });
});
