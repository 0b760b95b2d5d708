import type {
  TDashboard,
  TPeriodicReport,
  TPublicStats,
  TReportAgencies,
  TReportDossierPage,
  TReportFilter,
  TDrillMeasure,
  TServiceIndex,
} from '@motcua/contracts';
import { api } from '../../lib/api';

/** Reports (issue 17): the dashboard, the dossiers behind a count, the periodic report, QĐ 766, public statistics. */
export type Filter = Partial<TReportFilter> & { from: string; to: string };

export const query = (f: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(f)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();

export const reportKeys = {
  agencies: () => ['reports', 'agencies'] as const,
  dashboard: (f: Filter) => ['reports', 'dashboard', f] as const,
  dossiers: (f: Filter, measure: string, after: string | undefined) =>
    ['reports', 'dossiers', f, measure, after] as const,
  periodic: (f: Filter) => ['reports', 'periodic', f] as const,
  index: (period: string, at: string, agencyId?: string) =>
    ['reports', 'index', period, at, agencyId] as const,
  publicStats: (year: number, agencyId?: string) => ['reports', 'public', year, agencyId] as const,
};

export const reportsApi = {
  agencies: () => api<TReportAgencies>('/api/reports/agencies'),
  dashboard: (f: Filter) => api<TDashboard>(`/api/reports/dashboard?${query(f)}`),
  dossiers: (f: Filter, measure: string, after?: string) =>
    api<TReportDossierPage>(`/api/reports/dossiers?${query({ ...f, measure, after })}`),
  periodic: (f: Filter) => api<TPeriodicReport>(`/api/reports/periodic?${query(f)}`),
  exportUrl: (f: Filter, format: 'xlsx' | 'pdf') => `/api/reports/periodic/export?${query({ ...f, format })}`,
  index: (period: string, at: string, agencyId?: string) =>
    api<TServiceIndex>(`/api/reports/service-index?${query({ period, at, agencyId })}`),
  publicStats: (year: number, agencyId?: string) =>
    api<TPublicStats>(`/api/public/statistics?${query({ year, agencyId })}`),
};

/** The office list of the dossiers behind one count. */
export const drillLink = (f: Filter, measure: TDrillMeasure, extra: Partial<TReportFilter> = {}) =>
  `/office/bao-cao/ho-so?${query({ ...f, ...extra, measure })}`;

/** The quarter containing a day, as a period of days. */
export function quarterOf(day: string): { from: string; to: string } {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const end = new Date(Date.UTC(y, q * 3 + 3, 0)).toISOString().slice(0, 10);
  return { from: `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, to: end };
}

export const vnToday = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
export const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
