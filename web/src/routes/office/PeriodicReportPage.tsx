import { useQuery } from '@tanstack/react-query';
import type { TPeriodicReport, TPeriodicRow } from '@motcua/contracts';
import { Alert, Card, Spinner, Table } from '../../components/ui';
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
          <h3 id="periodic-by-field">{t('reports.periodic.byField')}</h3>
          <PeriodicTable
            testId="periodic-report"
            labelledBy="periodic-by-field"
            head={t('reports.col.field')}
            rows={r.rows}
            total={r.total}
          />
          <h3 id="periodic-by-agency">{t('reports.periodic.byAgency')}</h3>
          <PeriodicTable
            testId="periodic-agencies"
            labelledBy="periodic-by-agency"
            head={t('reports.col.label')}
            rows={r.byAgency}
          />
        </Card>
      )}
    </>
  );
}

/** The form's rows under its heading, each figure in a `data-col` cell; the total, if any, in the footer. */
function PeriodicTable(p: {
  testId: string;
  labelledBy: string;
  head: string;
  rows: TPeriodicRow[];
  total?: TPeriodicReport['total'];
}) {
  const { t } = useI18n();
  return (
    <Table
      className="table"
      testId={p.testId}
      labelledBy={p.labelledBy}
      rows={p.rows}
      rowKey={(row, i) => `${row.key}-${i}`}
      rowData={(row) => ({ 'data-key': row.key, 'data-total': row === p.total ? 'true' : undefined })}
      footer={p.total}
      empty={t('reports.none')}
      columns={[
        { header: p.head, key: 'label', cell: (row) => row.label, rowHeader: true },
        ...COLS.map((c) => ({
          header: t(`reports.col.${c}` as 'reports.col.resolved'),
          key: c,
          cell: (row: TPeriodicRow) => row[c],
          numeric: true,
          cellData: { 'data-col': c },
        })),
      ]}
    />
  );
}
