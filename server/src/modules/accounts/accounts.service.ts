import type { Transaction } from 'kysely';
import {
  ZEmail,
  ZPhone,
  type TCodeSentResponse,
  type TOrganisationInput,
  type TUpdateProfileRequest,
} from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { AppDeps, RequestContext } from '../../http/context';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { appendAudit, audit, type AuditActor } from '../audit';
import * as repo from './accounts.repo';
import { revokeSession, revokeUserSessions } from './auth.repo';
import { consumeCode, issueCode } from './accounts.codes';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './accounts.password';
import { startSession, type NewSession, type SessionClient } from './accounts.sessions';
import { clearAccountLock, lockedFor, loginKeys, recordFailure, recordSuccess } from './accounts.throttle';

/** The part of the request context (http/context.ts) account services use. */
export type Ctx = Pick<RequestContext, 'audit' | 'locale'>;

type ParsedLogin = { username?: string; email?: string; phone?: string };

/** A log-in is an email (has @), a phone number (digits) or a staff user name. */
export function parseLogin(login: string): ParsedLogin {
  if (login.includes('@')) {
    const e = ZEmail.safeParse(login);
    return e.success ? { email: e.data } : { username: login };
  }
  const p = ZPhone.safeParse(login);
  return p.success ? { phone: p.data } : { username: login };
}

export function auditActorFor(
  base: AuditActor,
  who: { id: string; kind: 'citizen' | 'staff'; name: string },
): AuditActor {
  return { ...base, type: who.kind === 'staff' ? 'staff' : 'user', id: who.id, name: who.name };
}

export function enforcePolicy(password: string, personal: (string | null | undefined)[]) {
  const problem = checkPasswordPolicy(password, personal);
  if (problem) throw new AppError('WEAK_PASSWORD', { reason: problem });
}

export const duplicate = (vi: string, en: string) => new AppError('DUPLICATE', { what: { vi, en } });

export async function ensureFree(trx: Transaction<Database>, login: ParsedLogin, exceptUserId?: string) {
  if (login.email) {
    const u = await repo.findUserByLogin(trx, { email: login.email });
    if (u && u.id !== exceptUserId) throw duplicate(`Email ${login.email}`, `Email ${login.email}`);
  }
  if (login.phone) {
    const u = await repo.findUserByLogin(trx, { phone: login.phone });
    if (u && u.id !== exceptUserId) throw duplicate(`Số điện thoại ${login.phone}`, `Phone ${login.phone}`);
  }
}

async function userForLogin(deps: AppDeps, login: string) {
  return repo.findUserByLogin(deps.db.kysely, parseLogin(login));
}

/** Enters a verification code: activates a pending account, or confirms a changed email or phone. */
export async function verify(deps: AppDeps, input: { login: string; code: string }, ctx: Ctx): Promise<void> {
  const user = await userForLogin(deps, input.login);
  if (!user) throw new AppError('CODE_INVALID');
  // The attempt counter must survive a wrong guess, so the check commits on its own.
  const used = await deps.db.kysely
    .transaction()
    .execute((trx) => consumeCode(trx, user.id, 'verify', input.code, ctx.audit.at));
  if (!used) throw new AppError('CODE_INVALID');
  await deps.db.kysely.transaction().execute(async (trx) => {
    const now = ctx.audit.at;
    await repo.updateUser(trx, user.id, {
      ...(used.channel === 'email' && used.destination === user.email ? { email_verified_at: now } : {}),
      ...(used.channel === 'sms' && used.destination === user.phone ? { phone_verified_at: now } : {}),
      ...(user.status === 'pending' ? { status: 'active' as const } : {}),
    });
    await appendAudit(trx, auditActorFor(ctx.audit, { id: user.id, kind: user.kind, name: user.full_name }), {
      action: user.status === 'pending' ? 'account.activated' : 'account.contact_verified',
      target: { type: 'user', id: user.id },
      details: { channel: used.channel },
    });
  });
}

/**
 * Checks the password with lockout per (account, address), per address, and account-wide except from the owner's
 * known addresses (accounts.throttle.ts, ADR 0009); on success starts a session.
 */
