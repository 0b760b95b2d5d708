import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { UnitLevel } from './organisation.tables';
import { DEMO_DESK_STAFF, MORE_DEMO_AGENCIES } from './organisation.demo-data';

/**
 * Demo organisation of the fictional Tỉnh An Hòa (province code 99, legacy province group H99): the three-level
 * structure of the seeds (valid until 2025-06-30) and the two-level structure in force since 2025-07-01.
 * Other modules' demo data refers to agencies by short name (e.g. staff usernames `….stttt`).
 */
export type DemoUnit = {
  code: string;
  name: string;
  level: UnitLevel;
  parent?: string;
  validTo?: string;
  validFrom?: string;
  successor?: string;
};
export type DemoAgency = {
  shortName: string;
  name: string;
  type: string;
  unit: string;
  legacyCode?: string;
  qd20Code?: string;
  address: string;
  email: string;
  hotline: string;
  validTo?: string;
  departments: string[];
};

export const DEMO_PROVINCE = '99';
const LEGACY_END = '2025-07-01';

export const DEMO_UNITS: DemoUnit[] = [
  { code: '99', name: 'Tỉnh An Hòa', level: 'province' },
  { code: '991', name: 'Huyện Bình Sơn', level: 'district', parent: '99', validTo: LEGACY_END },
  {
    code: '99101',
    name: 'Xã Tân Phú',
    level: 'commune',
    parent: '991',
    validTo: LEGACY_END,
    successor: '99001',
  },
  {
    code: '99102',
    name: 'Xã Tân Lập',
    level: 'commune',
    parent: '991',
    validTo: LEGACY_END,
    successor: '99001',
  },
  { code: '99001', name: 'Xã Tân Phú', level: 'commune', parent: '99', validFrom: LEGACY_END },
  { code: '99002', name: 'Phường An Hòa', level: 'commune', parent: '99', validFrom: LEGACY_END },
];

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    shortName: 'TTPVHCC',
    name: 'Trung tâm Phục vụ hành chính công tỉnh An Hòa',
    type: 'public_service_centre',
    unit: '99',
    legacyCode: '000.00.01.H99',
    qd20Code: 'H99.01',
    address: '01 Quảng trường Trung tâm, phường An Hòa, tỉnh An Hòa',
    email: 'ttpvhcc@anhoa.gov.vn',
    hotline: '0299 3800 001',
    departments: ['Bộ phận Tiếp nhận và Trả kết quả'],
  },
  {
    shortName: 'UBNDT',
    name: 'Ủy ban nhân dân tỉnh An Hòa',
    type: 'peoples_committee',
    unit: '99',
    legacyCode: '000.00.00.H99',
    qd20Code: 'H99',
    address: '02 Quảng trường Trung tâm, phường An Hòa, tỉnh An Hòa',
    email: 'ubnd@anhoa.gov.vn',
    hotline: '0299 3800 000',
    departments: ['Văn phòng UBND tỉnh'],
  },
  {
    shortName: 'STTTT',
    name: 'Sở Thông tin và Truyền thông tỉnh An Hòa',
    type: 'department',
    unit: '99',
    legacyCode: '000.00.15.H99',
    qd20Code: 'H99.15',
    address: '15 Đường Trần Hưng Đạo, phường An Hòa, tỉnh An Hòa',
    email: 'stttt@anhoa.gov.vn',
    hotline: '0299 3800 015',
    departments: ['Bộ phận Một cửa', 'Phòng Bưu chính, Viễn thông', 'Phòng Công nghệ thông tin'],
  },
  {
    shortName: 'SXD',
    name: 'Sở Xây dựng tỉnh An Hòa',
    type: 'department',
    unit: '99',
    legacyCode: '000.00.17.H99',
    qd20Code: 'H99.17',
    address: '17 Đường Lê Lợi, phường An Hòa, tỉnh An Hòa',
    email: 'sxd@anhoa.gov.vn',
    hotline: '0299 3800 017',
    departments: ['Bộ phận Một cửa', 'Phòng Quản lý hoạt động xây dựng', 'Phòng Quy hoạch - Kiến trúc'],
  },
  {
    shortName: 'STP',
    name: 'Sở Tư pháp tỉnh An Hòa',
    type: 'department',
    unit: '99',
    legacyCode: '000.00.12.H99',
    qd20Code: 'H99.12',
    address: '12 Đường Nguyễn Trãi, phường An Hòa, tỉnh An Hòa',
    email: 'stp@anhoa.gov.vn',
    hotline: '0299 3800 012',
    departments: ['Bộ phận Một cửa', 'Phòng Hành chính tư pháp', 'Phòng Bổ trợ tư pháp'],
  },
  {
    shortName: 'UBNDHBS',
    name: 'Ủy ban nhân dân huyện Bình Sơn',
    type: 'peoples_committee',
    unit: '991',
    legacyCode: '000.22.31.H99',
    address: 'Thị trấn Bình Sơn, huyện Bình Sơn, tỉnh An Hòa',
    email: 'ubnd@binhson.anhoa.gov.vn',
    hotline: '0299 3850 000',
    validTo: LEGACY_END,
    departments: ['Bộ phận Một cửa', 'Phòng Kinh tế và Hạ tầng', 'Phòng Tư pháp'],
  },
  {
    shortName: 'UBNDXTP',
    name: 'Ủy ban nhân dân xã Tân Phú',
    type: 'peoples_committee',
    unit: '99001',
    legacyCode: '000.31.22.H99',
    qd20Code: 'H99.31.01',
    address: 'Trụ sở UBND xã Tân Phú, tỉnh An Hòa',
    email: 'ubnd@tanphu.anhoa.gov.vn',
    hotline: '0299 3851 001',
    departments: ['Trung tâm Phục vụ hành chính công xã', 'Phòng Kinh tế', 'Phòng Văn hóa - Xã hội'],
  },
  ...MORE_DEMO_AGENCIES,
];

