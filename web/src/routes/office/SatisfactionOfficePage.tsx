import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ErrorBox, Spinner } from '../../components/ui';
import { feedbackApi, feedbackKeys } from '../../features/feedback/api';
import { SatisfactionTable } from '../../features/feedback/components/SatisfactionTable';
import { useMe } from '../../features/session/hooks';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

const BY = ['agency', 'desk', 'official', 'field'] as const;

/**
 * /office/danh-gia — satisfaction roll-ups (staff: their own; leaders: their agency), closing a period, and the desk
 * starting a rating on its tablet for a returned dossier.
 */
export function SatisfactionOfficePage() {
  const { t } = useI18n();
  useTitle(t('feedback.sat.officeTitle'));
  const me = useMe().data;
  const qc = useQueryClient();
  const periods = useQuery({ queryKey: feedbackKeys.periods, queryFn: feedbackApi.periods });
  const [chosen, setChosen] = useState('');
  const [by, setBy] = useState<(typeof BY)[number]>('agency');
  const period = chosen || periods.data?.items[0]?.period || '';
  const summary = useQuery({
    queryKey: feedbackKeys.summary(period, by),
    queryFn: () => feedbackApi.summary(period, by),
    enabled: Boolean(period),
  });
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const closed = periods.data?.items.find((p) => p.period === period)?.closedAt;
  const leader = me?.roles.some((r) => r === 'leader' || r === 'system_admin');
  const close = () =>
    void feedbackApi
      .close(period)
      .then(() => qc.invalidateQueries({ queryKey: ['feedback'] }))
      .catch(setError);
  const startDesk = (e: FormEvent) => {
    e.preventDefault();
    feedbackApi
      .deskLink(code.trim())
      .then((l) => window.open(l.path, '_blank'))
      .catch(setError);
  };
  return (
    <>
      <h1>{t('feedback.sat.officeTitle')}</h1>
      <div className="field">
        <label htmlFor="os-period">{t('feedback.sat.period')}</label>
        <select id="os-period" value={period} onChange={(e) => setChosen(e.target.value)}>
          {(periods.data?.items ?? []).map((p) => (
            <option key={p.period} value={p.period}>
              {p.period} — {t(p.closedAt ? 'feedback.sat.closed' : 'feedback.sat.open')}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="os-by">{t('feedback.sat.by')}</label>
        <select id="os-by" value={by} onChange={(e) => setBy(e.target.value as (typeof BY)[number])}>
          {BY.map((b) => (
            <option key={b} value={b}>
              {t(`feedback.sat.by.${b}`)}
            </option>
          ))}
        </select>
      </div>
      {summary.data ? <SatisfactionTable s={summary.data} /> : <Spinner label={t('app.loading')} />}
      {leader && period && !closed ? (
        <Button variant="secondary" onClick={close}>
          {t('feedback.sat.close', { period })}
        </Button>
      ) : null}
      <ErrorBox error={error} />
      {me?.roles.includes('reception_officer') ? (
        <form onSubmit={startDesk}>
          <h2>{t('feedback.sat.desk')}</h2>
          <div className="field">
            <label htmlFor="os-code">{t('feedback.sat.deskCode')}</label>
            <input id="os-code" required value={code} onChange={(e) => setCode(e.target.value)} />
          </div>
          <Button type="submit">{t('feedback.sat.deskStart')}</Button>
        </form>
      ) : null}
    </>
  );
}
