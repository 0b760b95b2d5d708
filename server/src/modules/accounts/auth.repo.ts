import { sql } from 'kysely';
import type { Kdb } from '../../db/client';

import type { TStaffRole } from '@motcua/contracts';
import type { CodePurpose } from './accounts.tables';

export async function insertSession(
  q: Kdb,
  s: {
    id: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
    now: Date;
  },
) {
  await q
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      expires_at: s.expiresAt,
      revoked_at: null,
      ip: s.ip,
      user_agent: s.userAgent,
      created_at: s.now,
      last_seen_at: s.now,
    })
    .execute();
}

export async function touchSession(q: Kdb, id: string, at: Date) {
  await q.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(q: Kdb, id: string, now: Date) {
  await q
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of a person, optionally keeping one (the device that changed the password). */
export async function revokeUserSessions(q: Kdb, userId: string, now: Date, keep?: string | null) {
  let u = q
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keep) u = u.where('id', '!=', keep);
  const r = await u.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertCode(
  q: Kdb,
  c: {
    userId: string;
    purpose: CodePurpose;
    channel: 'email' | 'sms';
    destination: string;
    codeHash: string;
    expiresAt: Date;
    now: Date;
  },
) {
  // A new code replaces older unused ones of the same purpose.
  await q
    .updateTable('one_time_codes')
    .set({ used_at: c.now })
    .where('user_id', '=', c.userId)
    .where('purpose', '=', c.purpose)
    .where('used_at', 'is', null)
    .execute();
  await q
    .insertInto('one_time_codes')
    .values({
      user_id: c.userId,
      purpose: c.purpose,
      channel: c.channel,
      destination: c.destination,
      code_hash: c.codeHash,
      expires_at: c.expiresAt,
      used_at: null,
      created_at: c.now,
    })
    .execute();
}

export async function recentCodes(q: Kdb, destination: string, since: Date) {
  return q
    .selectFrom('one_time_codes')
    .select(['created_at'])
    .where('destination', '=', destination)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .execute();
}

export function findLiveCode(q: Kdb, userId: string, purpose: CodePurpose, now: Date) {
  return q
    .selectFrom('one_time_codes')
    .select(['id', 'channel', 'destination', 'code_hash', 'attempts', 'expires_at'])
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function countCodeAttempt(q: Kdb, id: string, exhausted: boolean, now: Date) {
  await q
    .updateTable('one_time_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), ...(exhausted ? { used_at: now } : {}) }))
    .where('id', '=', id)
    .execute();
}

export async function useCode(q: Kdb, id: string, now: Date) {
  const r = await q
    .updateTable('one_time_codes')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function findThrottle(q: Kdb, keys: string[]) {
  return q
    .selectFrom('auth_throttle')
    .select(['key', 'failures', 'last_failure_at', 'locked_until', 'last_success_at'])
    .where('key', 'in', keys)
    .execute();
}

export async function upsertThrottle(
  q: Kdb,
  key: string,
  failures: number,
  lockedUntil: Date | null,
  now: Date,
) {
  await q
    .insertInto('auth_throttle')
    .values({ key, failures, last_failure_at: now, locked_until: lockedUntil })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures, last_failure_at: now, locked_until: lockedUntil }),
    )
    .execute();
}

/** A successful log-in on a pair key: failures forgotten, the address remembered as the owner's. */
export async function markThrottleSuccess(q: Kdb, key: string, now: Date) {
  await q
    .insertInto('auth_throttle')
    .values({ key, failures: 0, last_failure_at: now, locked_until: null, last_success_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures: 0, locked_until: null, last_success_at: now }),
    )
    .execute();
}

export async function clearThrottle(q: Kdb, key: string) {
  await q.deleteFrom('auth_throttle').where('key', '=', key).execute();
}

export async function insertOidcLogin(
  q: Kdb,
  row: { state: string; nonce: string; codeVerifier: string; returnTo: string },
  now: Date,
) {
  await q
    .insertInto('oidc_logins')
    .values({
      state: row.state,
      nonce: row.nonce,
      code_verifier: row.codeVerifier,
      return_to: row.returnTo,
      created_at: now,
    })
    .execute();
  // Abandoned attempts are swept here rather than by a job: there are few, and this runs on every new attempt.
  await q
    .deleteFrom('oidc_logins')
    .where('created_at', '<', new Date(now.getTime() - 3_600_000))
    .execute();
}

export function takeOidcLogin(q: Kdb, state: string, now: Date) {
  return q
    .deleteFrom('oidc_logins')
    .where('state', '=', state)
    .where('created_at', '>', new Date(now.getTime() - 15 * 60_000))
    .returning(['nonce', 'code_verifier', 'return_to'])
    .executeTakeFirst();
}

/**
 * Everything a request needs to know about its session's person, and what GET /api/me shows, in one round trip (it
 * runs on every request): one call of the `session_actor` function, whose plan the connection keeps.
 */
export async function findSessionActor(q: Kdb, id: string) {
  const { rows } = await sql<{
    csrf_token: string;
    last_seen_at: Date;
    expires_at: Date;
    revoked_at: Date | null;
    user_id: string;
    kind: 'citizen' | 'staff';
    full_name: string;
    username: string | null;
    email: string | null;
    phone: string | null;
    agency_id: string | null;
    agency_name: string | null;
    agency_code: string | null;
    must_change_password: boolean;
    status: string;
    roles: TStaffRole[];
    organisation_ids: string[];
  }>`SELECT * FROM session_actor(${id})`.execute(q);
  return rows[0];
}
