import { describe, expect, it } from 'vitest';
import { actor } from '../../test/harness';
import { can } from './accounts.policy';
import { grantRefusal, mayGrant, ROLE_GRANTS, type RoleGrantRule } from './role-grants';
import { canAccessDossier } from './access';
import { lockDelayMs } from './accounts.settings';
import { checkPasswordPolicy } from './accounts.password';
import { pickUsername, staffUsernameBase } from './accounts.username';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe('staff user names (001 Đ4.2)', () => {
  it('folds Vietnamese names and the agency short name', () => {
    const base = staffUsernameBase('Nguyễn Văn An', 'STTTT');
    expect(pickUsername(base, new Set())).toBe('nguyenvanan.stttt');
    expect(pickUsername(staffUsernameBase('Đặng Thị Ánh Tuyết', 'UBNDXTP'), new Set())).toBe(
      'dangthianhtuyet.ubndxtp',
    );
    expect(pickUsername(base, new Set(['nguyenvanan.stttt', 'nguyenvanan2.stttt']))).toBe(
      'nguyenvanan3.stttt',
    );
  });
});

describe('password policy and lockout delays', () => {
  it('refuses short, common and personal passwords', () => {
    expect(checkPasswordPolicy('short1!')).not.toBeNull();
    expect(checkPasswordPolicy('matkhau@123')).not.toBeNull();
    expect(checkPasswordPolicy('MậtKhẩu123')).not.toBeNull();
    expect(checkPasswordPolicy('aaaaaaaaaaaa')).not.toBeNull();
    expect(checkPasswordPolicy('nguyenvanan1990', ['Nguyễn Văn An'])).not.toBeNull();
    expect(checkPasswordPolicy('Hoa-sen-no-2026', ['Nguyễn Văn An'])).toBeNull();
  });
  it('doubles the delay after the threshold, capped at an hour', () => {
    expect(lockDelayMs(4, 5)).toBe(0);
    expect(lockDelayMs(5, 5)).toBe(30_000);
    expect(lockDelayMs(6, 5)).toBe(60_000);
    expect(lockDelayMs(30, 5)).toBe(3_600_000);
  });
});

describe('accounts policy (001 Đ4.3)', () => {
  const unitAdmin = actor({ kind: 'staff', roles: ['unit_admin'], agencyId: A });
  const sysAdmin = actor({ kind: 'staff', roles: ['system_admin'], agencyId: B });
  const clerk = actor({ kind: 'staff', roles: ['reception_officer'], agencyId: A });
  it('unit administrators manage their own agency only', () => {
    expect(can(unitAdmin, 'staff.create', { type: 'agency', agencyId: A })).toBe(true);
    expect(can(unitAdmin, 'staff.create', { type: 'agency', agencyId: B })).toBe(false);
    expect(can(unitAdmin, 'staff.list', { type: 'agency', agencyId: null })).toBe(false);
    const here = { sameAgency: true, inUnitSubtree: true };
    const below = { sameAgency: false, inUnitSubtree: true };
    expect(mayGrant(['unit_admin'], 'specialist', here)).toBe(true);
    expect(mayGrant(['unit_admin'], 'specialist', below)).toBe(false);
    for (const role of ['system_admin', 'unit_admin', 'catalogue_editor', 'leader'] as const)
      expect(mayGrant(['unit_admin'], role, here), role).toBe(false);
    expect(grantRefusal(unitAdmin, { id: B, roles: ['catalogue_editor'] }, here)?.en).toMatch(
      /may not grant/,
    );
    expect(grantRefusal(unitAdmin, { id: B, roles: ['unit_admin'] }, here)?.en).toMatch(/equal or higher/);
    expect(grantRefusal(unitAdmin, { id: unitAdmin.userId, roles: ['unit_admin'] }, here)?.en).toMatch(/own/);
  });
  it('a unit-subtree scope covers the agency and the agencies below it, nothing else', () => {
    const subtree: RoleGrantRule = { rank: 0, grantedBy: { unit_admin: 'unit_subtree' } };
    const r = { ...ROLE_GRANTS, specialist: subtree };
    expect(mayGrant(['unit_admin'], 'specialist', { sameAgency: false, inUnitSubtree: true }, r)).toBe(true);
    expect(mayGrant(['unit_admin'], 'specialist', { sameAgency: false, inUnitSubtree: false }, r)).toBe(
      false,
    );
  });
  it('system administrators manage all; others nothing', () => {
    const far = { sameAgency: false, inUnitSubtree: false };
    expect(grantRefusal(sysAdmin, { id: C, roles: ['unit_admin'], newRoles: ['leader'] }, far)).toBeNull();
    expect(grantRefusal(sysAdmin, { id: C, roles: ['system_admin'] }, far)?.en).toMatch(/equal or higher/);
    expect(grantRefusal(clerk, { id: null, roles: [], newRoles: ['specialist'] }, far)).not.toBeNull();
    expect(can(sysAdmin, 'staff.list', { type: 'agency', agencyId: null })).toBe(true);
    expect(can(clerk, 'staff.list', { type: 'agency', agencyId: A })).toBe(false);
    expect(can(null, 'staff.list', { type: 'agency', agencyId: A })).toBe(false);
  });
  it('organisation members read; only owners manage members', () => {
    const citizen = actor({ kind: 'citizen' });
    expect(can(citizen, 'organisation.read', { type: 'organisation', id: C, memberRole: 'member' })).toBe(
      true,
    );
    expect(
      can(citizen, 'organisation.manageMembers', { type: 'organisation', id: C, memberRole: 'member' }),
    ).toBe(false);
    expect(can(citizen, 'organisation.read', { type: 'organisation', id: C, memberRole: null })).toBe(false);
  });
});

describe('dossier access rule', () => {
  const me = actor({ kind: 'citizen', userId: A, organisationIds: [C] });
  const other = actor({ kind: 'citizen', userId: B });
  const clerkA = actor({ kind: 'staff', roles: ['reception_officer'], agencyId: A });
  const clerkB = actor({ kind: 'staff', roles: ['specialist'], agencyId: B });
  const leader = actor({ kind: 'staff', roles: ['leader'], agencyId: C });
  const mine = { applicantUserId: A, organisationId: null, agencyIds: [A] };
  const orgs = { applicantUserId: B, organisationId: C, agencyIds: [A] };
  it('applicants see only their own and their organisations’ dossiers', () => {
    expect(canAccessDossier(me, 'read', mine)).toBe(true);
    expect(canAccessDossier(me, 'read', orgs)).toBe(true);
    expect(canAccessDossier(other, 'read', mine)).toBe(false);
    expect(canAccessDossier(null, 'read', mine)).toBe(false);
  });
  it('staff act only on dossiers held by or forwarded to their agency', () => {
    expect(canAccessDossier(clerkA, 'act', mine)).toBe(true);
    expect(canAccessDossier(clerkB, 'read', mine)).toBe(false);
    expect(canAccessDossier(clerkB, 'read', { ...mine, agencyIds: [A, B] })).toBe(true);
  });
  it('leaders read within their subtree and never act', () => {
    expect(canAccessDossier(leader, 'read', mine, [C, A])).toBe(true);
    expect(canAccessDossier(leader, 'read', mine, [C])).toBe(false);
    expect(canAccessDossier(leader, 'act', { ...mine, agencyIds: [C] }, [C])).toBe(false);
  });
});
