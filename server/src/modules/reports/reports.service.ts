import type {
  TDashboard,
  TReportAgencies,
  TReportBreakdownRow,
  TReportCounts,
  TReportDossierPage,
  TReportDossierRow,
  TReportDossiersQuery,
  TReportFilter,
} from '@motcua/contracts';
import { REPORT_MEASURES } from '@motcua/contracts';
import type { Kdb } from '../../db/client';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { readableAgencyIds } from '../accounts';
import { instant } from '../dossiers';
import { overdueFeedback } from '../feedback';
import * as repo from './reports.repo';

/** Reads for the leader dashboard and the drill-down (read-only: any executor; `now` from the request). */

export const vnDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export type Resolved = {
  scope: repo.Scope;
  agencies: repo.AgencyInfo[];
  procedures: repo.ProcedureInfo[] | null;
};

/** The agencies a filter covers within what the actor may read (a leader: their unit's subtree; others: their own). */
export async function resolveScope(db: Kdb, actor: Actor | null, f: Omit<TReportFilter, 'from' | 'to'>) {
  const readable = await readableAgencyIds(db, actor);
  if (f.agencyId && !readable.includes(f.agencyId))
    throw new AppError('NOT_FOUND', { what: { vi: 'cơ quan', en: 'agency' } });
  let agencies = await repo.agencyInfo(db, f.agencyId ? [f.agencyId] : readable);
  if (f.level) agencies = agencies.filter((a) => a.level === f.level);
  const procedures =
    f.procedureCode || f.field
      ? await repo.procedureInfo(db, f.procedureCode ? [f.procedureCode] : undefined, f.field)
      : null;
  const agencyIds = agencies.map((a) => a.id);
  const scope: repo.Scope = {
    agencyIds,
    channel: f.channel,
    procedureCodes: procedures?.map((p) => p.code),
    province: procedures ? undefined : await repo.wholeProvince(db, agencyIds),
  };
  return { scope, agencies, procedures } satisfies Resolved;
}

/** The agencies the actor may report on, with their level: what the pages' level and agency controls offer. */
export async function reportAgencies(db: Kdb, actor: Actor | null): Promise<TReportAgencies> {
  const agencies = await repo.agencyInfo(db, await readableAgencyIds(db, actor));
  return {
    items: agencies.map((a) => ({
      id: a.id,
      name: a.name,
      level: a.level as TReportAgencies['items'][number]['level'],
    })),
  };
}

export function checkPeriod(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!(days >= 0) || days > 3660)
    throw new AppError('BAD_REQUEST', {
      details: {
        vi: 'kỳ báo cáo không hợp lệ (từ ngày ≤ đến ngày, tối đa 10 năm)',
        en: 'invalid period (from ≤ to, at most 10 years)',
      },
    });
}

export const emptyCounts = (): TReportCounts =>
  Object.fromEntries(REPORT_MEASURES.map((m) => [m, 0])) as TReportCounts;

/** Counts per group key from the flow sums in the period and the balances at `asOf`. */
export function assemble(flows: repo.SumRow[], balances: repo.SumRow[]): Map<string, TReportCounts> {
  const out = new Map<string, TReportCounts>();
  const at = (key: string) => {
    let c = out.get(key);
    if (!c) out.set(key, (c = emptyCounts()));
    return c;
  };
  for (const r of flows) (at(r.key) as Record<string, number>)[r.measure] = r.n;
  const bal = new Map<string, Record<string, number>>();
  for (const r of balances) bal.set(r.key, { ...bal.get(r.key), [r.measure]: r.n });
  for (const [key, b] of bal) {
    const c = at(key);
    c.in_progress = (b.received ?? 0) - (b.settled ?? 0);
    c.in_progress_late = (b.due ?? 0) - (b.due_settled ?? 0);
  }
  return out;
}

/** The day in-progress counts are taken at: the period's last day, or today while the period runs. */
export const asOfDay = (to: string, now: Date) => (to < vnDay(now) ? to : vnDay(now));

export async function countsBy(
  db: Kdb,
  scope: repo.Scope,
  from: string,
  to: string,
  asOf: string,
  by: Exclude<repo.GroupKey, 'day'>,
): Promise<Map<string, TReportCounts>> {
  if (!scope.agencyIds.length) return new Map();
  const [flows, balances] = await Promise.all([
    repo.sumFlows(db, scope, from, to, by),
    repo.sumBalances(db, scope, asOf, by),
  ]);
  return assemble(flows, balances);
}

const add = (a: TReportCounts, b: TReportCounts) => {
  for (const m of REPORT_MEASURES) a[m] += b[m];
  return a;
};

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);

export const present = (r: repo.DrillRow): TReportDossierRow => ({
  id: r.id,
  code: r.code,
  procedureCode: r.procedure_code,
  procedureName: r.procedure_name,
  agencyName: r.agency_name,
  channel: r.channel,
  status: r.status,
  submittedAt: instant(r.submitted_at),
  receivedAt: r.received_at ? instant(r.received_at) : null,
  appointmentAt: r.appointment_at ? instant(r.appointment_at) : null,
  resolvedAt: r.resolved_at ? instant(r.resolved_at) : null,
});

const CHANNEL_LABELS: Record<string, string> = {
  online: 'Trực tuyến',
  counter: 'Trực tiếp',
  post: 'Bưu chính',
};
const LEVEL_LABELS: Record<string, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

