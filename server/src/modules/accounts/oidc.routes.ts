import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as client from 'openid-client';
import { z } from 'zod';
import { ZErrorResponse, ZOidcConfigResponse } from '@motcua/contracts';
import type { Config } from '../../config';
import { requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { insertOidcLogin, takeOidcLogin } from './auth.repo';
import { startSession } from './accounts.sessions';
import { clientOf, setSessionCookies } from './accounts.cookies';
import { ctxOf } from './accounts.routes';
import {
  bindingCookieValue,
  bindingMatches,
  boundState,
  OIDC_BINDING_COOKIE,
  OIDC_BINDING_PATH,
  OIDC_BINDING_TTL_S,
} from './oidc-binding';
import { signInWithOidc, type OidcClaims } from './oidc.service';

const discovered = new Map<string, Promise<client.Configuration>>();

function oidcConfig(config: Config): Promise<client.Configuration> {
  const oidc = config.oidc;
  if (!oidc) throw new AppError('OIDC_UNAVAILABLE');
  const key = `${oidc.issuer}|${oidc.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const url = new URL(oidc.issuer);
    found = client.discovery(url, oidc.clientId, oidc.clientSecret, undefined, {
      // Plain http only for a provider on this machine (development and tests).
      execute: ['localhost', '127.0.0.1'].includes(url.hostname) ? [client.allowInsecureRequests] : [],
    });
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

/** Only paths on this site, so the callback cannot be turned into an open redirect. */
const safeReturn = (s: string | undefined) => (s && /^\/(?!\/)[^\s\\]*$/.test(s) ? s : '/');

const otherBrowser = () =>
  new AppError('OIDC_FAILED', {
    details: {
      vi: 'lượt đăng nhập này không được bắt đầu từ trình duyệt này; vui lòng đăng nhập lại',
      en: 'this sign-in was not started in this browser; please sign in again',
    },
  });

/**
 * Single sign-on with a national identity provider over OpenID Connect (SPEC §4): code flow with PKCE, state and
 * nonce bound to the browser (oidc-binding.ts). Which account a sign-in lands in is oidc.service.ts.
 */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const redirectUri = () => `${deps.config.publicUrl}/api/auth/oidc/callback`;
  const secure = () => deps.config.publicUrl.startsWith('https:');
  const secret = () => deps.config.oidc?.clientSecret ?? '';

  app.get(
    '/auth/oidc',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Whether single sign-on is configured',
        response: { 200: ZOidcConfigResponse },
      },
    },
    async () => ({ enabled: Boolean(deps.config.oidc) }),
  );

  app.get(
    '/auth/oidc/start',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['accounts'],
        summary: 'Redirects to the identity provider',
        querystring: z.object({ returnTo: z.string().max(500).optional() }),
        response: { 404: ZErrorResponse, 503: ZErrorResponse },
      },
    },
    async (req, reply) => {
      const cfg = await oidcConfig(deps.config).catch((err: unknown) => {
        if (err instanceof AppError) throw err;
        req.log.warn({ err }, 'OIDC discovery failed');
        throw new AppError('SERVICE_UNAVAILABLE');
      });
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      await insertOidcLogin(
        deps.db.kysely,
        { state, nonce, codeVerifier, returnTo: safeReturn(req.query.returnTo) },
        requestNow(req),
      );
      reply.setCookie(OIDC_BINDING_COOKIE, bindingCookieValue(secret(), state, nonce), {
        path: OIDC_BINDING_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(),
        maxAge: OIDC_BINDING_TTL_S,
      });
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: redirectUri(),
        scope: 'openid email profile phone',
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return reply.redirect(url.href);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Return from the identity provider: creates or links the account and logs in',
        querystring: z.object({ state: z.string().max(200) }).passthrough(),
        response: { 400: ZErrorResponse, 404: ZErrorResponse },
      },
    },
    async (req, reply) => {
      const cfg = await oidcConfig(deps.config);
      const cookie = req.cookies[OIDC_BINDING_COOKIE];
      reply.clearCookie(OIDC_BINDING_COOKIE, { path: OIDC_BINDING_PATH });
      // Checked before the attempt is taken: a callback from another browser leaves the real attempt usable.
      if (boundState(cookie) !== req.query.state) throw otherBrowser();
      const pending = await takeOidcLogin(deps.db.kysely, req.query.state, requestNow(req));
      if (!pending)
        throw new AppError('OIDC_FAILED', {
          details: { vi: 'phiên đăng nhập đã hết hạn', en: 'the sign-in attempt expired' },
        });
      if (!bindingMatches(secret(), cookie, req.query.state, pending.nonce)) throw otherBrowser();
      let claims: OidcClaims;
      try {
        const tokens = await client.authorizationCodeGrant(cfg, new URL(req.url, deps.config.publicUrl), {
          pkceCodeVerifier: pending.code_verifier,
          expectedState: req.query.state,
          expectedNonce: pending.nonce,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new Error('no ID token');
        const info = await client.fetchUserInfo(cfg, tokens.access_token, idClaims.sub);
        claims = { ...(idClaims as OidcClaims), ...(info as OidcClaims) };
      } catch (err) {
        req.log.warn({ err }, 'OIDC code exchange failed');
        throw new AppError('OIDC_FAILED', { details: err instanceof Error ? err.message : 'unknown' });
      }
      const ctx = ctxOf(req);
      const session = await deps.db.kysely.transaction().execute(async (trx) => {
        const { user } = await signInWithOidc(trx, ctx.audit, claims, ctx.audit.at);
        return startSession(trx, user.id, clientOf(req), ctx.audit.at);
      });
      setSessionCookies(reply, session, secure());
      return reply.redirect(pending.return_to);
    },
  );
};
