import type { TMeResponse, TProfile, TStaffAccount, TStaffRole } from '@motcua/contracts';
import type { Kdb } from '../../db/client';
import * as repo from './accounts.repo';
import type { StaffRow, UserRow } from './accounts.repo';
import { agencyDisplayCode, findAgency } from '../organisation';

export async function presentMe(db: Kdb, user: UserRow, roles: TStaffRole[]): Promise<TMeResponse> {
  const agency = user.agency_id ? await findAgency(db, user.agency_id) : undefined;
  return {
    id: user.id,
    kind: user.kind,
    name: user.full_name,
    username: user.username,
    email: user.email,
    phone: user.phone,
    roles,
    agency: agency
      ? { id: agency.id, code: await agencyDisplayCode(db, agency.id), name: agency.name }
      : null,
    mustChangePassword: user.must_change_password,
  };
}

export async function presentProfile(db: Kdb, user: UserRow): Promise<TProfile> {
  const orgs = await repo.findOrganisationsOf(db, user.id);
  return {
    id: user.id,
    kind: user.kind,
    fullName: user.full_name,
    username: user.username,
    dateOfBirth: user.date_of_birth,
    idNumber: user.id_number,
    address: user.address,
    email: user.email,
    emailVerified: Boolean(user.email_verified_at),
    phone: user.phone,
    phoneVerified: Boolean(user.phone_verified_at),
    preferredLocale: user.preferred_locale,
    organisations: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      taxCode: o.tax_code,
      address: o.address,
      legalRepresentative: o.legal_representative,
      memberRole: o.role,
    })),
  };
}

export function presentStaff(r: StaffRow): TStaffAccount {
  return {
    id: r.id,
    username: r.username ?? '',
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    agency: { id: r.agency_id, shortName: r.agency_short_name, name: r.agency_name },
    department: r.department_id ? { id: r.department_id, name: r.department_name ?? '' } : null,
    roles: r.roles,
    status: r.status,
    mustChangePassword: r.must_change_password,
    createdAt: r.created_at.toISOString(),
  };
}
