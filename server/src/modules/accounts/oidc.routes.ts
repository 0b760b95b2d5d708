import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as client from 'openid-client';
import { z } from 'zod';
import { ZErrorResponse, ZOidcConfigResponse } from '@motcua/contracts';
import type { Config } from '../../config';
import { AppError } from '../../http/errors';
import { requestNow } from '../../http/context';
import { appendAudit } from '../audit/audit.service';
import * as repo from './accounts.repo';
import { insertOidcLogin, takeOidcLogin } from './auth.repo';
import { auditActorFor } from './accounts.service';
import { startSession } from './accounts.sessions';
import { ctxOf } from './accounts.routes';

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

type Claims = { sub: string; email?: string; email_verified?: boolean; name?: string; phone_number?: string };

/** Single sign-on with a national identity provider over OpenID Connect (SPEC §4): code flow with PKCE, state and nonce. */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const redirectUri = () => `${deps.config.publicUrl}/api/auth/oidc/callback`;

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
        {
          state,
          nonce,
          codeVerifier,
          returnTo: safeReturn(req.query.returnTo),
        },
        requestNow(req),
      );
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
      const pending = await takeOidcLogin(deps.db.kysely, req.query.state, requestNow(req));
      if (!pending)
        throw new AppError('OIDC_FAILED', {
          details: 'phiên đăng nhập đã hết hạn / the sign-in attempt expired',
        });
      let claims: Claims;
      try {
        const tokens = await client.authorizationCodeGrant(cfg, new URL(req.url, deps.config.publicUrl), {
          pkceCodeVerifier: pending.code_verifier,
          expectedState: req.query.state,
          expectedNonce: pending.nonce,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new Error('no ID token');
        const info = await client.fetchUserInfo(cfg, tokens.access_token, idClaims.sub);
        claims = { ...(idClaims as Claims), ...(info as Claims) };
      } catch (err) {
        req.log.warn({ err }, 'OIDC code exchange failed');
        throw new AppError('OIDC_FAILED', { details: err instanceof Error ? err.message : 'unknown' });
      }
      const ctx = ctxOf(req);
      await deps.db.kysely.transaction().execute(async (trx) => {
        let user = await repo.findUserByOidcSubject(trx, claims.sub);
        let how: 'existing' | 'linked' | 'created' = 'existing';
        const email = claims.email?.toLowerCase();
        if (!user && email && claims.email_verified) {
          const byEmail = await repo.findUserByLogin(trx, { email });
          if (byEmail && byEmail.kind === 'citizen') {
            await repo.updateUser(trx, byEmail.id, {
              oidc_subject: claims.sub,
              email_verified_at: requestNow(req),
              ...(byEmail.status === 'pending' ? { status: 'active' as const } : {}),
            });
            user = await repo.findUserById(trx, byEmail.id);
            how = 'linked';
          }
        }
        if (!user) {
          const taken = email ? await repo.findUserByLogin(trx, { email }) : undefined;
          const id = await repo.insertUser(trx, {
            kind: 'citizen',
            username: null,
            email: taken ? null : (email ?? null),
            phone: null,
            email_verified_at: email && !taken && claims.email_verified ? requestNow(req) : null,
            phone_verified_at: null,
            password_hash: null,
            full_name: claims.name ?? email ?? 'Người dùng',
            date_of_birth: null,
            id_number: null,
            address: null,
            agency_id: null,
            department_id: null,
            status: 'active',
            password_changed_at: null,
            oidc_subject: claims.sub,
          });
          user = await repo.findUserById(trx, id);
          how = 'created';
        }
        if (!user || user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
        await startSession(
          trx,
          user.id,
          req,
          reply,
          deps.config.publicUrl.startsWith('https:'),
          requestNow(req),
        );
        const who = auditActorFor(ctx.audit, { id: user.id, kind: user.kind, name: user.full_name });
        if (how === 'created')
          await appendAudit(trx, who, {
            action: 'account.created',
            target: { type: 'user', id: user.id },
            details: { via: 'oidc' },
          });
        await appendAudit(trx, who, {
          action: 'auth.login',
          target: { type: 'user', id: user.id },
          details: { method: 'oidc', account: how },
        });
      });
      return reply.redirect(pending.return_to);
    },
  );
};
