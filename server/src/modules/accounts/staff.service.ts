import type { Transaction } from 'kysely';
import type { TCreateStaffRequest, TStaffRole } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Kdb } from '../../db/client';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit/audit.service';
import * as repo from './accounts.repo';
import { revokeUserSessions } from './auth.repo';
import { can, grantableRoles } from './accounts.policy';
import { generateTemporaryPassword, hashPassword } from './accounts.password';
import { pickUsername, staffUsernameBase } from './accounts.username';

const staffNotFound = () =>
  new AppError('NOT_FOUND', { what: { vi: 'Tài khoản cán bộ', en: 'Staff account' } });

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
  const agency = await repo.findAgency(trx, input.agencyId);
  if (!agency) throw new AppError('NOT_FOUND', { what: { vi: 'Cơ quan', en: 'Agency' } });
  if (input.departmentId) {
    const dep = await repo.findDepartment(trx, input.departmentId);
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

export async function createStaff(db: Kdb, actor: Actor, who: AuditActor, input: TCreateStaffRequest) {
  if (!can(actor, 'staff.create', { type: 'agency', agencyId: input.agencyId }))
    throw new AppError('FORBIDDEN');
  if (!grantableRoles(actor, input.roles)) throw new AppError('FORBIDDEN');
  return db.transaction().execute((trx) => insertStaff(trx, who, input));
}

/** Loads a staff account the actor may manage; accounts of other agencies answer 404 to unit administrators. */
async function manageable(trx: Transaction<Database>, actor: Actor, id: string) {
  const user = await repo.findUserById(trx, id);
  if (!user || user.kind !== 'staff' || !user.agency_id) throw staffNotFound();
  const roles = await repo.rolesOf(trx, id);
  if (!can(actor, 'staff.list', { type: 'agency', agencyId: user.agency_id })) throw staffNotFound();
  if (!can(actor, 'staff.manage', { type: 'staff', agencyId: user.agency_id, roles }))
    throw new AppError('FORBIDDEN');
  if (user.id === actor.userId)
    throw new AppError('BAD_REQUEST', {
      details: 'không tự thao tác trên tài khoản của mình / not on your own account',
    });
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
    const { roles: before } = await manageable(trx, actor, id);
    if (!grantableRoles(actor, roles)) throw new AppError('FORBIDDEN');
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
