import type {
  TAdminProcedureRow,
  TAgency,
  TImportResult,
  TLatePublication,
  TProcedure,
  TProcedureInput,
  TVersionDiff,
  TVersionSummary,
} from '@motcua/contracts';
import { api } from '../../../lib/api';

/** The catalogue editors' API (/api/admin/procedures…) and the agency list the editor picks from. */

const base = '/api/admin/procedures';
const one = (code: string) => `${base}/${encodeURIComponent(code)}`;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const exportUrl = (format: 'json' | 'xlsx') => `${base}/export?format=${format}`;

export const catalogueAdminKeys = {
  all: ['catalogue-admin'] as const,
  list: (status: string) => ['catalogue-admin', 'list', status] as const,
  late: ['catalogue-admin', 'late'] as const,
  agencies: ['catalogue-admin', 'agencies'] as const,
  procedure: (code: string) => ['catalogue-admin', 'procedure', code] as const,
  versions: (code: string) => ['catalogue-admin', 'versions', code] as const,
  diff: (code: string, from: number, to: number) => ['catalogue-admin', 'diff', code, from, to] as const,
};

export const catalogueAdminApi = {
  list: (status: string) => api<TAdminProcedureRow[]>(status ? `${base}?status=${status}` : base),
  late: () => api<TLatePublication[]>(`${base}/late`),
  agencies: () => api<TAgency[]>('/api/agencies'),
  get: (code: string) => api<TProcedure>(one(code)),
  create: (input: TProcedureInput) => api<TProcedure>(base, { method: 'POST', body: input }),
  save: (input: TProcedureInput) => api<TProcedure>(one(input.code), { method: 'PUT', body: input }),
  /** Publish the draft: at once, or from `effectiveFrom` (YYYY-MM-DD, a later date: the version is scheduled). */
  publish: (code: string, effectiveFrom?: string) =>
    api<TProcedure>(`${one(code)}/publish`, {
      method: 'POST',
      body: effectiveFrom ? { effectiveFrom } : undefined,
    }),
  retire: (code: string) => api<{ status: 'retired' }>(`${one(code)}/retire`, { method: 'POST' }),
  versions: (code: string) => api<TVersionSummary[]>(`${one(code)}/versions`),
  diff: (code: string, from: number, to: number) =>
    api<TVersionDiff>(`${one(code)}/diff?from=${from}&to=${to}`),
  /** A JSON array (already parsed) or an .xlsx file as it is. */
  import: (body: unknown[] | Blob) =>
    api<TImportResult>(`${base}/import`, {
      method: 'POST',
      body,
      headers: body instanceof Blob ? { 'content-type': XLSX_TYPE } : undefined,
    }),
};
