import type { TStaffRole } from '@motcua/contracts';
import type { Actor } from '../../http/auth';

export type AccountsAction =
  | 'staff.list'
  | 'staff.create'
  | 'staff.manage'
  | 'roles.read'
  | 'organisation.read'
  | 'organisation.manageMembers';

export type AccountsResource =
  | { type: 'agency'; agencyId: string | null }
  | { type: 'staff'; agencyId: string; roles: TStaffRole[] }
  | { type: 'organisation'; id: string; memberRole: 'owner' | 'member' | null };

/** Roles a unit administrator may not hand out: province-wide powers stay with system administrators. */
export const PROVINCE_ROLES: TStaffRole[] = ['system_admin'];

const isStaff = (a: Actor, role: TStaffRole) => a.kind === 'staff' && a.roles.includes(role);

/**
 * Who may do what with accounts (001 Đ4.3): a unit administrator creates, suspends and revokes accounts of its
 * own agency only; a system administrator manages all. `agencyId: null` on an agency resource means "all agencies".
 */
export function can(actor: Actor | null, action: AccountsAction, resource: AccountsResource): boolean {
  if (!actor) return false;
  switch (action) {
    case 'staff.list':
    case 'staff.create':
    case 'roles.read': {
      if (resource.type !== 'agency') return false;
      if (isStaff(actor, 'system_admin')) return true;
      return (
        isStaff(actor, 'unit_admin') && resource.agencyId !== null && resource.agencyId === actor.agencyId
      );
    }
    case 'staff.manage': {
      if (resource.type !== 'staff') return false;
      if (isStaff(actor, 'system_admin')) return true;
      return (
        isStaff(actor, 'unit_admin') &&
        resource.agencyId === actor.agencyId &&
        !resource.roles.some((r) => PROVINCE_ROLES.includes(r))
      );
    }
    case 'organisation.read':
      return resource.type === 'organisation' && resource.memberRole !== null;
    case 'organisation.manageMembers':
      return resource.type === 'organisation' && resource.memberRole === 'owner';
  }
}

/** Roles the actor may grant (to an account it may manage). */
export function grantableRoles(actor: Actor, roles: TStaffRole[]): boolean {
  if (isStaff(actor, 'system_admin')) return true;
  return isStaff(actor, 'unit_admin') && !roles.some((r) => PROVINCE_ROLES.includes(r));
}