export async function login(
  deps: AppDeps,
  input: { login: string; password: string },
  client: SessionClient,
  ctx: Ctx,
  now: Date,
): Promise<{ user: repo.UserRow; session: NewSession }> {
  const db = deps.db.kysely;
  const user = await userForLogin(deps, input.login);
  const keys = loginKeys(client.ip, user?.id ?? null);
  const lock = await lockedFor(db, keys, now);
  if (lock.seconds > 0) {
    await audit(deps.db, ctx.audit, {
      action: 'auth.login_refused_locked',
      target: user ? { type: 'user', id: user.id } : undefined,
      details: { login: input.login, retryAfter: lock.seconds, scope: lock.scope },
    });
    throw new AppError('ACCOUNT_LOCKED', { retryAfter: lock.seconds });
  }
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!ok) {
    const counted: Partial<Record<'ip' | 'pair' | 'account', { failures: number; lockMs: number }>> = {};
    for (const scope of ['ip', 'pair', 'account'] as const) {
      const key = keys[scope];
      if (key) counted[scope] = await recordFailure(db, key, now);
    }
    const locked = (['pair', 'account', 'ip'] as const).filter((k) => (counted[k]?.lockMs ?? 0) > 0);
    await deps.db.kysely.transaction().execute(async (trx) => {
      await appendAudit(trx, ctx.audit, {
        action: 'auth.login_failed',
        target: user ? { type: 'user', id: user.id } : undefined,
        details: { login: input.login, failures: counted.pair?.failures ?? null },
      });
      if (locked.length > 0)
        await appendAudit(trx, ctx.audit, {
          action: 'auth.locked',
          target: user ? { type: 'user', id: user.id } : undefined,
          details: {
            scope: locked[0],
            seconds: Math.max(...locked.map((k) => counted[k]!.lockMs)) / 1000,
          },
        });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!user) throw new AppError('INVALID_CREDENTIALS');
  if (user.status === 'pending') throw new AppError('ACCOUNT_NOT_ACTIVE');
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  await recordSuccess(db, user.id, client.ip, now);
  const session = await db.transaction().execute(async (trx) => {
    const started = await startSession(trx, user.id, client, ctx.audit.at);
    await appendAudit(trx, auditActorFor(ctx.audit, { id: user.id, kind: user.kind, name: user.full_name }), {
      action: 'auth.login',
      target: { type: 'user', id: user.id },
      details: { method: 'password' },
    });
    return started;
  });
  return { user, session };
}

export async function logout(deps: AppDeps, actor: Actor, allDevices: boolean, ctx: Ctx): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (allDevices) await revokeUserSessions(trx, actor.userId, ctx.audit.at);
    else if (actor.sessionId) await revokeSession(trx, actor.sessionId, ctx.audit.at);
    await appendAudit(
      trx,
      auditActorFor(ctx.audit, { id: actor.userId, kind: actor.kind, name: actor.name }),
      {
        action: 'auth.logout',
        target: { type: 'user', id: actor.userId },
        details: { allDevices },
      },
    );
  });
}

export async function confirmPasswordReset(
  deps: AppDeps,
  input: { login: string; code: string; newPassword: string },
  ctx: Ctx,
): Promise<void> {
  // The general policy is checked before the account is looked up, so a weak password gets the same answer
  // whether or not the account exists.
  enforcePolicy(input.newPassword, [input.login]);
  const user = await userForLogin(deps, input.login);
  if (!user) throw new AppError('CODE_INVALID');
  enforcePolicy(input.newPassword, [user.full_name, user.email, user.phone, user.username]);
  const used = await deps.db.kysely
    .transaction()
    .execute((trx) => consumeCode(trx, user.id, 'reset_password', input.code, ctx.audit.at));
  if (!used) throw new AppError('CODE_INVALID');
  const hash = await hashPassword(input.newPassword);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, {
      password_hash: hash,
      password_changed_at: ctx.audit.at,
      must_change_password: false,
      // The code proved control of the address; a pending citizen is thereby activated.
      ...(user.status === 'pending' ? { status: 'active' as const } : {}),
    });
    await revokeUserSessions(trx, user.id, ctx.audit.at);
    await appendAudit(trx, auditActorFor(ctx.audit, { id: user.id, kind: user.kind, name: user.full_name }), {
      action: 'auth.password_reset',
      target: { type: 'user', id: user.id },
    });
  });
  await clearAccountLock(deps.db.kysely, user.id);
}

