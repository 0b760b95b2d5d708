import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ErrorBox, Spinner } from '../../components/ui';
import { feedbackApi, feedbackKeys } from '../../features/feedback/api';
import { SatisfactionTable } from '../../features/feedback/components/SatisfactionTable';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** /hai-long — each agency's satisfaction results per period (000 Đ4.2). */
export function SatisfactionPage() {
  const { t } = useI18n();
  useTitle(t('feedback.sat.title'));
  const periods = useQuery({ queryKey: feedbackKeys.periods, queryFn: feedbackApi.periods });
  const [chosen, setChosen] = useState('');
  const period = chosen || periods.data?.items[0]?.period || '';
  const summary = useQuery({
    queryKey: feedbackKeys.publicSummary(period),
    queryFn: () => feedbackApi.publicSummary(period),
    enabled: Boolean(period),
  });
  return (
    <>
      <h1>{t('feedback.sat.title')}</h1>
      <div className="field">
        <label htmlFor="sat-period">{t('feedback.sat.period')}</label>
        <select id="sat-period" value={period} onChange={(e) => setChosen(e.target.value)}>
          {(periods.data?.items ?? []).map((p) => (
            <option key={p.period} value={p.period}>
              {p.period} — {t(p.closedAt ? 'feedback.sat.closed' : 'feedback.sat.open')}
            </option>
          ))}
        </select>
      </div>
      {summary.isError ? <ErrorBox error={summary.error} /> : null}
      {summary.data ? <SatisfactionTable s={summary.data} /> : <Spinner label={t('app.loading')} />}
    </>
  );
}
