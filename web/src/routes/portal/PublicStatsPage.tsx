import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Spinner, Table } from '../../components/ui';
import { percent, reportKeys, reportsApi } from '../../features/reports/api';
import { useI18n } from '../../i18n/i18n';
import { vietnamYear } from '../../lib/clock';
import { useTitle } from '../../lib/useTitle';

/** /thong-ke — public statistics per month for the province or one agency (000 Đ4.2); no log-in, no personal data. */
export function PublicStatsPage() {
  const { t } = useI18n();
  useTitle(t('reports.public.title'));
  const [year, setYear] = useState(vietnamYear());
  const [agencyId, setAgencyId] = useState<string | undefined>();
  const q = useQuery({
    queryKey: reportKeys.publicStats(year, agencyId),
    queryFn: () => reportsApi.publicStats(year, agencyId),
  });
  const s = q.data;
  return (
    <>
      <h1>{t('reports.public.title')}</h1>
      <p>{t('reports.public.lead')}</p>
      <Card>
        <div className="org-row">
          <label>
            {t('reports.public.year')}
            <input
              type="number"
              value={year}
              min={2020}
              max={2100}
              onChange={(e) => setYear(Number(e.target.value))}
            />
          </label>
          <label>
            {t('reports.agency')}
            <select value={agencyId ?? ''} onChange={(e) => setAgencyId(e.target.value || undefined)}>
              <option value="">{t('reports.public.province')}</option>
              {(s?.agencies ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </Card>
      {q.isPending && <Spinner label="…" />}
      {q.error && <Alert kind="error">{q.error.message}</Alert>}
      {s && (
        <Card>
          <h2 id="public-stats-agency">{s.agencyName}</h2>
          <Table
            className="table"
            labelledBy="public-stats-agency"
            rows={s.months}
            rowKey={(m) => m.month}
            empty={t('app.noRows')}
            columns={[
              { header: t('reports.public.month'), cell: (m) => m.month, rowHeader: true },
              { header: t('reports.public.received'), cell: (m) => m.received },
              { header: t('reports.public.resolved'), cell: (m) => m.resolved },
              { header: t('reports.public.onTime'), cell: (m) => percent(m.onTimeRate) },
              { header: t('reports.public.online'), cell: (m) => percent(m.onlineRate) },
              {
                header: t('reports.public.satisfaction'),
                cell: (m) =>
                  m.satisfactionRate === null ? t('reports.public.notYet') : percent(m.satisfactionRate),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
