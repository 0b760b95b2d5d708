import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed';
import { createTestApp } from '../../test/harness';
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
  const { app, db, deps } = await createTestApp({
    publicUrl: PUBLIC_URL,
    oidc: { issuer: op.issuer, clientId: 'motcua', clientSecret: 'bi-mat-cua-ung-dung-motcua-0123456789' },
  });
  beforeAll(async () => {
    await seedDemo(deps);
  });

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
