import type { Transaction } from 'kysely';
import type { Locale, TCodeSentResponse, TRegisterRequest } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { AppDeps } from '../../http/context';
import type { JobHandler } from '../../jobs/queue';
import { AppError } from '../../http/errors';
import { enqueue } from '../../jobs/queue';
import { queueMessage, registerTemplates } from '../notifications';
import { appendAudit, type AuditActor } from '../audit';
import * as repo from './accounts.repo';
import { issueCode, maskDestination } from './accounts.codes';
import { hashPassword } from './accounts.password';
import { CODE_TTL_MS } from './accounts.settings';
import { claimSendSlot } from './accounts.throttle';
import { auditActorFor, duplicate, enforcePolicy, parseLogin, type Ctx } from './accounts.service';

/*
 * Registration, "send the code again" and "forgot my password" answer the same whether or not an account owns
 * the address (issue #11: no account enumeration). Where an account exists, its owner is told by message instead.
 */

registerTemplates({
  'accounts.already_registered': {
    vi: {
      subject: 'Có người vừa đăng ký tài khoản Một Cửa bằng địa chỉ của bạn',
      text: 'Có người vừa dùng {contact} để đăng ký tài khoản Một Cửa mới. Địa chỉ này đã thuộc một tài khoản, nên không có tài khoản mới nào được tạo. Nếu đó là bạn, hãy đăng nhập, hoặc dùng chức năng “Quên mật khẩu”. Nếu không phải bạn, hãy bỏ qua tin này.',
    },
    en: {
      subject: 'Someone tried to register a Một Cửa account with your address',
      text: 'Someone just used {contact} to register a new Một Cửa account. This address already belongs to an account, so no new account was created. If it was you, log in, or use “Forgot password”. If it was not you, ignore this message.',
    },
  },
});

export const PASSWORD_RESET_JOB = 'accounts.password_reset';

const sentAnswer = (channel: 'email' | 'sms', to: string): TCodeSentResponse => ({
  channel,
  sentTo: maskDestination(channel, to),
  expiresInSeconds: CODE_TTL_MS / 1000,
});

type Owner = { id: string; channel: 'email' | 'sms'; to: string; locale: Locale };

/** Tells the owners of addresses typed into a registration that their address was used; creates nothing. */
async function notifyExistingOwners(trx: Transaction<Database>, ctx: Ctx, owners: Owner[]) {
  for (const o of owners) {
    await queueMessage(trx, {
      channel: o.channel,
      to: o.to,
      template: 'accounts.already_registered',
      params: { contact: o.to },
      locale: o.locale,
      now: ctx.audit.at,
    });
    await appendAudit(trx, ctx.audit, {
      action: 'account.registration_for_existing',
      target: { type: 'user', id: o.id },
      details: { channel: o.channel },
    });
  }
}

/**
 * Registers a citizen (and optionally their organisation); the account stays pending until the code is entered.
 * If the email or phone already belongs to an account, nothing is created, the answer is the same as for a new
 * account, and the owner is told by message.
 */
