import type { Transaction } from 'kysely';
import type { TStaffRole } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { AuditActor } from '../audit';
import * as repo from './accounts.repo';
import { hashPassword } from './accounts.password';
import { insertStaff } from './staff.service';
import { demoOfficers, type DemoOfficer } from './accounts.demo-offices';
import { currentAgencyByShortName } from '../organisation';

/** The one password of every demo account (README "Demo log-ins"); demo accounts need no first-login change. */
export const DEMO_PASSWORD = 'MotCua@2026';

export type DemoStaff = {
  fullName: string;
  agency: string;
  department?: string;
  roles: TStaffRole[];
  email: string;
};

/** One account per role at the demo province's agencies, plus a second agency's staff to show the boundaries. */
export const DEMO_STAFF: DemoStaff[] = [
  {
    fullName: 'Trần Thị Bình',
    agency: 'TTPVHCC',
    roles: ['reception_officer'],
    email: 'tranthibinh@anhoa.gov.vn',
  },
  {
    fullName: 'Lê Văn Cường',
    agency: 'STTTT',
    department: 'Phòng Bưu chính, Viễn thông',
    roles: ['specialist'],
    email: 'levancuong@anhoa.gov.vn',
  },
  {
    fullName: 'Phạm Thị Dung',
    agency: 'STTTT',
    department: 'Phòng Bưu chính, Viễn thông',
    roles: ['approver'],
    email: 'phamthidung@anhoa.gov.vn',
  },
  { fullName: 'Hoàng Văn Em', agency: 'STTTT', roles: ['unit_admin'], email: 'hoangvanem@anhoa.gov.vn' },
  {
    fullName: 'Vũ Thị Giang',
    agency: 'UBNDT',
    roles: ['catalogue_editor'],
    email: 'vuthigiang@anhoa.gov.vn',
  },
  { fullName: 'Đặng Văn Hùng', agency: 'UBNDT', roles: ['system_admin'], email: 'dangvanhung@anhoa.gov.vn' },
  { fullName: 'Bùi Thị Lan', agency: 'UBNDT', roles: ['leader'], email: 'buithilan@anhoa.gov.vn' },
  { fullName: 'Ngô Văn Minh', agency: 'TTPVHCC', roles: ['postal_operator'], email: 'ngovanminh@vnpost.vn' },
  {
    fullName: 'Đỗ Thị Hoa',
    agency: 'SXD',
    department: 'Bộ phận Một cửa',
    roles: ['reception_officer'],
    email: 'dothihoa@anhoa.gov.vn',
  },
  { fullName: 'Trịnh Văn Khoa', agency: 'SXD', roles: ['unit_admin'], email: 'trinhvankhoa@anhoa.gov.vn' },
  // Consultation (issue 14): a second department of SXD that the processing department asks for an opinion.
  {
    fullName: 'Phan Văn Kiến',
    agency: 'SXD',
    department: 'Phòng Quản lý hoạt động xây dựng',
    roles: ['specialist'],
    email: 'phanvankien@anhoa.gov.vn',
  },
];

export const DEMO_CITIZENS = [
  {
    fullName: 'Nguyễn Văn An',
    email: 'an.nguyen@example.vn',
    phone: '0912345678',
    idNumber: '099088000123',
    dateOfBirth: '1988-04-12',
    address: 'Số 5 đường Lê Lợi, phường An Hòa, tỉnh An Hòa',
  },
  {
    fullName: 'Trần Thị Mai',
    email: 'mai.tran@example.vn',
    phone: '0987654321',
    idNumber: '099190000456',
    dateOfBirth: '1990-09-02',
    address: 'Thôn Đông, xã Tân Phú, tỉnh An Hòa',
  },
  {
    fullName: 'Lê Quốc Phong',
    email: 'phong.le@example.vn',
    phone: '0903123456',
    idNumber: '099085000789',
    dateOfBirth: '1985-01-20',
    address: 'Số 18 đường Trần Hưng Đạo, phường An Hòa, tỉnh An Hòa',
  },
] as const;

export const DEMO_ORGANISATION = {
  name: 'Công ty TNHH Xây dựng An Phát',
  taxCode: '9900123456',
  address: 'Số 18 đường Trần Hưng Đạo, phường An Hòa, tỉnh An Hòa',
  legalRepresentative: 'Lê Quốc Phong',
  owner: 'phong.le@example.vn',
  members: ['mai.tran@example.vn'],
};

/** The people of the demo offices: a desk, head, specialist and leader at every agency receiving a demo procedure. */
export const DEMO_OFFICERS: DemoOfficer[] = demoOfficers();

/** The department a demo officer sits in (see DemoPlace); null for the agency's leadership. */
async function departmentOf(trx: Transaction<Database>, agencyId: string, s: DemoStaff | DemoOfficer) {
  let q = trx.selectFrom('departments').select('id').where('agency_id', '=', agencyId);
  if ('department' in s && s.department) q = q.where('name', '=', s.department);
  else if ('place' in s && s.place === 'desk') q = q.where('kind', '=', 'one_stop_desk');
  else if ('place' in s && s.place === 'responsible')
    // The dossiers module hands a dossier to the first active specialist department by name (dossiers/ports.ts).
    q = q.where('kind', '=', 'specialist').where('active', '=', true).orderBy('name');
  else return null;
  return (await q.limit(1).executeTakeFirst())?.id ?? null;
}

export async function loadDemoAccounts(trx: Transaction<Database>, now: Date): Promise<void> {
  const SYSTEM: AuditActor = { type: 'system', name: 'demo data', at: now };
  for (const s of [...DEMO_STAFF, ...DEMO_OFFICERS]) {
    if (await repo.findUserByLogin(trx, { email: s.email })) continue; // re-runnable
    const agency = await currentAgencyByShortName(trx, s.agency);
    if (!agency) throw new Error(`Demo agency ${s.agency} is missing; the organisation module seeds first`);
    const department = await departmentOf(trx, agency.id, s);
    await insertStaff(trx, SYSTEM, {
      fullName: s.fullName,
      agencyId: agency.id,
      departmentId: department,
      roles: s.roles,
      email: s.email,
      password: DEMO_PASSWORD,
      mustChangePassword: false,
    });
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const c of DEMO_CITIZENS) {
    const existing = await repo.findUserByLogin(trx, { email: c.email });
    ids.set(
      c.email,
      existing?.id ??
        (await repo.insertUser(trx, {
          kind: 'citizen',
          username: null,
          email: c.email,
          phone: c.phone,
          email_verified_at: now,
          phone_verified_at: now,
          password_hash: hash,
          full_name: c.fullName,
          date_of_birth: c.dateOfBirth,
          id_number: c.idNumber,
          address: c.address,
          agency_id: null,
          department_id: null,
          status: 'active',
          password_changed_at: now,
          oidc_subject: null,
        })),
    );
  }
  const o = DEMO_ORGANISATION;
  if (!(await repo.findOrganisationByTaxCode(trx, o.taxCode))) {
    const orgId = await repo.insertOrganisation(trx, o);
    await repo.insertMember(trx, orgId, ids.get(o.owner)!, 'owner');
    for (const m of o.members) await repo.insertMember(trx, orgId, ids.get(m)!, 'member');
  }
}
