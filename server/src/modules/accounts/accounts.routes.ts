import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAddMemberRequest,
  ZChangePasswordRequest,
  ZCodeSentResponse,
  ZErrorResponse,
  ZLoginRequest,
  ZLogoutRequest,
  ZMeResponse,
  ZOkResponse,
  ZOrganisationInput,
  ZOrganisationMember,
  ZPasswordResetConfirmRequest,
  ZPasswordResetRequest,
  ZProfile,
  ZRegisterRequest,
  ZResendCodeRequest,
  ZUpdateProfileRequest,
  ZVerifyRequest,
} from '@motcua/contracts';
import { requireActor, requireLogin } from '../../http/auth';
import { requestContext, requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import * as repo from './accounts.repo';
import * as svc from './accounts.service';
import * as registration from './registration.service';
import { presentMe, presentProfile } from './accounts.presenter';
import { clearSessionCookies, clientOf, setSessionCookies } from './accounts.cookies';
import { addMember, listMembers, removeMember } from './organisations.service';

/** The request's context (http/context.ts). */
export function ctxOf(req: FastifyRequest): svc.Ctx {
  return requestContext(req);
}

const E = ZErrorResponse;
const ok = { ok: true as const };
/** Per client address; the database-backed lockout and code limits apply on top, across all instances. */
const limit = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  app.post(
    '/auth/register',
    {
      config: limit(10),
      schema: {
        tags: ['accounts'],
        summary:
          'Register a citizen (optionally with an organisation); sends an activation code. Answers the same when the email or phone already has an account (its owner is told by message)',
        body: ZRegisterRequest,
        response: { 201: ZCodeSentResponse, 400: E, 409: E, 429: E },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await registration.register(deps, req.body, ctxOf(req), requestNow(req))),
  );

  app.post(
    '/auth/verify',
    {
      config: limit(20),
      schema: {
        tags: ['accounts'],
        summary: 'Enter a one-time code: activates the account or confirms a new email/phone',
        body: ZVerifyRequest,
        response: { 200: ZOkResponse, 400: E, 429: E },
      },
    },
    async (req) => {
      await svc.verify(deps, req.body, ctxOf(req));
      return ok;
    },
  );

  app.post(
    '/auth/verify/resend',
    {
      config: limit(10),
      schema: {
        tags: ['accounts'],
        summary: 'Send a new activation code (same answer whether or not an account awaits one)',
        body: ZResendCodeRequest,
        response: { 200: ZCodeSentResponse, 400: E, 429: E },
      },
    },
    async (req) => registration.resendVerification(deps, req.body.login, ctxOf(req), requestNow(req)),
  );

  app.post(
    '/auth/login',
    {
      config: limit(30),
      schema: {
        tags: ['accounts'],
        summary: 'Log in with email, phone or staff user name and password',
        body: ZLoginRequest,
        response: { 200: ZMeResponse, 401: E, 403: E, 429: E },
      },
    },
    async (req, reply) => {
      const { user, session } = await svc.login(deps, req.body, clientOf(req), ctxOf(req), requestNow(req));
      setSessionCookies(reply, session, deps.config.publicUrl.startsWith('https:'));
      return presentMe(db, user, await repo.rolesOf(db, user.id));
    },
  );

  app.post(
    '/auth/logout',
    {
      preHandler: requireLogin,
      schema: {
        tags: ['accounts'],
        summary: 'Log out this device, or all devices',
        body: ZLogoutRequest.optional(),
        response: { 200: ZOkResponse, 401: E },
      },
    },
    async (req, reply) => {
      await svc.logout(deps, requireActor(req), req.body?.allDevices ?? false, ctxOf(req));
      clearSessionCookies(reply);
      return ok;
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: limit(10),
      schema: {
        tags: ['accounts'],
        summary: 'Ask for a password reset code (same answer whether or not the account exists)',
        body: ZPasswordResetRequest,
        response: { 202: ZOkResponse, 429: E },
      },
    },
    async (req, reply) => {
      await registration.requestPasswordReset(deps, req.body.login, ctxOf(req));
      return reply.status(202).send(ok);
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: limit(20),
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password with the reset code; ends every session',
        body: ZPasswordResetConfirmRequest,
        response: { 200: ZOkResponse, 400: E, 429: E },
      },
    },
    async (req) => {
      await svc.confirmPasswordReset(deps, req.body, ctxOf(req));
      return ok;
    },
  );

  app.post(
    '/auth/password',
    {
      config: limit(20),
      preHandler: requireLogin,
      schema: {
        tags: ['accounts'],
        summary: 'Change the password (required at a staff member’s first log-in)',
        body: ZChangePasswordRequest,
        response: { 200: ZOkResponse, 400: E, 401: E },
      },
    },
    async (req) => {
      await svc.changePassword(deps, requireActor(req), req.body, ctxOf(req));
      return ok;
    },
  );

  app.get(
    '/me',
    {
      schema: { tags: ['accounts'], summary: 'The logged-in person', response: { 200: ZMeResponse, 401: E } },
    },
    async (req) => {
      const actor = requireActor(req);
      if (req.me) return req.me; // read with the session
      const user = await repo.findUserById(db, actor.userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      return presentMe(db, user, actor.roles);
    },
  );

  app.get(
    '/me/profile',
    {
      preHandler: requireLogin,
      schema: {
        tags: ['accounts'],
        summary: 'Own profile and organisations',
        response: { 200: ZProfile, 401: E },
      },
    },
    async (req) => {
      const user = await repo.findUserById(db, requireActor(req).userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      return presentProfile(db, user);
    },
  );

  app.patch(
    '/me/profile',
    {
      preHandler: requireLogin,
      schema: {
        tags: ['accounts'],
        summary: 'Edit the profile; a changed email or phone gets a verification code',
        body: ZUpdateProfileRequest,
        response: {
          200: z.object({ profile: ZProfile, codesSent: z.array(ZCodeSentResponse) }),
          400: E,
          401: E,
          409: E,
          429: E,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const codesSent = await svc.updateProfile(deps, actor, req.body, ctxOf(req));
      const user = await repo.findUserById(db, actor.userId);
      return { profile: await presentProfile(db, user!), codesSent };
    },
  );

  app.post(
    '/me/organisations',
    {
      preHandler: requireLogin,
      schema: {
        tags: ['accounts'],
        summary: 'Register an organisation (business) and act for it',
        body: ZOrganisationInput,
        response: { 201: ZProfile, 401: E, 403: E, 409: E },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await svc.createOrganisation(deps, actor, req.body, ctxOf(req));
      return reply.status(201).send(await presentProfile(db, (await repo.findUserById(db, actor.userId))!));
    },
  );

  const OrgParams = z.object({ id: z.uuid() });
  app.get(
    '/organisations/:id/members',
    {
      preHandler: requireLogin,
      schema: {
        tags: ['accounts'],
        summary: 'People who act for the organisation',
        params: OrgParams,
        response: { 200: z.object({ items: z.array(ZOrganisationMember) }), 401: E, 404: E },
      },
    },
    async (req) => {
      const rows = await listMembers(deps, requireActor(req), req.params.id);
      return { items: rows.map((r) => ({ userId: r.id, fullName: r.full_name, role: r.role })) };
    },
  );

  app.post(
    '/organisations/:id/members',
    {
      preHandler: requireLogin,
      schema: {
        tags: ['accounts'],
        summary: 'Let another registered person act for the organisation (owner only)',
        params: OrgParams,
        body: ZAddMemberRequest,
        response: { 200: ZOkResponse, 401: E, 403: E, 404: E },
      },
    },
    async (req) => {
      await addMember(deps, requireActor(req), req.params.id, req.body.login, ctxOf(req));
      return ok;
    },
  );

  app.delete(
    '/organisations/:id/members/:userId',
    {
      preHandler: requireLogin,
      schema: {
        tags: ['accounts'],
        summary: 'Remove a member (owner), or leave',
        params: OrgParams.extend({ userId: z.uuid() }),
        response: { 200: ZOkResponse, 400: E, 401: E, 403: E, 404: E },
      },
    },
    async (req) => {
      await removeMember(deps, requireActor(req), req.params.id, req.params.userId, ctxOf(req));
      return ok;
    },
  );
};
