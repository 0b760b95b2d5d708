import '../../features/processing/processing.css';
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, ErrorBox, Spinner } from '../../components/ui';
import { interagencyApi, interagencyKeys } from '../../features/interagency/api';
import { PartnerTask } from '../../features/interagency/components/PartnerTask';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/**
 * /office/lien-thong — "Hồ sơ liên thông cần phối hợp": the parts of inter-agency dossiers my agency is asked for,
 * open ones first by due time; each with its task, the files it may open and the form to return its part.
 */
export function InteragencyTasksPage() {
  const { t } = useI18n();
  useTitle(t('interagency.page.title'));
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [done, setDone] = useState(false);
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: interagencyKeys.mine(status),
    queryFn: () => interagencyApi.mine(status),
  });
  const refresh = () => {
    setDone(true);
    void qc.invalidateQueries({ queryKey: interagencyKeys.all });
  };
  return (
    <>
      <h1>{t('interagency.page.title')}</h1>
      <p>{t('interagency.page.lead')}</p>
      <div className="field">
        <label htmlFor="interagency-status">{t('processing.consult.page.show')}</label>
        <select
          id="interagency-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as 'open' | 'all')}
        >
          <option value="open">{t('interagency.page.open')}</option>
          <option value="all">{t('processing.consult.page.all')}</option>
        </select>
      </div>
      {done ? <Alert kind="success">{t('interagency.done.saved')}</Alert> : null}
      {list.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : list.isError ? (
        <ErrorBox error={list.error} />
      ) : (
        <>
          <p>
            {t('interagency.page.counts', { open: list.data.counts.open, overdue: list.data.counts.overdue })}
          </p>
          {list.data.items.length === 0 ? <p className="muted">{t('interagency.page.none')}</p> : null}
          {list.data.items.map((task) => (
            <Card key={task.id}>
              <PartnerTask task={task} onDone={refresh} />
            </Card>
          ))}
        </>
      )}
    </>
  );
}
