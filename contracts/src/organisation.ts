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
});
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
  codes: z.array(ZIdentifierCode),
});
export type TAgency = z.infer<typeof ZAgency>;
export const ZAgencyDetail = ZAgency.extend({
  departments: z.array(z.object({ name: z.string(), kind: z.enum(['one_stop_desk', 'specialist']) })),
  deskStaff: z.array(z.object({ name: z.string(), title: z.string(), field: z.string(), phone: z.string() })),
});
export const ZAgenciesQuery = z.object({
  unit: z.string().max(10).optional(),
  type: z.enum(AGENCY_TYPES).optional(),
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
export const ZAgencyContactInput = ZAgencyInput.pick({
  name: true,
  address: true,
  email: true,
  hotline: true,
});
