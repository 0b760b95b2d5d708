import { useQuery } from '@tanstack/react-query';
import type { TPeriodicReport, TPeriodicRow } from '@motcua/contracts';
import { Alert, Card, Spinner } from '../../components/ui';
import { quarterOf, reportKeys, reportsApi, vnToday } from '../../features/reports/api';
import { ScopeControls } from '../../features/reports/ScopeControls';
import { useI18n } from '../../i18n/i18n';
import { now } from '../../lib/clock';
import { useTitle } from '../../lib/useTitle';
import { useReportFilter } from './ReportsDashboardPage';

const COLS: (keyof TPeriodicRow)[] = [
  'carriedOver',
  'receivedOnline',
  'receivedCounterOrPost',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProgress',
  'inProgressOnTime',
  'inProgressLate',
  'refused',
  'withdrawn',
];

/** /office/bao-cao/dinh-ky — the periodic report (Biểu mẫu 06a/VPCP/KSTT), shown and exported as xlsx and PDF. */
export function PeriodicReportPage() {
  const { t } = useI18n();
  useTitle(t('reports.periodic.title'));
  const [f, setF] = useReportFilter();
  const q = useQuery({ queryKey: reportKeys.periodic(f), queryFn: () => reportsApi.periodic(f) });
  const r = q.data;
  return (
    <>
      <h1>{t('reports.periodic.title')}</h1>
      <p>{t('reports.periodic.lead')}</p>
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
          <button type="button" className="btn btn-secondary" onClick={() => setF(quarterOf(vnToday(now())))}>
            {t('reports.periodic.quarter')}
          </button>
        </div>
        <p className="org-row">
          <a className="btn btn-primary" href={reportsApi.exportUrl(f, 'xlsx')} download>
            {t('reports.periodic.xlsx')}
          </a>
          <a className="btn btn-secondary" href={reportsApi.exportUrl(f, 'pdf')} download>
            {t('reports.periodic.pdf')}
          </a>
        </p>
      </Card>
      {q.isPending && <Spinner label="…" />}
      {q.error && <Alert kind="error">{q.error.message}</Alert>}
      {r && (
        <Card>
          <h2>{r.agencyName}</h2>
          <p>{r.form}</p>
          <h3>{t('reports.periodic.byField')}</h3>
          <PeriodicTable
            testId="periodic-report"
            head={t('reports.col.field')}
            rows={r.rows}
            total={r.total}
          />
          <h3>{t('reports.periodic.byAgency')}</h3>
          <PeriodicTable testId="periodic-agencies" head={t('reports.col.label')} rows={r.byAgency} />
        </Card>
      )}
    </>
  );
}

function PeriodicTable(p: {
  testId: string;
  head: string;
  rows: TPeriodicRow[];
  total?: TPeriodicReport['total'];
}) {
  const { t } = useI18n();
  const rows = p.total ? [...p.rows, p.total] : p.rows;
  return (
    <div className="table-scroll">
      <table className="table" data-testid={p.testId}>
        <thead>
          <tr>
            <th scope="col">{p.head}</th>
            {COLS.map((c) => (
              <th key={c} scope="col">
                {t(`reports.col.${c}` as 'reports.col.resolved')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr
              key={`${row.key}-${i}`}
              data-key={row.key}
              data-total={p.total && i === p.rows.length ? 'true' : undefined}
            >
              <th scope="row">{row.label}</th>
              {COLS.map((c) => (
                <td key={c} data-col={c}>
                  {row[c]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
