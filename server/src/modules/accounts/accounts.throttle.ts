import { createHash } from 'node:crypto';
import type { Kdb } from '../../db/client';
import { AppError } from '../../http/errors';
import { clearThrottle, findThrottle, markThrottleSuccess, upsertThrottle } from './auth.repo';
import {
  ACCOUNT_LOCK_THRESHOLD,
  CODE_RESEND_MS,
  FAILURE_WINDOW_MS,
  IP_LOCK_THRESHOLD,
  KNOWN_ADDRESS_MS,
  lockDelayMs,
  PAIR_LOCK_THRESHOLD,
} from './accounts.settings';

/** One account across all addresses: the account-wide slow-down. */
export const accountKey = (userId: string) => `user:${userId}`;
/** One address across all accounts. */
export const ipKey = (ip: string) => `ip:${ip}`;
/** One account from one address: five wrong passwords lock this pair only, not the owner elsewhere. */
export const pairKey = (userId: string, ip: string) => `pair:${userId}@${ip}`;

const thresholdOf = (key: string) =>
  key.startsWith('ip:')
    ? IP_LOCK_THRESHOLD
    : key.startsWith('pair:')
      ? PAIR_LOCK_THRESHOLD
      : ACCOUNT_LOCK_THRESHOLD;

export type LoginKeys = { ip: string; pair?: string; account?: string };

export const loginKeys = (ip: string, userId: string | null): LoginKeys =>
  userId ? { ip: ipKey(ip), pair: pairKey(userId, ip), account: accountKey(userId) } : { ip: ipKey(ip) };

/**
 * Seconds until log-in is allowed again, or 0, and which lock holds. The account-wide lock does not hold for an
 * address the account logged in from recently, so an attacker elsewhere cannot keep the owner out.
 */
export async function lockedFor(
  db: Kdb,
  keys: LoginKeys,
  now: Date,
): Promise<{ seconds: number; scope: 'ip' | 'pair' | 'account' | null }> {
  const rows = await findThrottle(
    db,
    [keys.ip, keys.pair, keys.account].filter((k) => k !== undefined),
  );
  const pair = rows.find((r) => r.key === keys.pair);
  const known =
    pair?.last_success_at != null && now.getTime() - pair.last_success_at.getTime() < KNOWN_ADDRESS_MS;
  let best = { until: 0, scope: null as 'ip' | 'pair' | 'account' | null };
  for (const r of rows) {
    const scope = r.key === keys.ip ? 'ip' : r.key === keys.pair ? 'pair' : 'account';
    if (scope === 'account' && known) continue;
    const until = r.locked_until?.getTime() ?? 0;
    if (until > best.until) best = { until, scope };
  }
  return best.until > now.getTime()
    ? { seconds: Math.ceil((best.until - now.getTime()) / 1000), scope: best.scope }
    : { seconds: 0, scope: null };
}

/** Counts a failure and returns whether it (newly) locked the key and for how long. */
export async function recordFailure(
  db: Kdb,
  key: string,
  now: Date,
): Promise<{ failures: number; lockMs: number }> {
  const [row] = await findThrottle(db, [key]);
  const fresh = !row || now.getTime() - row.last_failure_at.getTime() > FAILURE_WINDOW_MS;
  const failures = (fresh ? 0 : row.failures) + 1;
  const lockMs = lockDelayMs(failures, thresholdOf(key));
  await upsertThrottle(db, key, failures, lockMs ? new Date(now.getTime() + lockMs) : null, now);
  return { failures, lockMs };
}

/**
 * A successful log-in forgets the failures of this pair and remembers the address as the owner's. The
 * account-wide count is left to expire: the owner logging in must not reopen the door to a distributed guesser.
 */
export async function recordSuccess(db: Kdb, userId: string, ip: string, now: Date): Promise<void> {
  await markThrottleSuccess(db, pairKey(userId, ip), now);
}

/** A password reset proves ownership: the account-wide lock ends. */
export async function clearAccountLock(db: Kdb, userId: string): Promise<void> {
  await clearThrottle(db, accountKey(userId));
}

/**
 * One code-sending request per destination per minute, counted whether or not an account owns the destination
 * (registration and "send the code again" both take the slot), so the 429 reveals nothing about accounts.
 */
export async function claimSendSlot(db: Kdb, destination: string, now: Date): Promise<void> {
  // Hashed: the table outlives the request and need not hold people's addresses (ND 13/2023).
  const key = `send:${createHash('sha256').update(destination.toLowerCase()).digest('hex')}`;
  const [row] = await findThrottle(db, [key]);
  const since = row ? now.getTime() - row.last_failure_at.getTime() : Infinity;
  if (since < CODE_RESEND_MS)
    throw new AppError('RATE_LIMITED', { retryAfter: Math.ceil((CODE_RESEND_MS - since) / 1000) });
  await upsertThrottle(db, key, (row?.failures ?? 0) + 1, null, now);
}
