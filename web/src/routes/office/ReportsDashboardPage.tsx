import { lazy, Suspense, useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import type {
  TOverdueFeedback,
  TReportBreakdownRow,
  TReportDossierRow,
  TReportMeasure,
} from '@motcua/contracts';
import { Alert, Card, Spinner, Table } from '../../components/ui';
import {
  drillLink,
  quarterOf,
  reportKeys,
  reportsApi,
  vnToday,
  percent,
  type Filter,
} from '../../features/reports/api';
import { ScopeControls } from '../../features/reports/ScopeControls';
import { useI18n } from '../../i18n/i18n';
import { now } from '../../lib/clock';
import { formatDateTime, formatDay } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

// ECharts is a chunk of its own, fetched only when a dashboard shows a trend.
const TrendChart = lazy(() => import('../../features/reports/TrendChart'));

const SHOWN: TReportMeasure[] = [
  'received',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'in_progress',
  'in_progress_late',
  'returned',
  'refused',
  'withdrawn',
  'stopped',
  'supplement_requested',
  'extended',
];
const COLUMNS: TReportMeasure[] = [
  'received',
  'resolved_on_time',
  'resolved_late',
  'in_progress',
  'in_progress_late',
  'refused',
  'withdrawn',
];

const LEVELS: readonly string[] = ['province', 'district', 'commune'];

/** The filter of the page, kept in the address so a drill-down's "back" returns to the same view. */
export function useReportFilter(): [Filter, (f: Partial<Filter>) => void] {
  const [params, setParams] = useSearchParams();
  const q = quarterOf(vnToday(now()));
  const f: Filter = {
    from: params.get('from') ?? q.from,
    to: params.get('to') ?? q.to,
    ...(params.get('agencyId') ? { agencyId: params.get('agencyId')! } : {}),
    ...(LEVELS.includes(params.get('level') ?? '') ? { level: params.get('level') as Filter['level'] } : {}),
  };
  const set = (patch: Partial<Filter>) => {
    const next = { ...f, ...patch };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>);
  };
  return [f, set];
}

/** /office/bao-cao — the leader dashboard (issue 17): every number opens the list of its dossiers. */
export function ReportsDashboardPage() {
  const { t } = useI18n();
  useTitle(t('reports.dashboard.title'));
  const [f, setF] = useReportFilter();
  const q = useQuery({ queryKey: reportKeys.dashboard(f), queryFn: () => reportsApi.dashboard(f) });
  const d = q.data;
  const labels = useMemo(
    () => ({
      received: t('reports.m.received'),
      resolved: t('reports.col.resolved'),
      late: t('reports.late'),
    }),
    [t],
  );
  const table = (
    id: string,
    title: string,
    rows: TReportBreakdownRow[],
    extra: (r: TReportBreakdownRow) => Partial<Filter>,
  ) => (
    <Card>
      <h2 id={id}>{title}</h2>
      <Table
        className="table"
        labelledBy={id}
        rows={rows}
        rowKey={(r) => r.key}
        empty={t('reports.none')}
        columns={[
          { header: title, key: 'label', cell: (r) => r.label, rowHeader: true },
          ...COLUMNS.map((m) => ({
            header: t(`reports.m.${m}`),
            key: m,
            cell: (r: TReportBreakdownRow) => <Link to={drillLink(f, m, extra(r))}>{r.counts[m]}</Link>,
            numeric: true,
          })),
        ]}
      />
    </Card>
  );
  const maxLate = Math.max(
    1,
    ...(d?.byAgency ?? []).map((a) => a.counts.resolved_late + a.counts.in_progress_late),
  );
  return (
    <>
      <h1>{t('reports.dashboard.title')}</h1>
      <Card>
        <div className="org-row">
          <label>
            {t('reports.from')}
            <input type="date" value={f.from} onChange={(e) => setF({ from: e.target.value })} />
          </label>
          <label>
            {t('reports.to')}
            <input type="date" value={f.to} onChange={(e) => setF({ to: e.target.value })} />
          </label>
          <ScopeControls f={f} setF={setF} />
        </div>
        {d && <p>{t('reports.asOf', { day: formatDay(d.asOf) })}</p>}
      </Card>
      {q.isPending && <Spinner label="…" />}
      {q.error && <Alert kind="error">{q.error.message}</Alert>}
      {d && (
        <>
          <Card>
            <dl className="report-totals" data-testid="report-totals">
              {SHOWN.map((m) => (
                <div key={m}>
                  <dt>{t(`reports.m.${m}`)}</dt>
                  <dd>
                    <Link to={drillLink(f, m)} data-measure={m}>
                      {d.totals[m]}
                    </Link>
                  </dd>
                </div>
              ))}
            </dl>
            <p>
              {t('reports.rate.onTime')}: {percent(d.rates.onTime)} · {t('reports.rate.supplement')}:{' '}
              {percent(d.rates.supplement)} · {t('reports.rate.apology')}: {percent(d.rates.apology)}
            </p>
          </Card>
          <Card>
            <h2>{t('reports.lateBars')}</h2>
            <ul className="report-bars">
              {d.byAgency.flatMap((a) =>
                (['in_progress_late', 'resolved_late'] as const).map((m) => (
                  <li key={`${a.key}-${m}`}>
                    <span>
                      {a.label} — {t(`reports.m.${m}`)}
                    </span>
                    <Link
                      className="report-bar"
                      data-measure={m}
                      to={drillLink(f, m, { agencyId: a.key })}
                      aria-label={t('reports.lateBar', {
                        agency: a.label,
                        n: a.counts[m],
                        measure: t(`reports.m.${m}`),
                      })}
                      style={{ width: `${Math.max(2, (a.counts[m] / maxLate) * 100)}%` }}
                    >
                      {a.counts[m]}
                    </Link>
                  </li>
                )),
              )}
            </ul>
          </Card>
          <Card>
            <h2>{t('reports.trend')}</h2>
            <Suspense fallback={<Spinner label="…" />}>
              <TrendChart days={d.trend} labels={labels} title={t('reports.trend')} />
            </Suspense>
          </Card>
          {table('reports-by-agency', t('reports.byAgency'), d.byAgency, (r) => ({ agencyId: r.key }))}
          {table('reports-by-channel', t('reports.byChannel'), d.byChannel, (r) => ({
            channel: r.key as Filter['channel'],
          }))}
          {table('reports-by-level', t('reports.byLevel'), d.byLevel, (r) => ({
            level: r.key as Filter['level'],
          }))}
          {table('reports-by-field', t('reports.byField'), d.byField, (r) => ({ field: r.key }))}
          {table('reports-by-procedure', t('reports.byProcedure'), d.byProcedure, (r) => ({
            procedureCode: r.key,
          }))}
          <Card>
            <h2 id="reports-slowest">{t('reports.slowestSteps')}</h2>
            <Table
              className="table"
              labelledBy="reports-slowest"
              rows={d.slowestSteps}
              rowKey={(s) => `${s.agencyName}-${s.step}`}
              empty={t('app.noRows')}
              columns={[
                { header: t('reports.agency'), cell: (s) => s.agencyName },
                { header: t('reports.step'), cell: (s) => s.step },
                { header: t('reports.count'), cell: (s) => s.n, numeric: true },
                { header: t('reports.averageHours'), cell: (s) => s.averageHours, numeric: true },
              ]}
            />
          </Card>
          <DossierTable title={t('reports.overdue')} rows={d.overdue} />
          <DossierTable title={t('reports.dueSoon')} rows={d.dueSoon} />
          <OverdueFeedbackTable data={d.overdueFeedback} />
        </>
      )}
    </>
  );
}