export async function loadDemoOrganisation(trx: Transaction<Database>): Promise<void> {
  const unitIds = new Map<string, string>();
  for (const u of DEMO_UNITS) {
    const row = await trx
      .insertInto('units')
      .values({
        code: u.code,
        name: u.name,
        level: u.level,
        parent_id: u.parent ? (unitIds.get(u.parent) ?? null) : null,
        province_code: DEMO_PROVINCE,
        valid_from: u.validFrom ?? '1900-01-01',
        valid_to: u.validTo ?? null,
        successor_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    unitIds.set(u.code, row.id);
  }
  for (const u of DEMO_UNITS.filter((x) => x.successor)) {
    await trx
      .updateTable('units')
      .set({ successor_id: unitIds.get(u.successor!) ?? null })
      .where('id', '=', unitIds.get(u.code)!)
      .execute();
  }
  for (const a of DEMO_AGENCIES) {
    const { id } = await trx
      .insertInto('agencies')
      .values({
        short_name: a.shortName,
        name: a.name,
        type: a.type,
        unit_id: unitIds.get(a.unit)!,
        parent_agency_id: null,
        address: a.address,
        email: a.email,
        hotline: a.hotline,
        valid_to: a.validTo ?? null,
        successor_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const codes = [
      a.legacyCode && {
        agency_id: id,
        code: a.legacyCode,
        format: 'legacy' as const,
        valid_to: a.validTo ?? null,
      },
      a.qd20Code && { agency_id: id, code: a.qd20Code, format: 'qd20' as const, valid_to: a.validTo ?? null },
    ].filter((c): c is Exclude<typeof c, '' | undefined> => Boolean(c));
    if (codes.length) await trx.insertInto('agency_codes').values(codes).execute();
    await trx
      .insertInto('departments')
      .values(
        a.departments.map((name, i) => ({
          agency_id: id,
          name,
          kind: i === 0 ? ('one_stop_desk' as const) : ('specialist' as const),
        })),
      )
      .execute();
    const staff = DEMO_DESK_STAFF[a.shortName] ?? [];
    if (staff.length)
      await trx
        .insertInto('desk_staff_contacts')
        .values(
          staff.map(([name, title, field, phone], position) => ({
            agency_id: id,
            name,
            title,
            field,
            phone,
            position,
          })),
        )
        .execute();
  }
}
