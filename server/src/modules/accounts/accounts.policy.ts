import type { Actor } from '../../http/auth';

export type AccountsAction =
  'staff.list' | 'staff.create' | 'roles.read' | 'organisation.read' | 'organisation.manageMembers';

export type AccountsResource =
  | { type: 'agency'; agencyId: string | null }
  | { type: 'organisation'; id: string; memberRole: 'owner' | 'member' | null };

const isStaff = (a: Actor, role: 'system_admin' | 'unit_admin') =>
  a.kind === 'staff' && a.roles.includes(role);

/**
 * Who may see which accounts (001 Đ4.3): a unit administrator sees the accounts of its own agency only; a system
 * administrator sees all. `agencyId: null` on an agency resource means "all agencies". What an administrator may
 * then do to an account — which roles they may grant, and to whom — is data: see role-grants.ts.
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
    case 'organisation.read':
      return resource.type === 'organisation' && resource.memberRole !== null;
    case 'organisation.manageMembers':
      return resource.type === 'organisation' && resource.memberRole === 'owner';
  }
}
