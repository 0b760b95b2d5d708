import type {
  AGENCY_TYPES,
  TAgency,
  TAgencyDetail,
  TAgencyUpdate,
  TDeskStaff,
  TUnit,
  TUnitUpdate,
  UNIT_LEVELS,
} from '@motcua/contracts';
import { api } from '../../lib/api';

export type AgencyType = (typeof AGENCY_TYPES)[number];
export type UnitLevel = (typeof UNIT_LEVELS)[number];
export type AgencyFilter = { unit?: string; type?: string; q?: string; all?: boolean };

export const organisationKeys = {
  all: ['organisation'] as const,
  units: (all: boolean) => ['organisation', 'units', all] as const,
  agencies: (f: AgencyFilter) => ['organisation', 'agencies', f] as const,
  agency: (id: string) => ['organisation', 'agency', id] as const,
};

function query(p: Record<string, string | boolean | undefined>) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p))
    if (v !== undefined && v !== '' && v !== false) qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : '';
}

const json = (method: string, body: unknown) => ({ method, body });
const agencyPath = (id: string) => `/api/admin/agencies/${encodeURIComponent(id)}`;
const unitPath = (code: string) => `/api/admin/units/${encodeURIComponent(code)}`;

export const organisationApi = {
  units: (all: boolean) => api<TUnit[]>(`/api/units${query({ all })}`),
  agencies: (f: AgencyFilter) => api<TAgency[]>(`/api/agencies${query(f)}`),
  agency: (id: string) => api<TAgencyDetail>(`/api/agencies/${encodeURIComponent(id)}`),

  createUnit: (body: {
    code: string;
    name: string;
    level: UnitLevel;
    parentCode: string | null;
    validFrom?: string;
  }) => api<{ id: string }>('/api/admin/units', json('POST', body)),
  updateUnit: (code: string, body: TUnitUpdate) => api<TUnit>(unitPath(code), json('PATCH', body)),
  mergeUnit: (code: string, body: { into: string; date: string }) =>
    api<{ ok: true }>(`${unitPath(code)}/merge`, json('POST', body)),
  retireUnit: (code: string, body: { date: string; expectedVersion: number }) =>
    api<TUnit>(`${unitPath(code)}/retire`, json('POST', body)),

  createAgency: (body: {
    shortName: string;
    name: string;
    type: AgencyType;
    unitCode: string;
    address: string | null;
    email: string | null;
    hotline: string | null;
    codes: { code: string; format: 'qd20' | 'legacy'; validFrom?: string }[];
  }) => api<TAgencyDetail>('/api/admin/agencies', json('POST', body)),
  updateAgency: (id: string, body: TAgencyUpdate) => api<TAgencyDetail>(agencyPath(id), json('PATCH', body)),
  retireAgency: (id: string, body: { date: string; expectedVersion: number; successorId: string | null }) =>
    api<TAgencyDetail>(`${agencyPath(id)}/retire`, json('POST', body)),
  issueCode: (id: string, body: { code: string; format: 'qd20' | 'legacy'; validFrom?: string }) =>
    api<TAgencyDetail>(`${agencyPath(id)}/codes`, json('POST', body)),
  addDepartment: (id: string, body: { name: string; expectedVersion?: number }) =>
    api<TAgencyDetail>(`${agencyPath(id)}/departments`, json('POST', body)),
  updateDepartment: (id: string, departmentId: string, body: { name?: string; active?: false }) =>
    api<TAgencyDetail>(
      `${agencyPath(id)}/departments/${encodeURIComponent(departmentId)}`,
      json('PATCH', body),
    ),
  replaceDeskStaff: (id: string, body: { staff: TDeskStaff[]; expectedVersion: number }) =>
    api<TAgencyDetail>(`${agencyPath(id)}/desk-staff`, json('PUT', body)),
};
