/** Security settings of log-in (SPEC §4: sessions that expire, lockout, single-use codes). */
export const SESSION_COOKIE = 'mc_session';
export const CSRF_COOKIE = 'mc_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** A session ends 12 hours after log-in at the latest, or after 30 minutes without a request. */
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 30 * 60_000;
/** last_seen_at is written at most once a minute, so reads stay reads. */
export const SESSION_TOUCH_MS = 60_000;

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
/** One code per destination per minute, five per hour. */
export const CODE_RESEND_MS = 60_000;
export const CODE_MAX_PER_HOUR = 5;

/**
 * After this many failures in a row a key waits 30 s, then 60 s, 120 s … up to one hour. Keys: one account from one
 * address (the lock a guesser meets), one address across accounts, and one account across all addresses — the
 * account-wide slow-down, which spares the addresses its owner has logged in from (KNOWN_ADDRESS_MS).
 */
export const PAIR_LOCK_THRESHOLD = 5;
export const IP_LOCK_THRESHOLD = 20;
export const ACCOUNT_LOCK_THRESHOLD = 30;
/** An address from which the account logged in successfully within this time is its owner's. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 3600_000;
export const LOCK_BASE_MS = 30_000;
export const LOCK_MAX_MS = 3600_000;
/** Failures older than this are forgotten. */
export const FAILURE_WINDOW_MS = 3600_000;

/** The increasing delay after the n-th consecutive failure, or 0 below the threshold. Pure, for tests. */
export function lockDelayMs(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(LOCK_BASE_MS * 2 ** (failures - threshold), LOCK_MAX_MS);
}
