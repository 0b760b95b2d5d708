import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoDb, createTestApp } from '../../test/harness';
import { auditActions, Client } from './accounts.test-helpers';

const PUBLIC_URL = 'http://motcua.test';
type Person = { sub: string; email: string; name: string };

/**
 * A real OpenID Connect provider (oidc-provider) on a local port. Its interaction step logs in whoever the test
 * names and grants consent, standing in for the person at the national identity provider's login page.
 */
async function startProvider(person: { current: Person }) {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'motcua',
        client_secret: 'bi-mat-cua-ung-dung-motcua-0123456789',
        redirect_uris: [`${PUBLIC_URL}/api/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      phone: ['phone_number'],
    },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, email: person.current.email, email_verified: true, name: person.current.name }),
    }),
    features: { devInteractions: { enabled: false } },
  });
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return provider.callback()(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: person.current.sub } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider.Grant({
        accountId: details.session!.accountId,
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope('openid email profile phone');
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  return { issuer, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Follows the provider's redirects with its own cookie jar until it sends the browser back to our callback. */
async function throughProvider(authorizeUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizeUrl;
  for (let i = 0; i < 10; i += 1) {
    if (url.startsWith(PUBLIC_URL)) return url.slice(PUBLIC_URL.length);
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const [k = '', v = ''] = pair.split('=');
      jar.set(k, v);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider stopped at ${url}: ${res.status} ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

describe('single sign-on with a local OpenID Connect provider', async () => {
  const person = {
    current: { sub: 'cccd-099088000123', email: 'an.nguyen@example.vn', name: 'Nguyễn Văn An' },
  };
  const op = await startProvider(person);
  afterAll(() => op.close());
  const { app, db } = await createTestApp(
    {
      publicUrl: PUBLIC_URL,
      oidc: { issuer: op.issuer, clientId: 'motcua', clientSecret: 'bi-mat-cua-ung-dung-motcua-0123456789' },
    },
    await createDemoDb(),
  );

  const signIn = async (c: Client) => {
    const start = await c.get('/api/auth/oidc/start?returnTo=/ho-so');
    expect(start.statusCode).toBe(302);
    expect(start.headers.location).toContain(`${op.issuer}/auth?`);
    expect(start.headers.location).toContain('code_challenge_method=S256');
    const callback = await throughProvider(String(start.headers.location));
    return c.get(callback);
  };

  it('links a first login to the existing account with the same verified email', async () => {
    const c = new Client(app);
    const done = await signIn(c);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/ho-so');
    const me = (await c.get('/api/me')).json();
    expect(me).toMatchObject({ kind: 'citizen', email: 'an.nguyen@example.vn', name: 'Nguyễn Văn An' });
    const row = await db.kysely
      .selectFrom('users')
      .select('oidc_subject')
      .where('id', '=', me.id)
      .executeTakeFirstOrThrow();
    expect(row.oidc_subject).toBe('cccd-099088000123');
  });

  it('creates an account for someone new, and finds it again by subject next time', async () => {
    person.current = { sub: 'cccd-099200000001', email: 'moi.den@example.vn', name: 'Hà Thị Mới' };
    const c = new Client(app);
    expect((await signIn(c)).statusCode).toBe(302);
    const me = (await c.get('/api/me')).json();
    expect(me).toMatchObject({ name: 'Hà Thị Mới', email: 'moi.den@example.vn', mustChangePassword: false });
    const again = new Client(app);
    await signIn(again);
    expect((await again.get('/api/me')).json().id).toBe(me.id);
    const count = await db.kysely
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('oidc_subject', '=', 'cccd-099200000001')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect(await auditActions(db, me.id)).toEqual(['account.created', 'auth.login', 'auth.login']);
  });

  it('refuses a callback with an unknown or replayed state', async () => {
    const c = new Client(app);
    const bad = await c.get('/api/auth/oidc/callback?state=forged&code=x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('OIDC_FAILED');
  });

  it('binds the attempt to the browser with a short-lived HttpOnly, SameSite=Lax cookie', async () => {
    const start = await new Client(app).get('/api/auth/oidc/start');
    const cookie = start.cookies.find((c) => c.name === 'mc_oidc');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc', maxAge: 900 });
    const state = new URL(String(start.headers.location)).searchParams.get('state');
    expect(cookie?.value.startsWith(`${state}.`)).toBe(true);
  });

  it('refuses a callback carrying a state another browser started (login CSRF); it still works in its own', async () => {
    person.current = { sub: 'cccd-099300000666', email: 'ke.gian@example.vn', name: 'Kẻ Gian' };
    const attacker = new Client(app);
    const start = await attacker.get('/api/auth/oidc/start?returnTo=/ho-so');
    const callback = await throughProvider(String(start.headers.location));

    const victim = new Client(app);
    await victim.get('/api/auth/oidc/start'); // the victim's own attempt: a binding cookie, for another state
    const refused = await victim.get(callback);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'OIDC_FAILED' });
    expect(refused.json().message).toContain('không được bắt đầu từ trình duyệt này');
    expect((await new Client(app).get(callback)).statusCode).toBe(400); // no cookie at all
    expect((await victim.get('/api/me')).statusCode).toBe(401);

    const own = await attacker.get(callback);
    expect(own.statusCode).toBe(302);
    expect((await attacker.get('/api/me')).json()).toMatchObject({ name: 'Kẻ Gian' });
  });

  it('refuses a cookie naming the right state with a MAC this server did not make', async () => {
    person.current = { sub: 'cccd-099300000667', email: 'ke.gian.2@example.vn', name: 'Kẻ Gian Hai' };
    const attacker = new Client(app);
    const start = await attacker.get('/api/auth/oidc/start');
    const callback = await throughProvider(String(start.headers.location));
    const state = new URL(callback, PUBLIC_URL).searchParams.get('state');
    const victim = new Client(app);
    victim.cookies.set('mc_oidc', `${state}.${Buffer.alloc(32, 7).toString('base64url')}`);
    const refused = await victim.get(callback);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('OIDC_FAILED');
    expect((await victim.get('/api/me')).statusCode).toBe(401);
  });

  it('does not link to an account whose own e-mail is unverified (pre-registration takeover)', async () => {
    const password = 'Chiem-tai-khoan-2026!';
    const attacker = new Client(app);
    const reg = await attacker.post('/api/auth/register', {
      fullName: 'Kẻ Chiếm Chỗ',
      email: 'nan.nhan@example.vn',
      password,
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const squat = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'nan.nhan@example.vn')
      .executeTakeFirstOrThrow();

    person.current = { sub: 'cccd-099300000777', email: 'nan.nhan@example.vn', name: 'Phạm Thị Nạn Nhân' };
    const victim = new Client(app);
    expect((await signIn(victim)).statusCode).toBe(302);
    const me = (await victim.get('/api/me')).json();
    expect(me.id).not.toBe(squat.id);
    expect(me).toMatchObject({ name: 'Phạm Thị Nạn Nhân' });
    const row = await db.kysely
      .selectFrom('users')
      .select(['oidc_subject', 'email_verified_at', 'status'])
      .where('id', '=', squat.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ oidc_subject: null, email_verified_at: null, status: 'pending' });
    const login = await attacker.post('/api/auth/login', { login: 'nan.nhan@example.vn', password });
    expect(login.statusCode).not.toBe(200);
    expect(await auditActions(db, me.id)).toEqual(['account.created', 'auth.login']);
  });

  it('says whether single sign-on is configured', async () => {
    expect((await new Client(app).get('/api/auth/oidc')).json()).toEqual({ enabled: true });
  });
});

describe('single sign-on not configured', async () => {
  const { app } = await createTestApp();
  it('answers 404 OIDC_UNAVAILABLE', async () => {
    const r = await new Client(app).get('/api/auth/oidc/start');
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe('OIDC_UNAVAILABLE');
  });
});
