import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Locale, TCodeSentResponse } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { queueMessage, registerTemplates } from '../notifications';
import { countCodeAttempt, findLiveCode, insertCode, recentCodes, useCode } from './auth.repo';
import type { CodePurpose } from './accounts.tables';
import { CODE_MAX_ATTEMPTS, CODE_MAX_PER_HOUR, CODE_RESEND_MS, CODE_TTL_MS } from './accounts.settings';

registerTemplates({
  'accounts.verify': {
    vi: {
      subject: 'Mã xác thực tài khoản Một Cửa: {code}',
      text: 'Mã xác thực của bạn là {code}. Mã có hiệu lực trong {minutes} phút và chỉ dùng được một lần. Không chia sẻ mã này với bất kỳ ai.',
    },
    en: {
      subject: 'Your Một Cửa verification code: {code}',
      text: 'Your verification code is {code}. It is valid for {minutes} minutes and works once. Do not share it with anyone.',
    },
  },
  'accounts.reset_password': {
    vi: {
      subject: 'Mã đặt lại mật khẩu Một Cửa: {code}',
      text: 'Mã đặt lại mật khẩu của bạn là {code}, có hiệu lực trong {minutes} phút. Nếu bạn không yêu cầu, hãy bỏ qua tin này.',
    },
    en: {
      subject: 'Your Một Cửa password reset code: {code}',
      text: 'Your password reset code is {code}, valid for {minutes} minutes. If you did not ask for it, ignore this message.',
    },
  },
});

const hashCode = (userId: string, code: string) =>
  createHash('sha256').update(`${userId}:${code}`).digest('hex');

export function maskDestination(channel: 'email' | 'sms', to: string): string {
  if (channel === 'sms') return `${to.slice(0, 2)}${'*'.repeat(Math.max(0, to.length - 4))}${to.slice(-2)}`;
  const [local = '', domain = ''] = to.split('@');
  return `${local.slice(0, 2)}***@${domain}`;
}

/**
 * Issues a fresh six-digit code and puts it in the outbox. At most one code per destination per minute and five
 * per hour, so the form cannot be used to flood someone's phone.
 */
export async function issueCode(
  trx: Transaction<Database>,
  input: { userId: string; purpose: CodePurpose; channel: 'email' | 'sms'; to: string; locale: Locale },
  now: Date,
): Promise<TCodeSentResponse> {
  const recent = await recentCodes(trx, input.to, new Date(now.getTime() - 3600_000));
  const last = recent[0];
  if (last && now.getTime() - last.created_at.getTime() < CODE_RESEND_MS)
    throw new AppError('RATE_LIMITED', {
      retryAfter: Math.ceil((CODE_RESEND_MS - (now.getTime() - last.created_at.getTime())) / 1000),
    });
  if (recent.length >= CODE_MAX_PER_HOUR) {
    const oldest = recent[recent.length - 1]!;
    throw new AppError('RATE_LIMITED', {
      retryAfter: Math.ceil((oldest.created_at.getTime() + 3600_000 - now.getTime()) / 1000),
    });
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await insertCode(trx, {
    userId: input.userId,
    purpose: input.purpose,
    channel: input.channel,
    destination: input.to,
    codeHash: hashCode(input.userId, code),
    expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    now,
  });
  await queueMessage(trx, {
    channel: input.channel,
    to: input.to,
    template: input.purpose === 'verify' ? 'accounts.verify' : 'accounts.reset_password',
    params: { code, minutes: CODE_TTL_MS / 60_000 },
    locale: input.locale,
    now,
  });
  return {
    channel: input.channel,
    sentTo: maskDestination(input.channel, input.to),
    expiresInSeconds: CODE_TTL_MS / 1000,
  };
}

/**
 * Checks and consumes a code. A wrong guess counts; the fifth wrong guess burns the code. Wrong, used and
 * expired codes answer the same, so the answer reveals nothing.
 */
export async function consumeCode(
  trx: Transaction<Database>,
  userId: string,
  purpose: CodePurpose,
  code: string,
  now: Date,
): Promise<{ channel: 'email' | 'sms'; destination: string } | null> {
  const live = await findLiveCode(trx, userId, purpose, now);
  if (!live) return null;
  const ok = timingSafeEqual(Buffer.from(live.code_hash), Buffer.from(hashCode(userId, code)));
  if (!ok) {
    await countCodeAttempt(trx, live.id, live.attempts + 1 >= CODE_MAX_ATTEMPTS, now);
    return null;
  }
  if (!(await useCode(trx, live.id, now))) return null;
  return { channel: live.channel, destination: live.destination };
}
