import type { Transaction } from 'kysely';
import type { TCreateStaffRequest, TStaffRole } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Kdb } from '../../db/client';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import * as repo from './accounts.repo';
import { revokeUserSessions } from './auth.repo';
import { can } from './accounts.policy';
import { grantRefusal, type Placement } from './role-grants';
import { generateTemporaryPassword, hashPassword } from './accounts.password';
import { pickUsername, staffUsernameBase } from './accounts.username';
import { findAgency, findDepartment } from '../organisation';

const staffNotFound = () =>
  new AppError('NOT_FOUND', { what: { vi: 'tài khoản cán bộ', en: 'Staff account' } });

export type NewStaff = TCreateStaffRequest & { password?: string; mustChangePassword?: boolean };

/**
 * Creates a staff account named `hovaten.tendonvi` with a one-time password that must be changed at first
 * log-in. The caller checks permission; this is shared by the admin API, the CLI and the demo data.
 */
export async function insertStaff(
  trx: Transaction<Database>,
  who: AuditActor,
  input: NewStaff,
): Promise<{ id: string; username: string; password: string }> {
  const agency = await findAgency(trx, input.agencyId);
  if (!agency) throw new AppError('NOT_FOUND', { what: { vi: 'cơ quan', en: 'Agency' } });
  if (input.departmentId) {
    const dep = await findDepartment(trx, input.departmentId);
    if (!dep || dep.agency_id !== agency.id)
      throw new AppError('BAD_REQUEST', {
        details: 'phòng ban không thuộc cơ quan / the department is not in this agency',
      });
  }
  for (const [col, value] of [
    ['email', input.email],
    ['phone', input.phone],
  ] as const) {
    if (value && (await repo.findUserByLogin(trx, { [col]: value })))
      throw new AppError('DUPLICATE', { what: { vi: value, en: value } });
  }
  const base = staffUsernameBase(input.fullName, agency.short_name);
  const username = pickUsername(base, await repo.usernamesLike(trx, base.name, base.unit));
  const password = input.password ?? generateTemporaryPassword();
  const id = await repo.insertUser(trx, {
    kind: 'staff',
    username,
    email: input.email ?? null,
    phone: input.phone ?? null,
    email_verified_at: null,
    phone_verified_at: null,
    password_hash: await hashPassword(password),
    full_name: input.fullName,
    date_of_birth: null,
    id_number: null,
    address: null,
    agency_id: agency.id,
    department_id: input.departmentId ?? null,
    status: 'active',
    must_change_password: input.mustChangePassword ?? true,
    password_changed_at: null,
    oidc_subject: null,
  });
  await repo.setRoles(trx, id, input.roles);
  await appendAudit(trx, who, {
    action: 'account.created',
    target: { type: 'user', id },
    details: { username, agency: agency.short_name, roles: input.roles },
  });
  return { id, username, password };
}

/** Where `agencyId` lies relative to the actor's agency (same agency, below its administrative unit). */
async function placementOf(
  q: Kdb | Transaction<Database>,
  actor: Actor,
  agencyId: string,
): Promise<Placement> {
  if (!actor.agencyId) return { sameAgency: false, inUnitSubtree: false };
  if (agencyId === actor.agencyId) return { sameAgency: true, inUnitSubtree: true };
  const own = await findAgency(q, actor.agencyId);
  const subtree = own ? await repo.agencyIdsInUnitSubtree(q, own.unit_id) : [];
  return { sameAgency: false, inUnitSubtree: subtree.includes(agencyId) };
}

/** Applies the grant rules (role-grants.ts): a refusal is a 403 that says why. */
async function ensureGrantable(
  q: Kdb | Transaction<Database>,
  actor: Actor,
  agencyId: string,
  target: Parameters<typeof grantRefusal>[1],
) {
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  const reason = grantRefusal(actor, target, await placementOf(q, actor, agencyId));
  if (reason) throw new AppError('STAFF_ACTION_FORBIDDEN', { reason });
}

export async function createStaff(db: Kdb, actor: Actor, who: AuditActor, input: TCreateStaffRequest) {
  return db.transaction().execute(async (trx) => {
    await ensureGrantable(trx, actor, input.agencyId, { id: null, roles: [], newRoles: input.roles });
    return insertStaff(trx, who, input);
  });
}

/**
 * Loads a staff account the actor may manage. Accounts the actor cannot see (another agency, for a unit
 * administrator) answer 404; visible accounts the grant rules put out of reach answer 403 with the reason.
 */
async function manageable(
  trx: Transaction<Database>,
  actor: Actor,
  id: string,
  newRoles?: readonly TStaffRole[],
) {
  const user = await repo.findUserById(trx, id);
  if (!user || user.kind !== 'staff' || !user.agency_id) throw staffNotFound();
  const roles = await repo.rolesOf(trx, id);
  if (!can(actor, 'staff.list', { type: 'agency', agencyId: user.agency_id })) throw staffNotFound();
  await ensureGrantable(trx, actor, user.agency_id, { id: user.id, roles, newRoles });
  return { user, roles };
}

export type StaffStatusAction = 'suspend' | 'reactivate' | 'revoke';

export async function setStaffStatus(
  db: Kdb,
  actor: Actor,
  who: AuditActor,
  id: string,
  action: StaffStatusAction,
) {
  await db.transaction().execute(async (trx) => {
    const { user } = await manageable(trx, actor, id);
    if (user.status === 'revoked') throw new AppError('CONFLICT');
    const status = action === 'suspend' ? 'suspended' : action === 'revoke' ? 'revoked' : 'active';
    await repo.updateUser(trx, id, { status });
    if (status !== 'active') await revokeUserSessions(trx, id, who.at);
    await appendAudit(trx, who, {
      action: `account.${action === 'suspend' ? 'suspended' : action === 'revoke' ? 'revoked' : 'reactivated'}`,
      target: { type: 'user', id },
      details: { username: user.username },
    });
  });
}

export async function resetStaffPassword(
  db: Kdb,
  actor: Actor,
  who: AuditActor,
  id: string,
): Promise<string> {
  const password = generateTemporaryPassword();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const { user } = await manageable(trx, actor, id);
    if (user.status === 'revoked') throw new AppError('CONFLICT');
    await repo.updateUser(trx, id, {
      password_hash: hash,
      must_change_password: true,
      password_changed_at: null,
    });
    await revokeUserSessions(trx, id, who.at);
    await appendAudit(trx, who, {
      action: 'account.password_reset_by_admin',
      target: { type: 'user', id },
      details: { username: user.username },
    });
  });
  return password;
}

export async function setStaffRoles(db: Kdb, actor: Actor, who: AuditActor, id: string, roles: TStaffRole[]) {
  await db.transaction().execute(async (trx) => {
    const { roles: before } = await manageable(trx, actor, id, roles);
    await repo.setRoles(trx, id, roles);
    await appendAudit(trx, who, {
      action: 'account.roles_changed',
      target: { type: 'user', id },
      details: { before, after: roles },
    });
  });
}

export async function getStaff(db: Kdb, actor: Actor, id: string) {
  const user = await repo.findUserById(db, id);
  if (
    !user ||
    user.kind !== 'staff' ||
    !can(actor, 'staff.list', { type: 'agency', agencyId: user.agency_id })
  )
    throw staffNotFound();
  const { rows } = await repo.findStaff(db, {
    agencyId: user.agency_id ?? undefined,
    q: user.username ?? '',
    limit: 5,
    offset: 0,
  });
  const row = rows.find((r) => r.id === id);
  if (!row) throw staffNotFound();
  return row;
}
