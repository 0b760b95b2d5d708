import { sql } from 'kysely';
import type { TPublicStats, TServiceIndex } from '@motcua/contracts';
import type { Kdb } from '../../db/client';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { currentAgencies } from '../organisation';
import { paymentAndResultCounts } from './index-sources';
import * as repo from './reports.repo';
import { asOfDay, countsBy, emptyCounts, resolveScope, vnDay } from './reports.service';
import type { SatisfactionPort } from './satisfaction-port';
import { serviceIndicators, summarise } from './service-index';

/** The QĐ 766 index for a month, quarter or year containing `at`, per agency or for the leader's whole scope. */
export function periodOf(period: 'month' | 'quarter' | 'year', at: string): { from: string; to: string } {
  const [y, m] = at.split('-').map(Number) as [number, number];
  const first = period === 'year' ? 1 : period === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : m;
  const months = period === 'year' ? 12 : period === 'quarter' ? 3 : 1;
  const end = new Date(Date.UTC(y, first - 1 + months, 0));
  return { from: `${y}-${String(first).padStart(2, '0')}-01`, to: end.toISOString().slice(0, 10) };
}

async function indexFor(
  db: Kdb,
  scope: repo.Scope,
  from: string,
  to: string,
  now: Date,
  satisfaction: SatisfactionPort,
) {
  const asOf = asOfDay(to, now);
  const [all, online, procs, sat, payRes] = await Promise.all([
    countsBy(db, scope, from, to, asOf, 'none'),
    countsBy(db, { ...scope, channel: 'online' }, from, to, asOf, 'none'),
    scope.agencyIds.length
      ? sql<{ total: number; full: number }>`
          SELECT count(DISTINCT p.code)::int AS total,
                 count(DISTINCT p.code) FILTER (WHERE p.service_level = 'full_online')::int AS full
          FROM procedures p JOIN procedure_versions v ON v.procedure_code = p.code AND v.status = 'published'
          JOIN procedure_version_agencies va ON va.version_id = v.id
          WHERE va.agency_id = ANY(${sql.val(scope.agencyIds)}::uuid[])`.execute(db)
      : Promise.resolve({ rows: [{ total: 0, full: 0 }] }),
    satisfaction(scope.agencyIds, from, to),
    paymentAndResultCounts(db, scope.agencyIds, from, to),
  ]);
  return serviceIndicators({
    counts: all.get('') ?? emptyCounts(),
    onlineSubmitted: online.get('')?.submitted ?? 0,
    fullOnlineProcedures: procs.rows[0]?.full ?? 0,
    procedures: procs.rows[0]?.total ?? 0,
    satisfaction: sat,
    ...payRes,
  });
}

export async function serviceIndex(
  db: Kdb,
  actor: Actor | null,
  q: { period: 'month' | 'quarter' | 'year'; at: string; agencyId?: string | undefined },
  now: Date,
  satisfaction: SatisfactionPort,
): Promise<TServiceIndex> {
  const { from, to } = periodOf(q.period, q.at);
  const { scope } = await resolveScope(db, actor, q);
  const indicators = await indexFor(db, scope, from, to, now, satisfaction);
  const history: TServiceIndex['history'] = [];
  const [y, m] = q.at.split('-').map(Number) as [number, number];
  for (let i = 5; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1)).toISOString().slice(0, 10);
    const p = periodOf('month', d);
    const s = summarise(await indexFor(db, scope, p.from, p.to, now, satisfaction));
    history.push({ month: d.slice(0, 7), score: s.score, knownPoints: s.knownPoints });
  }
  return { from, to, agencyId: q.agencyId ?? null, ...summarise(indicators), indicators, history };
}

/** Public statistics (000 Đ4.2): per month of a year, per agency or the province; counts only, no personal data. */
export async function publicStats(
  db: Kdb,
  q: { year: number; agencyId?: string | undefined; province?: string | undefined },
  now: Date,
  satisfaction: SatisfactionPort,
): Promise<TPublicStats> {
  const agencies = await currentAgencies(db, q.province);
  if (q.province && agencies.length === 0)
    throw new AppError('NOT_FOUND', { what: { vi: 'tỉnh', en: 'province' } });
  if (q.agencyId && !agencies.some((a) => a.id === q.agencyId))
    throw new AppError('NOT_FOUND', { what: { vi: 'cơ quan', en: 'agency' } });
  const ids = q.agencyId ? [q.agencyId] : agencies.map((a) => a.id);
  const scope: repo.Scope = { agencyIds: ids };
  const last = Math.min(12, q.year < Number(vnDay(now).slice(0, 4)) ? 12 : Number(vnDay(now).slice(5, 7)));
  const [all, online] = await Promise.all([
    repo.sumMonths(db, scope, `${q.year}-01-01`, `${q.year}-12-01`),
    repo.sumMonths(db, { ...scope, channel: 'online' }, `${q.year}-01-01`, `${q.year}-12-01`),
  ]);
  const get = (rows: repo.SumRow[], month: string, m: string) =>
    rows.filter((r) => r.key === month && r.measure === m).reduce((s, r) => s + r.n, 0);
  const months: TPublicStats['months'] = [];
  for (let i = 1; i <= (q.year > Number(vnDay(now).slice(0, 4)) ? 0 : last); i++) {
    const month = `${q.year}-${String(i).padStart(2, '0')}`;
    const early = get(all, month, 'resolved_early');
    const onTime = get(all, month, 'resolved_on_time');
    const resolved = early + onTime + get(all, month, 'resolved_late');
    const submitted = get(all, month, 'submitted');
    const p = periodOf('month', `${month}-01`);
    const sat = await satisfaction(ids, p.from, p.to);
    months.push({
      month,
      received: get(all, month, 'received'),
      resolved,
      onTimeRate: resolved ? Math.round(((early + onTime) / resolved) * 1000) / 1000 : null,
      onlineRate: submitted ? Math.round((get(online, month, 'submitted') / submitted) * 1000) / 1000 : null,
      satisfactionRate: sat && sat.rated ? Math.round((sat.satisfied / sat.rated) * 1000) / 1000 : null,
    });
  }
  const name = q.agencyId ? agencies.find((a) => a.id === q.agencyId)!.name : 'Toàn tỉnh';
  return { agencyName: name, year: q.year, agencies, months };
}
