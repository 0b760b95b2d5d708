import { z } from 'zod';

/** Organisation (SPEC §2): administrative units with effective dates, agencies with identifier codes. */
export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export const AGENCY_TYPES = [
  'department',
  'public_service_centre',
  'commune_service_centre',
  'peoples_committee',
  'central_branch',
  'public_service_unit',
] as const;
export const CODE_FORMATS = ['qd20', 'legacy'] as const;

export const ZUnit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.enum(UNIT_LEVELS),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorCode: z.string().nullable(),
  /** Optimistic concurrency: send it back as `expectedVersion` with an edit. */
  version: z.number().int(),
});
export type TUnit = z.infer<typeof ZUnit>;
export const ZUnitsQuery = z.object({
  level: z.enum(UNIT_LEVELS).optional(),
  /** Units in force on this date (default: today); `all=true` lists history too. */
  at: z.iso.date().optional(),
  all: z.enum(['true', 'false']).optional(),
});

export const ZIdentifierCode = z.object({
  code: z.string(),
  format: z.enum(CODE_FORMATS),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export const ZAgency = z.object({
  id: z.string(),
  shortName: z.string(),
  name: z.string(),
  type: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  hotline: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorId: z.string().nullable(),
  version: z.number().int(),
  codes: z.array(ZIdentifierCode),
});
export type TAgency = z.infer<typeof ZAgency>;
export const DEPARTMENT_KINDS = ['one_stop_desk', 'specialist'] as const;
export const ZDeskStaff = z.object({
  name: z.string().trim().min(2).max(120),
  title: z.string().trim().min(2).max(120),
  field: z.string().trim().min(2).max(200),
  phone: z
    .string()
    .trim()
    .regex(
      /^[0-9+][0-9 .()-]{5,19}$/,
      'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang / digits only',
    ),
});
export type TDeskStaff = z.infer<typeof ZDeskStaff>;
export const ZAgencyDetail = ZAgency.extend({
  departments: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(DEPARTMENT_KINDS) })),
  deskStaff: z.array(ZDeskStaff),
});
export type TAgencyDetail = z.infer<typeof ZAgencyDetail>;
export const ZAgenciesQuery = z.object({
  unit: z.string().max(10).optional(),
  type: z.enum(AGENCY_TYPES).optional(),
  /** Words of the name or short name, insensitive to case and Vietnamese diacritics. */
  q: z.string().trim().max(100).optional(),
  all: z.enum(['true', 'false']).optional(),
});

export const ZUnitInput = z.object({
  code: z.string().regex(/^[0-9]{2,5}$/, 'Mã đơn vị hành chính gồm 2 đến 5 chữ số / 2–5 digits'),
  name: z.string().min(2).max(200),
  level: z.enum(UNIT_LEVELS),
  parentCode: z.string().nullable().default(null),
  validFrom: z.iso.date().optional(),
});
export const ZUnitMerge = z.object({ into: z.string().min(2).max(5), date: z.iso.date() });

export const ZCodeInput = z.object({
  code: z.string().min(1).max(35),
  format: z.enum(CODE_FORMATS),
  validFrom: z.iso.date().optional(),
});
export const ZAgencyInput = z.object({
  shortName: z.string().regex(/^[A-Z0-9]{2,20}$/, 'Tên viết tắt: chữ in hoa và số / capitals and digits'),
  name: z.string().min(3).max(300),
  type: z.enum(AGENCY_TYPES),
  unitCode: z.string().min(2).max(5),
  address: z.string().max(500).nullable().default(null),
  email: z.email().nullable().default(null),
  hotline: z.string().max(30).nullable().default(null),
  codes: z.array(ZCodeInput).default([]),
});

/** Every edit carries the version the editor saw; a stale one gets 409 CONFLICT, never a silent overwrite. */
const ZVersioned = z.object({ expectedVersion: z.number().int().min(1) });

export const ZUnitUpdate = ZVersioned.extend({
  name: z.string().trim().min(2).max(200).optional(),
  level: z.enum(UNIT_LEVELS).optional(),
  parentCode: z.string().min(2).max(5).nullable().optional(),
  validFrom: z.iso.date().optional(),
});
export type TUnitUpdate = z.infer<typeof ZUnitUpdate>;
export const ZRetire = ZVersioned.extend({ date: z.iso.date() });

export const ZAgencyUpdate = ZVersioned.extend({
  shortName: ZAgencyInput.shape.shortName.optional(),
  name: z.string().trim().min(3).max(300).optional(),
  type: z.enum(AGENCY_TYPES).optional(),
  unitCode: z.string().min(2).max(5).optional(),
  address: z.string().trim().max(500).nullable().optional(),
  email: z.email().nullable().optional(),
  hotline: z
    .string()
    .trim()
    .regex(/^[0-9+][0-9 .()-]{2,29}$/, 'Đường dây nóng chỉ gồm chữ số / digits only')
    .nullable()
    .optional(),
});
export type TAgencyUpdate = z.infer<typeof ZAgencyUpdate>;
export const ZAgencyRetire = ZRetire.extend({ successorId: z.uuid().nullable().default(null) });
export const ZDepartmentInput = z.object({
  name: z.string().trim().min(2).max(200),
  expectedVersion: z.number().int().min(1).optional(),
});
export const ZDepartmentUpdate = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  active: z.literal(false).optional(),
  expectedVersion: z.number().int().min(1).optional(),
});
export const ZDeskStaffInput = ZVersioned.extend({ staff: z.array(ZDeskStaff).max(100) });
