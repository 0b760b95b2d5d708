import type { Kdb } from '../../db/client';
import { AppError } from '../../http/errors';
import { clearThrottle, findThrottle, upsertThrottle } from './auth.repo';
import {
  ACCOUNT_LOCK_THRESHOLD,
  CODE_RESEND_MS,
  FAILURE_WINDOW_MS,
  IP_LOCK_THRESHOLD,
  lockDelayMs,
} from './accounts.settings';

export const accountKey = (userId: string) => `user:${userId}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Seconds until log-in is allowed again for this account or address, or 0. */
export async function lockedFor(db: Kdb, keys: string[], now = new Date()): Promise<number> {
  const rows = await findThrottle(db, keys);
  const until = Math.max(0, ...rows.map((r) => r.locked_until?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts a failure and returns whether it (newly) locked the key and for how long. */
export async function recordFailure(
  db: Kdb,
  key: string,
  now = new Date(),
): Promise<{ failures: number; lockMs: number }> {
  const [row] = await findThrottle(db, [key]);
  const fresh = !row || now.getTime() - row.last_failure_at.getTime() > FAILURE_WINDOW_MS;
  const failures = (fresh ? 0 : row.failures) + 1;
  const lockMs = lockDelayMs(failures, key.startsWith('ip:') ? IP_LOCK_THRESHOLD : ACCOUNT_LOCK_THRESHOLD);
  await upsertThrottle(db, key, failures, lockMs ? new Date(now.getTime() + lockMs) : null, now);
  return { failures, lockMs };
}

export async function recordSuccess(db: Kdb, key: string): Promise<void> {
  await clearThrottle(db, key);
}

/**
 * One code-sending request per destination per minute, counted whether or not an account owns the destination
 * (registration and "send the code again" both take the slot), so the 429 reveals nothing about accounts.
 */
export async function claimSendSlot(db: Kdb, destination: string, now: Date): Promise<void> {
  const key = `send:${destination.toLowerCase()}`;
  const [row] = await findThrottle(db, [key]);
  const since = row ? now.getTime() - row.last_failure_at.getTime() : Infinity;
  if (since < CODE_RESEND_MS)
    throw new AppError('RATE_LIMITED', { retryAfter: Math.ceil((CODE_RESEND_MS - since) / 1000) });
  await upsertThrottle(db, key, (row?.failures ?? 0) + 1, null, now);
}