/** Changes the password; other devices are logged out. Clears the first-login obligation (001 Đ25.1). */
export async function changePassword(
  deps: AppDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  ctx: Ctx,
): Promise<void> {
  const user = await repo.findUserById(deps.db.kysely, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError('INVALID_CREDENTIALS');
  if (input.newPassword === input.currentPassword)
    throw new AppError('WEAK_PASSWORD', {
      reason: {
        vi: 'mật khẩu mới phải khác mật khẩu cũ.',
        en: 'the new password must differ from the old one.',
      },
    });
  enforcePolicy(input.newPassword, [user.full_name, user.email, user.phone, user.username]);
  const hash = await hashPassword(input.newPassword);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, {
      password_hash: hash,
      password_changed_at: ctx.audit.at,
      must_change_password: false,
    });
    await revokeUserSessions(trx, user.id, ctx.audit.at, actor.sessionId);
    await appendAudit(trx, auditActorFor(ctx.audit, { id: user.id, kind: user.kind, name: user.full_name }), {
      action: 'auth.password_changed',
      target: { type: 'user', id: user.id },
      details: { firstLogin: user.must_change_password },
    });
  });
}

/** Edits the profile; a new email or phone is unverified until its code is entered. */
export async function updateProfile(
  deps: AppDeps,
  actor: Actor,
  input: TUpdateProfileRequest,
  ctx: Ctx,
): Promise<TCodeSentResponse[]> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const user = await repo.findUserById(trx, actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const emailChanged = input.email !== undefined && input.email !== user.email;
    const phoneChanged = input.phone !== undefined && input.phone !== user.phone;
    if (
      (input.email === null && !(user.phone ?? input.phone)) ||
      (input.phone === null && !(user.email ?? input.email))
    )
      throw new AppError('BAD_REQUEST', {
        details: 'cần giữ ít nhất email hoặc số điện thoại / keep an email or a phone number',
      });
    await ensureFree(
      trx,
      {
        email: emailChanged ? (input.email ?? undefined) : undefined,
        phone: phoneChanged ? (input.phone ?? undefined) : undefined,
      },
      user.id,
    );
    await repo.updateUser(trx, user.id, {
      ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
      ...(input.dateOfBirth !== undefined ? { date_of_birth: input.dateOfBirth } : {}),
      ...(input.idNumber !== undefined ? { id_number: input.idNumber } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.preferredLocale !== undefined ? { preferred_locale: input.preferredLocale } : {}),
      ...(emailChanged ? { email: input.email ?? null, email_verified_at: null } : {}),
      ...(phoneChanged ? { phone: input.phone ?? null, phone_verified_at: null } : {}),
    });
    await appendAudit(trx, auditActorFor(ctx.audit, { id: user.id, kind: user.kind, name: user.full_name }), {
      action: 'account.profile_updated',
      target: { type: 'user', id: user.id },
      details: { fields: Object.keys(input) },
    });
    const sent: TCodeSentResponse[] = [];
    if (emailChanged && input.email)
      sent.push(
        await issueCode(
          trx,
          {
            userId: user.id,
            purpose: 'verify',
            channel: 'email',
            to: input.email,
            locale: ctx.locale,
          },
          ctx.audit.at,
        ),
      );
    if (phoneChanged && input.phone)
      sent.push(
        await issueCode(
          trx,
          {
            userId: user.id,
            purpose: 'verify',
            channel: 'sms',
            to: input.phone,
            locale: ctx.locale,
          },
          ctx.audit.at,
        ),
      );
    return sent;
  });
}

export async function createOrganisation(
  deps: AppDeps,
  actor: Actor,
  input: TOrganisationInput,
  ctx: Ctx,
): Promise<string> {
  if (actor.kind !== 'citizen') throw new AppError('FORBIDDEN');
  return deps.db.kysely.transaction().execute(async (trx) => {
    if (await repo.findOrganisationByTaxCode(trx, input.taxCode))
      throw duplicate(
        `Tổ chức có mã số thuế ${input.taxCode}`,
        `Organisation with tax code ${input.taxCode}`,
      );
    const id = await repo.insertOrganisation(trx, input);
    await repo.insertMember(trx, id, actor.userId, 'owner');
    await appendAudit(
      trx,
      auditActorFor(ctx.audit, { id: actor.userId, kind: actor.kind, name: actor.name }),
      {
        action: 'organisation.created',
        target: { type: 'organisation', id },
        details: { taxCode: input.taxCode },
      },
    );
    return id;
  });
}
