import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { TMeResponse } from '@motcua/contracts';
import type { Kdb } from '../../db/client';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { findSessionActor, insertSession, touchSession } from './auth.repo';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from './accounts.settings';

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where a session was started from (recorded with it, shown in the account's session list). */
export type SessionClient = { ip: string; userAgent: string | null };

/** A new session: the random token and CSRF token go to the browser as cookies (accounts.cookies.ts). */
export type NewSession = { id: string; token: string; csrf: string };

/** Starts a session: the random token goes to the browser, only its hash is stored. */
export async function startSession(
  trx: Transaction<Database>,
  userId: string,
  client: SessionClient,
  now: Date,
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const id = sessionIdOf(token);
  await insertSession(trx, {
    id,
    userId,
    csrfToken: csrf,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    now,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  return { id, token, csrf };
}

/**
 * The session's person as GET /api/me shows it, read with the session (no second query), and the instant (ms) the
 * session ends by itself if nothing else happens: its absolute expiry or its idle timeout, whichever comes first.
 */
export type ResolvedSession = { actor: Actor; csrfToken: string; me: TMeResponse; validUntil: number };

/** The person behind a session token, or null when the session is unknown, revoked, expired or idle too long. */
export async function resolveSession(db: Kdb, token: string, now: Date): Promise<ResolvedSession | null> {
  const id = sessionIdOf(token);
  const s = await findSessionActor(db, id);
  if (!s || s.revoked_at || s.expires_at <= now || s.status !== 'active') return null;
  if (now.getTime() - s.last_seen_at.getTime() > SESSION_IDLE_MS) return null;
  let lastSeen = s.last_seen_at.getTime();
  if (now.getTime() - lastSeen > SESSION_TOUCH_MS) {
    await touchSession(db, id, now);
    lastSeen = now.getTime();
  }
  return {
    validUntil: Math.min(s.expires_at.getTime(), lastSeen + SESSION_IDLE_MS),
    csrfToken: s.csrf_token,
    actor: {
      userId: s.user_id,
      kind: s.kind,
      name: s.full_name,
      roles: s.kind === 'staff' ? s.roles : [],
      agencyId: s.agency_id,
      organisationIds: s.kind === 'citizen' ? s.organisation_ids : [],
      mustChangePassword: s.must_change_password,
      sessionId: id,
    },
    me: {
      id: s.user_id,
      kind: s.kind,
      name: s.full_name,
      username: s.username,
      email: s.email,
      phone: s.phone,
      roles: s.kind === 'staff' ? s.roles : [],
      agency:
        s.agency_id && s.agency_name
          ? { id: s.agency_id, code: s.agency_code ?? '', name: s.agency_name }
          : null,
      mustChangePassword: s.must_change_password,
    },
  };
}
