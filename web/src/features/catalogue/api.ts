import type { TProcedure, TProcedureSummary } from '@motcua/contracts';
import { api } from '../../lib/api';

export type SearchParams = {
  q?: string;
  field?: string;
  agency?: string;
  level?: string;
  serviceLevel?: string;
  page?: number;
};
export type Facet = { value: string; label: string; count: number };

export const catalogueKeys = {
  search: (p: SearchParams) => ['catalogue', 'search', p] as const,
  facets: ['catalogue', 'facets'] as const,
  procedure: (code: string) => ['catalogue', 'procedure', code] as const,
};

export function searchProcedures(p: SearchParams) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== '') qs.set(k, String(v));
  qs.set('pageSize', '10');
  return api<{ items: TProcedureSummary[]; total: number }>(`/api/procedures?${qs.toString()}`);
}
export const fetchFacets = () => api<{ fields: Facet[]; agencies: Facet[] }>('/api/procedures/facets');
export const fetchProcedure = (code: string) =>
  api<TProcedure>(`/api/procedures/${encodeURIComponent(code)}`);