export async function register(
  deps: AppDeps,
  input: TRegisterRequest,
  ctx: Ctx,
  now: Date,
): Promise<TCodeSentResponse> {
  enforcePolicy(input.password, [input.fullName, input.email, input.phone]);
  const channel = input.channel ?? (input.email ? 'email' : 'sms');
  const to = channel === 'email' ? input.email! : input.phone!;
  await claimSendSlot(deps.db.kysely, to, now);
  // Hashed on both paths, so the time taken does not tell them apart either.
  const passwordHash = await hashPassword(input.password);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const owners: Owner[] = [];
    for (const [c, value] of [
      ['email', input.email],
      ['sms', input.phone],
    ] as const) {
      const u = value
        ? await repo.findUserByLogin(trx, c === 'email' ? { email: value } : { phone: value })
        : null;
      if (u && value)
        owners.push({ id: u.id, channel: c, to: value, locale: u.preferred_locale ?? ctx.locale });
    }
    if (owners.length > 0) {
      await notifyExistingOwners(trx, ctx, owners);
      return sentAnswer(channel, to);
    }
    if (input.organisation && (await repo.findOrganisationByTaxCode(trx, input.organisation.taxCode)))
      throw duplicate(
        `Tổ chức có mã số thuế ${input.organisation.taxCode}`,
        `Organisation with tax code ${input.organisation.taxCode}`,
      );
    const userId = await repo.insertUser(trx, {
      kind: 'citizen',
      username: null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      email_verified_at: null,
      phone_verified_at: null,
      password_hash: passwordHash,
      full_name: input.fullName,
      date_of_birth: null,
      id_number: null,
      address: null,
      agency_id: null,
      department_id: null,
      status: 'pending',
      password_changed_at: now,
      oidc_subject: null,
    });
    if (input.organisation) {
      const orgId = await repo.insertOrganisation(trx, input.organisation);
      await repo.insertMember(trx, orgId, userId, 'owner');
    }
    await appendAudit(trx, auditActorFor(ctx.audit, { id: userId, kind: 'citizen', name: input.fullName }), {
      action: 'account.registered',
      target: { type: 'user', id: userId },
      details: { channel, organisation: input.organisation?.taxCode ?? null },
    });
    return issueCode(trx, { userId, purpose: 'verify', channel, to, locale: ctx.locale }, now);
  });
}

/**
 * Sends a new activation code to an unverified address of a citizen account. Answers the same for any email or
 * phone number; the one-per-minute slot is taken whether or not an account owns it.
 */
export async function resendVerification(
  deps: AppDeps,
  login: string,
  ctx: Ctx,
  now: Date,
): Promise<TCodeSentResponse> {
  const parsed = parseLogin(login);
  const to = parsed.phone ?? parsed.email;
  if (!to)
    throw new AppError('BAD_REQUEST', {
      details:
        'nhập email hoặc số điện thoại đã dùng để đăng ký / enter the email or phone number you registered with',
    });
  const channel = parsed.phone ? 'sms' : 'email';
  await claimSendSlot(deps.db.kysely, to, now);
  const user = await repo.findUserByLogin(deps.db.kysely, parsed);
  const unverified =
    user?.kind === 'citizen' && (channel === 'email' ? !user.email_verified_at : !user.phone_verified_at);
  if (user && unverified)
    await deps.db.kysely.transaction().execute(async (trx) => {
      try {
        await issueCode(trx, { userId: user.id, purpose: 'verify', channel, to, locale: ctx.locale }, now);
      } catch (err) {
        // The hourly cap per destination: sending nothing must look like sending.
        if (!(err instanceof AppError && err.code === 'RATE_LIMITED')) throw err;
      }
    });
  return sentAnswer(channel, to);
}

/**
 * "Forgot my password": the request only queues a job, so the answer — status, body and time — is the same
 * whether or not the account exists and however often it is asked. The job looks the account up and sends.
 */
export async function requestPasswordReset(deps: AppDeps, login: string, ctx: Ctx): Promise<void> {
  await enqueue(
    deps.db.kysely,
    PASSWORD_RESET_JOB,
    { login, locale: ctx.locale, audit: ctx.audit },
    { runAt: ctx.audit.at },
  );
}

export const sendPasswordReset: JobHandler = async (payload, ctx) => {
  const login = String(payload.login);
  const locale = payload.locale === 'en' ? 'en' : 'vi';
  // The request's actor, acting when the job runs (JSON carried `at` as a string).
  const who: AuditActor = { ...(payload.audit as Omit<AuditActor, 'at'>), at: ctx.now };
  const parsed = parseLogin(login);
  const user = await repo.findUserByLogin(ctx.db.kysely, parsed);
  if (!user || user.status === 'revoked') return;
  const channel = parsed.phone || (!user.email && user.phone) ? 'sms' : 'email';
  const to = channel === 'sms' ? user.phone : user.email;
  if (!to) return;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    try {
      await issueCode(trx, { userId: user.id, purpose: 'reset_password', channel, to, locale }, ctx.now);
    } catch (err) {
      if (err instanceof AppError && err.code === 'RATE_LIMITED') return;
      throw err;
    }
    await appendAudit(trx, who, {
      action: 'auth.password_reset_requested',
      target: { type: 'user', id: user.id },
      details: { channel },
    });
  });
};
