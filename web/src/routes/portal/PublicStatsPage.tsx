import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Spinner } from '../../components/ui';
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
          <h2>{s.agencyName}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('reports.public.month')}</th>
                <th scope="col">{t('reports.public.received')}</th>
                <th scope="col">{t('reports.public.resolved')}</th>
                <th scope="col">{t('reports.public.onTime')}</th>
                <th scope="col">{t('reports.public.online')}</th>
                <th scope="col">{t('reports.public.satisfaction')}</th>
              </tr>
            </thead>
            <tbody>
              {s.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.month}</th>
                  <td>{m.received}</td>
                  <td>{m.resolved}</td>
                  <td>{percent(m.onTimeRate)}</td>
                  <td>{percent(m.onlineRate)}</td>
                  <td>
                    {m.satisfactionRate === null ? t('reports.public.notYet') : percent(m.satisfactionRate)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