/** Feedback past its answer time (issue 16), with whether the unit's head was told. */
function OverdueFeedbackTable({ data }: { data: TOverdueFeedback }) {
  const { t, locale } = useI18n();
  return (
    <Card>
      <h2 id="reports-feedback">{t('reports.feedback.title')}</h2>
      {data.total === 0 ? (
        <p>{t('reports.feedback.none')}</p>
      ) : (
        <>
          <p>{t('reports.feedback.count', { n: String(data.total) })}</p>
          <Table
            className="table"
            testId="overdue-feedback"
            labelledBy="reports-feedback"
            rows={data.items}
            rowKey={(r) => r.id}
            empty={t('reports.feedback.none')}
            columns={[
              {
                header: t('reports.feedback.reference'),
                cell: (r) => <Link to="/office/phan-anh">{r.reference}</Link>,
                rowHeader: true,
              },
              { header: t('reports.agency'), cell: (r) => r.agencyName },
              { header: t('reports.feedback.due'), cell: (r) => formatDateTime(r.answerDueAt, locale) },
              {
                header: t('reports.feedback.escalated'),
                cell: (r) =>
                  r.escalatedAt ? formatDateTime(r.escalatedAt, locale) : t('reports.feedback.notEscalated'),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** Dossiers under a heading (the dashboard's overdue and due-soon lists, a drill-down's page), each opening its file. */
export function DossierTable({ title, rows }: { title: string; rows: TReportDossierRow[] }) {
  const { t } = useI18n();
  const id = useId();
  const day = (at: string | null) => (at ? formatDay(at.slice(0, 10)) : '—');
  return (
    <Card>
      <h2 id={id}>{title}</h2>
      <Table
        className="table"
        testId="report-dossiers"
        labelledBy={id}
        rows={rows}
        rowKey={(r) => r.id}
        rowData={(r) => ({ 'data-dossier-id': r.id })}
        empty={t('reports.none')}
        columns={[
          {
            header: t('reports.code'),
            cell: (r) => <Link to={`/office/xu-ly/${r.id}`}>{r.code ?? r.id.slice(0, 8)}</Link>,
            rowHeader: true,
          },
          { header: t('reports.procedure'), cell: (r) => r.procedureName },
          { header: t('reports.agency'), cell: (r) => r.agencyName },
          { header: t('reports.submittedAt'), cell: (r) => day(r.submittedAt) },
          { header: t('reports.appointment'), cell: (r) => day(r.appointmentAt) },
          { header: t('reports.resolvedAt'), cell: (r) => day(r.resolvedAt) },
        ]}
      />
    </Card>
  );
}