/** The dashboard's main view (agency-level tables only) plus the breakdowns by field and procedure. */
export async function dashboard(
  db: Kdb,
  actor: Actor | null,
  f: TReportFilter,
  now: Date,
): Promise<TDashboard> {
  checkPeriod(f.from, f.to);
  const { scope, agencies } = await resolveScope(db, actor, f);
  const asOf = asOfDay(f.to, now);
  const [byAgency, byChannel, byProcedure, trendRows, steps, overdue, dueSoon, feedback] = await Promise.all([
    countsBy(db, scope, f.from, f.to, asOf, 'agency'),
    countsBy(db, scope, f.from, f.to, asOf, 'channel'),
    scope.agencyIds.length ? repo.sumFlows(db, scope, f.from, f.to, 'procedure') : [],
    scope.agencyIds.length ? repo.sumFlows(db, scope, f.from, f.to, 'day') : [],
    repo.slowestSteps(db, scope.agencyIds, f.from, f.to),
    repo.openByAppointment(db, scope.agencyIds, null, now, 10),
    repo.openByAppointment(db, scope.agencyIds, now, new Date(now.getTime() + 2 * 86_400_000), 10),
    overdueFeedback(db, scope.agencyIds, now, 10),
  ]);
  const totals = emptyCounts();
  for (const c of byAgency.values()) add(totals, c);
  const agencyRows: TReportBreakdownRow[] = agencies
    .filter((a) => byAgency.has(a.id))
    .map((a) => ({ key: a.id, label: a.name, counts: byAgency.get(a.id)! }));
  const levels = new Map<string, TReportCounts>();
  for (const a of agencies) {
    const c = byAgency.get(a.id);
    if (c) levels.set(a.level, add(levels.get(a.level) ?? emptyCounts(), c));
  }
  const procCounts = assemble(byProcedure, []);
  const procs = await repo.procedureInfo(db, [...procCounts.keys()]);
  const name = new Map(procs.map((p) => [p.code, p]));
  const fields = new Map<string, TReportCounts>();
  for (const [code, c] of procCounts) {
    const field = name.get(code)?.field ?? '—';
    fields.set(field, add(fields.get(field) ?? emptyCounts(), c));
  }
  const days = new Map<string, { received: number; resolved: number; late: number }>();
  for (const r of trendRows) {
    const d = days.get(r.key) ?? { received: 0, resolved: 0, late: 0 };
    if (r.measure === 'received') d.received += r.n;
    if (r.measure.startsWith('resolved_')) d.resolved += r.n;
    if (r.measure === 'resolved_late') d.late += r.n;
    days.set(r.key, d);
  }
  const resolved = totals.resolved_early + totals.resolved_on_time + totals.resolved_late;
  const sortByReceived = (rows: TReportBreakdownRow[]) =>
    rows.sort((a, b) => b.counts.received - a.counts.received);
  return {
    filter: f,
    asOf,
    totals,
    byAgency: sortByReceived(agencyRows),
    byLevel: [...levels].map(([key, counts]) => ({ key, label: LEVEL_LABELS[key] ?? key, counts })),
    byField: sortByReceived([...fields].map(([key, counts]) => ({ key, label: key, counts }))),
    byProcedure: sortByReceived(
      [...procCounts].map(([key, counts]) => ({ key, label: name.get(key)?.name ?? key, counts })),
    ).slice(0, 20),
    byChannel: ['online', 'counter', 'post'].map((key) => ({
      key,
      label: CHANNEL_LABELS[key]!,
      counts: byChannel.get(key) ?? emptyCounts(),
    })),
    trend: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, v]) => ({ day, ...v })),
    rates: {
      onTime: ratio(totals.resolved_early + totals.resolved_on_time, resolved),
      supplement: ratio(totals.supplement_requested, totals.received),
      apology: ratio(totals.extended, resolved + totals.in_progress),
    },
    slowestSteps: steps.map((s) => ({
      agencyName: s.agency_name,
      step: s.step,
      n: s.n,
      averageHours: Math.round((s.minutes / s.n / 60) * 10) / 10,
    })),
    overdue: overdue.map(present),
    dueSoon: dueSoon.map(present),
    overdueFeedback: feedback,
  };
}

const decodeCursor = (after: string | undefined) => {
  if (!after) return null;
  const [at, id] = Buffer.from(after, 'base64url').toString().split('|');
  const t = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(t.getTime()))
    throw new AppError('BAD_REQUEST', {
      details: { vi: 'con trỏ trang không hợp lệ', en: 'invalid page cursor' },
    });
  return { at: t, id };
};

/** The dossiers behind one count: the same scope, period and measure as the number that was clicked. */
export async function dossiersBehind(
  db: Kdb,
  actor: Actor | null,
  q: TReportDossiersQuery,
  now: Date,
): Promise<TReportDossierPage> {
  checkPeriod(q.from, q.to);
  const { scope } = await resolveScope(db, actor, q);
  if (!scope.agencyIds.length) return { items: [], next: null };
  const where = repo.measurePredicate(q.measure, q.from, q.to, asOfDay(q.to, now));
  const rows = await repo.drillDown(db, scope, where, decodeCursor(q.after), q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  const next =
    rows.length > q.limit && last
      ? Buffer.from(`${last.submitted_at.toISOString()}|${last.id}`).toString('base64url')
      : null;
  return { items: items.map(present), next };
}
