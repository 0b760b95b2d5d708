import { STAFF_ROLES, type TStaffRole } from '@motcua/contracts';

/**
 * Where a grant may land, seen from the granter's agency: the granter's own agency; any agency located in the
 * administrative unit of the granter's agency or below it; any agency of the province.
 */
export type GrantScope = 'agency' | 'unit_subtree' | 'province';

export type RoleGrantRule = {
  /** Administrative rank: nobody acts on an account whose rank is equal to or higher than their own (if > 0). */
  rank: number;
  /** Which role may grant this role, and where. A role not listed cannot grant it. */
  grantedBy: Partial<Record<TStaffRole, GrantScope>>;
};

const agencyRole: RoleGrantRule = { rank: 0, grantedBy: { unit_admin: 'agency', system_admin: 'province' } };
const provinceRole: RoleGrantRule = { rank: 0, grantedBy: { system_admin: 'province' } };

/**
 * Who may grant what (001 Đ4.3; 002 Đ4.1; issue #11). A unit administrator grants only roles whose powers stay
 * inside one agency (receiving, processing, approving, postal hand-over). Roles whose powers reach other agencies
 * — the catalogue editor publishes procedures for every agency, a leader reads the whole unit subtree of their
 * agency — and the administrator roles themselves are granted by a system administrator only.
 */
export const ROLE_GRANTS: Record<TStaffRole, RoleGrantRule> = {
  reception_officer: agencyRole,
  specialist: agencyRole,
  approver: agencyRole,
  postal_operator: agencyRole,
  catalogue_editor: provinceRole,
  leader: provinceRole,
  unit_admin: { rank: 1, grantedBy: { system_admin: 'province' } },
  system_admin: { rank: 2, grantedBy: { system_admin: 'province' } },
};

/** Where the target agency lies relative to the granter's agency. */
export type Placement = { sameAgency: boolean; inUnitSubtree: boolean };

export function scopeCovers(scope: GrantScope, placement: Placement): boolean {
  if (scope === 'province') return true;
  if (scope === 'unit_subtree') return placement.sameAgency || placement.inUnitSubtree;
  return placement.sameAgency;
}

/** Whether someone holding `granterRoles` may grant `role` to an account of an agency at `placement`. */
export function mayGrant(
  granterRoles: readonly TStaffRole[],
  role: TStaffRole,
  placement: Placement,
  rules: Record<TStaffRole, RoleGrantRule> = ROLE_GRANTS,
): boolean {
  const grantedBy = rules[role].grantedBy;
  return granterRoles.some((g) => {
    const scope = grantedBy[g];
    return scope !== undefined && scopeCovers(scope, placement);
  });
}

export const rankOf = (roles: readonly TStaffRole[]): number =>
  Math.max(0, ...roles.map((r) => ROLE_GRANTS[r].rank));

/** Roles someone may grant at all (anywhere); used to decide who reaches the administration pages. */
export const rolesGrantableBy = (granterRoles: readonly TStaffRole[]): TStaffRole[] =>
  STAFF_ROLES.filter((role) => mayGrant(granterRoles, role, { sameAgency: true, inUnitSubtree: true }));

type Text = { vi: string; en: string };

/** Why a staff-management operation is refused, or null when it is allowed. Pure; the service loads the facts. */
export function grantRefusal(
  granter: { userId: string; roles: readonly TStaffRole[] },
  target: { id: string | null; roles: readonly TStaffRole[]; newRoles?: readonly TStaffRole[] },
  placement: Placement,
): Text | null {
  if (target.id !== null && target.id === granter.userId)
    return {
      vi: 'không tự thay đổi tài khoản, vai trò hay mật khẩu của chính mình tại đây',
      en: 'you cannot change your own account, roles or password here',
    };
  if (target.id !== null && rankOf(target.roles) > 0 && rankOf(target.roles) >= rankOf(granter.roles))
    return {
      vi: 'tài khoản này là quản trị viên cùng cấp hoặc cấp cao hơn bạn',
      en: 'this account is an administrator of equal or higher rank',
    };
  const reaches = granter.roles.some((g) =>
    STAFF_ROLES.some((r) => {
      const scope = ROLE_GRANTS[r].grantedBy[g];
      return scope !== undefined && scopeCovers(scope, placement);
    }),
  );
  if (!reaches)
    return {
      vi: 'cơ quan này nằm ngoài phạm vi quản trị của bạn',
      en: 'this agency is outside the scope you administer',
    };
  const held = target.roles.find((r) => !mayGrant(granter.roles, r, placement));
  if (held)
    return {
      vi: `tài khoản này giữ vai trò “${held}” mà bạn không có quyền cấp`,
      en: `this account holds the role “${held}”, which you may not grant`,
    };
  const wanted = (target.newRoles ?? []).find((r) => !mayGrant(granter.roles, r, placement));
  if (wanted)
    return {
      vi: `bạn không có quyền cấp vai trò “${wanted}” tại cơ quan này`,
      en: `you may not grant the role “${wanted}” in this agency`,
    };
  return null;
}
