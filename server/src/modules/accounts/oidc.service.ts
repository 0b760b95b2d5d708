import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import * as repo from './accounts.repo';
import { auditActorFor } from './accounts.service';

/** What the identity provider says about the person (ID token and userinfo merged). */
export type OidcClaims = {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  phone_number?: string;
};

export type OidcSignIn = { user: repo.UserRow; how: 'existing' | 'linked' | 'created' };

/**
 * The account a single sign-on lands in: the one already bound to the provider's subject; else a citizen account
 * whose OWN e-mail is verified and equals the provider's verified e-mail (linked now); else a new account. An account
 * whose e-mail was never verified is not linked: anyone can register an address they do not own and wait for its
 * owner to sign in, and linking would hand them the owner's identity. Audited (account.created, auth.login) in the
 * caller's transaction; the caller starts the session.
 */
export async function signInWithOidc(
  trx: Transaction<Database>,
  base: AuditActor,
  claims: OidcClaims,
  now: Date,
): Promise<OidcSignIn> {
  let user = await repo.findUserByOidcSubject(trx, claims.sub);
  let how: OidcSignIn['how'] = 'existing';
  const email = claims.email?.toLowerCase();
  const verifiedByProvider = Boolean(email && claims.email_verified === true);
  if (!user && email && verifiedByProvider) {
    const byEmail = await repo.findUserByLogin(trx, { email });
    if (byEmail && byEmail.kind === 'citizen' && byEmail.email_verified_at && !byEmail.oidc_subject) {
      await repo.updateUser(trx, byEmail.id, { oidc_subject: claims.sub });
      user = await repo.findUserById(trx, byEmail.id);
      how = 'linked';
    }
  }
  if (!user) {
    // An address another account holds (verified or not) stays with that account; the new one goes without it.
    const taken = email ? await repo.findUserByLogin(trx, { email }) : undefined;
    const id = await repo.insertUser(trx, {
      kind: 'citizen',
      username: null,
      email: taken ? null : (email ?? null),
      phone: null,
      email_verified_at: email && !taken && verifiedByProvider ? now : null,
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
  const who = auditActorFor(base, { id: user.id, kind: user.kind, name: user.full_name });
  if (how === 'created') {
    await appendAudit(trx, who, {
      action: 'account.created',
      target: { type: 'user', id: user.id },
      details: { via: 'oidc' },
    });
  }
  await appendAudit(trx, who, {
    action: 'auth.login',
    target: { type: 'user', id: user.id },
    details: { method: 'oidc', account: how },
  });
  return { user, how };
}
